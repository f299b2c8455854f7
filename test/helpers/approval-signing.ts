// Goal 27 at approval: a dossier walked to the leader's signing step, the officer's result PDF
// uploaded, and what the approval leaves behind (signed copies, history rows), for the signing tests.
import { expect } from 'vitest';
import { pdf } from '../../src/domain/files/test-files.ts';
import { act, onlineSubmission, postDossier } from './dossiers.ts';
import { multipartFile } from './multipart.ts';
import { loginAs, type TestSystem } from './test-system.ts';

export async function uploadResult(system: TestSystem, cookie: string, content: Buffer): Promise<string> {
  const { payload, headers } = multipartFile('ket-qua.pdf', content);
  const res = await system.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...headers, cookie },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body).id as string;
}

/** A dossier at the leader's signing step; `result` is the PDF the leader approves with. */
export async function atSigningStep(system: TestSystem, result: Buffer = Buffer.from(pdf())) {
  const citizen = await loginAs(system, '0912345678', 'Demo@2026');
  const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  const specialist = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
  const head = await loginAs(system, 'truongphong.stp', 'Demo@2026');
  const leader = await loginAs(system, 'lanhdao.stp', 'Demo@2026');
  const specialistId = (
    await system.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'chuyenvien.stp')
      .executeTakeFirstOrThrow()
  ).id;
  const { body: dossier } = await postDossier(
    system,
    citizen,
    await onlineSubmission(system, citizen, 'AH-LLTP-01'),
  );
  const step = async (cookie: string, body: Record<string, unknown>) => {
    const res = await act(system, cookie, dossier.id, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await step(desk, { action: 'accept' });
  await step(desk, { action: 'forward', assignTo: specialistId });
  await step(specialist, { action: 'forward' });
  await step(head, { action: 'forward' });
  return {
    id: dossier.id as string,
    leader,
    desk,
    citizen,
    fileId: await uploadResult(system, leader, result),
  };
}

export const signedCopies = (system: TestSystem, id: string) =>
  system.database.db
    .selectFrom('dossierFiles')
    .select(['fileId', 'historyId'])
    .where('dossierId', '=', id)
    .where('componentKey', '=', 'signed-result')
    .execute();

/** What a refused approval must leave untouched: status, version, history, signed copies. */
export async function dossierState(system: TestSystem, id: string) {
  const db = system.database.db;
  const dossier = await db
    .selectFrom('dossiers')
    .select(['status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const history = await db.selectFrom('dossierHistory').select('id').where('dossierId', '=', id).execute();
  return { ...dossier, history: history.length, copies: (await signedCopies(system, id)).length };
}
