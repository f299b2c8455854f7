// Property (issue 7 "done when"): random sequences of actions by random users, through HTTP on a real
// database, never reach a status the table forbids, never let an officer act outside scope, never
// fail with a server error, and every dossier's history replays to its current state.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_BY_STATUS, DOSSIER_ACTIONS } from '../../src/domain/dossier/actions.ts';
import { type HistoryEntry, replayHistory } from '../../src/domain/dossier/history.ts';
import type { DossierStatus } from '../../src/domain/dossier/status.ts';
import { act, getJson, onlineSubmission, postDossier, uploadPdf } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

// CI runs a dozen sequences; `PROPERTY_RUNS=500 FC_SEED=… npx vitest run <this file>` runs more.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
let system: TestSystem;
const cookies: Record<string, string> = {};
const USERS = ['citizen', 'desk', 'specialist', 'head', 'leader', 'outsider'] as const;
let resultFileId: string;
let specialistId: string;

beforeAll(async () => {
  // Hundreds of sequences from one test address must not run into the per-IP limit (goal 36).
  system = await startTestSystem({ MOTCUA_RATE_LIMIT: '10000000' });
  cookies.citizen = await loginAs(system, '0912345678', 'Demo@2026');
  cookies.desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  cookies.specialist = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
  cookies.head = await loginAs(system, 'truongphong.stp', 'Demo@2026');
  cookies.leader = await loginAs(system, 'lanhdao.stp', 'Demo@2026');
  cookies.outsider = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
  resultFileId = await uploadPdf(system, cookies.leader ?? '', 'ket-qua.pdf');
  specialistId = (
    await system.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'chuyenvien.stp')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => system?.close());

function bodyFor(action: string, dueAt: string | null): Record<string, unknown> {
  return {
    action,
    note: 'Ghi chú kiểm thử',
    reasons: ['Lý do kiểm thử'],
    items: [{ name: 'Giấy tờ bổ sung' }],
    newDueAt: new Date(Date.parse(dueAt ?? new Date().toISOString()) + 5 * 86_400_000).toISOString(),
    handoverTo: specialistId,
    resultFileId,
    deliveredHow: 'desk',
  };
}

describe('[property] random actions by random users', () => {
  it(
    'stay inside the table and the scope, and the history replays',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...USERS), fc.constantFrom(...DOSSIER_ACTIONS)), {
            minLength: 4,
            maxLength: 14,
          }),
          async (steps) => {
            const submission = await onlineSubmission(system, cookies.citizen ?? '', 'AH-LLTP-01');
            const created = await postDossier(system, cookies.citizen ?? '', submission);
            expect(created.status).toBe(201);
            const id: string = created.body.id;
            // Bias towards progress: the desk accepts first.
            await act(system, cookies.desk ?? '', id, { action: 'accept' });
            for (const [who, action] of steps) {
              const before = (await getJson(system, cookies.desk ?? '', `/api/v1/dossiers/${id}`)).body;
              const answer = await act(system, cookies[who] ?? '', id, bodyFor(action, before.dueAt));
              expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
              if (answer.status !== 200) {
                continue;
              }
              expect(who, `${who} acted on a dossier outside their scope`).not.toBe('outsider');
              const rules: ReadonlyArray<{ action: string; to: number }> =
                ACTIONS_BY_STATUS[before.status as DossierStatus];
              expect(
                rules.some((r) => r.action === action && r.to === answer.body.status),
                `${action} took ${before.status} → ${answer.body.status}`,
              ).toBe(true);
            }
            const history = (
              await getJson(system, cookies.desk ?? '', `/api/v1/dossiers/${id}/history?pageSize=200`)
            ).body.items;
            const entries: HistoryEntry[] = history.map(
              (
                h: {
                  action: HistoryEntry['action'];
                  relation: HistoryEntry['relation'];
                  statusBefore: DossierStatus | null;
                  statusAfter: DossierStatus;
                  subStatusAfter: HistoryEntry['subStatusAfter'];
                },
                i: number,
              ) => ({
                action: h.action,
                relation: h.relation,
                statusBefore: h.statusBefore,
                statusAfter: h.statusAfter,
                subStatusBefore: i === 0 ? null : history[i - 1].subStatusAfter,
                subStatusAfter: h.subStatusAfter,
              }),
            );
            const now = (await getJson(system, cookies.desk ?? '', `/api/v1/dossiers/${id}`)).body;
            expect(replayHistory(entries)).toEqual({
              ok: true,
              status: now.status,
              subStatus: now.subStatus,
            });
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20261123) },
      );
    },
    Math.max(240_000, RUNS * 20_000),
  );

  it('a guided walk reaches status 10 (the generator can get there)', async () => {
    const submission = await onlineSubmission(system, cookies.citizen ?? '', 'AH-LLTP-01');
    const id: string = (await postDossier(system, cookies.citizen ?? '', submission)).body.id;
    const walk: Array<[string, string]> = [
      ['desk', 'accept'],
      ['desk', 'forward'],
      ['specialist', 'forward'],
      ['head', 'forward'],
      ['leader', 'approve'],
      ['desk', 'confirm_result'],
      ['desk', 'return_result'],
    ];
    for (const [who, action] of walk) {
      const answer = await act(system, cookies[who] ?? '', id, {
        ...bodyFor(action, null),
        handoverTo: undefined,
      });
      expect(answer.status, `${who} ${action}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    expect((await getJson(system, cookies.desk ?? '', `/api/v1/dossiers/${id}`)).body.status).toBe(10);
  });
});
