// Building valid submissions from a procedure's published content, so tests follow the catalogue.
import { pdf } from '../../src/domain/files/test-files.ts';
import type { RunningSystem } from '../../src/system.ts';
import { multipartFile } from './multipart.ts';
import { type SubmissionProcedure, submissionFor } from './submission.ts';
import { JSON_HEADERS, loginAs } from './test-system.ts';

export async function uploadPdf(
  system: RunningSystem,
  cookie: string,
  name = 'giay-to.pdf',
): Promise<string> {
  const { payload, headers } = multipartFile(name, pdf());
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...headers, cookie },
    payload,
  });
  if (response.statusCode !== 201) {
    throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  }
  return JSON.parse(response.body).id as string;
}

/** A complete online submission for a procedure: every required component filled or attached. */
export async function onlineSubmission(system: RunningSystem, cookie: string, procedureCode: string) {
  const response = await system.app.inject({ url: `/api/v1/procedures/${procedureCode}` });
  return submissionFor(JSON.parse(response.body) as SubmissionProcedure, () => uploadPdf(system, cookie));
}

export async function postDossier(system: RunningSystem, cookie: string, body: unknown, key?: string) {
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { ...JSON_HEADERS, cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body as Record<string, unknown>,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

export async function act(system: RunningSystem, cookie: string, id: string, body: Record<string, unknown>) {
  const response = await system.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/actions`,
    headers: { ...JSON_HEADERS, cookie },
    payload: body,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

export async function getJson(system: RunningSystem, cookie: string, url: string) {
  const response = await system.app.inject({ url, headers: { cookie } });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

/** A dossier received at the desk for a walk-in applicant (status 2, with an appointment). */
export async function deskDossier(system: RunningSystem, procedureCode = 'AH-LLTP-01') {
  const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  const procedure = (await getJson(system, '', `/api/v1/procedures/${procedureCode}`)).body;
  return postDossier(system, desk, {
    procedureId: procedure.id,
    channel: 'desk',
    applicant: { fullName: 'Phạm Thị Hồng Nhung', phone: '0987654321' },
    delivery: { method: 'desk' },
  });
}
