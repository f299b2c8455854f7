// Security goal 30 (security-goals.md §4.4): the parallel-action and parallel-reception suites,
// repeated. CI runs each once; GOAL30_REPEATS=100 on PostgreSQL gives the goal's figure and prints
// the totals (docs/RELIABILITY.md). Every repetition asserts on its own, so a single lost update,
// second winner or duplicate/skipped code fails the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDossierCode } from '../../src/domain/dossier/dossier-code.ts';
import { getJson, onlineSubmission } from '../helpers/dossiers.ts';
import { onServer } from '../helpers/test-database.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

const REPEATS = Number(process.env.GOAL30_REPEATS ?? 1);
const PARALLEL_ACTIONS = 8;
const PARALLEL_RECEPTIONS = 100;
// One unit has 9,999 codes a day (4 digits, TT 01/2018 Đ19; the 10,000th is refused with 409
// DOSSIER_CODE_EXHAUSTED). One test database can hold at most 98 repetitions of both suites: a 100×
// figure is two runs of 50 (each run gets its own database).
const CODES_PER_DAY = 9_999;
if (REPEATS * (PARALLEL_RECEPTIONS + 1) > CODES_PER_DAY) {
  throw new Error(
    `GOAL30_REPEATS=${REPEATS} would exhaust the day's 9,999 codes: run it as several runs of ≤ 98`,
  );
}

let system: TestSystem;
let desks: string[];
let citizen: string;
let procedureId: string;
let client = 0;

beforeAll(async () => {
  // The API-wide per-address limit would stop a 100× run; the submission limit is dodged below.
  system = await startTestSystem({ MOTCUA_RATE_LIMIT: '10000000' });
  desks = await Promise.all(
    Array.from({ length: PARALLEL_ACTIONS }, () => loginAs(system, 'tiepnhan', 'Demo@2026')),
  );
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  procedureId = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body.id;
}, 120_000);
afterAll(async () => {
  report();
  await system?.close();
});

/** POST from a fresh client address: the submission route allows 60 requests a minute per address. */
async function post(url: string, cookie: string, payload: Record<string, unknown>) {
  client += 1;
  const response = await system.app.inject({
    method: 'POST',
    url,
    remoteAddress: `127.2.${Math.floor(client / 250) % 250}.${(client % 250) + 2}`,
    headers: { ...JSON_HEADERS, cookie },
    payload,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

const totals = {
  actionRounds: 0,
  winners: 0,
  conflicts: 0,
  lostUpdates: 0,
  receptions: 0,
  failedReceptions: 0,
  duplicates: 0,
  skipped: 0,
};

function report(): void {
  if (REPEATS > 1) {
    process.stdout.write(
      `[goal 30] ${onServer() ? 'PostgreSQL' : 'PGlite'}, ${REPEATS} repeats: ${JSON.stringify(totals)}\n`,
    );
  }
}

describe(`[goal 30] parallel suites, repeated ${REPEATS}×`, () => {
  it(
    `${PARALLEL_ACTIONS} parallel actions on one dossier version: exactly one winner, no lost update`,
    async () => {
      const actions = [
        { action: 'accept' },
        { action: 'refuse', reasons: ['Không thuộc thẩm quyền.'] },
        { action: 'request_completion', items: [{ name: 'Bản sao giấy khai sinh' }] },
      ];
      for (let r = 0; r < REPEATS; r++) {
        const created = await post(
          '/api/v1/dossiers',
          citizen,
          await onlineSubmission(system, citizen, 'AH-LLTP-01'),
        );
        expect(created.status).toBe(201);
        const id = created.body.id as string;
        const before = (await getJson(system, desks[0] as string, `/api/v1/dossiers/${id}`)).body;
        const historyBefore = (await getJson(system, desks[0] as string, `/api/v1/dossiers/${id}/history`))
          .body.total;
        const answers = await Promise.all(
          desks.map((desk, i) =>
            post(`/api/v1/dossiers/${id}/actions`, desk, {
              ...actions[i % actions.length],
              expectedVersion: before.version,
            }),
          ),
        );
        const winners = answers.filter((a) => a.status === 200);
        const after = (await getJson(system, desks[0] as string, `/api/v1/dossiers/${id}`)).body;
        const history = (await getJson(system, desks[0] as string, `/api/v1/dossiers/${id}/history`)).body;
        totals.actionRounds += 1;
        totals.winners += winners.length;
        totals.conflicts += answers.filter((a) => a.status === 409).length;
        // A lost update: a winner whose change is not the dossier's state, or a version/history that
        // moved by anything but exactly one change.
        const lost =
          after.version !== before.version + 1 ||
          history.total !== historyBefore + 1 ||
          after.status !== winners[0]?.body.status;
        totals.lostUpdates += lost ? 1 : 0;
        expect(winners).toHaveLength(1);
        expect(answers.filter((a) => a.status === 409)).toHaveLength(PARALLEL_ACTIONS - 1);
        expect(lost).toBe(false);
      }
    },
    60_000 + REPEATS * 20_000,
  );

  it(
    `${PARALLEL_RECEPTIONS} parallel receptions in one unit on one day: distinct consecutive codes`,
    async () => {
      const walkIn = {
        procedureId,
        channel: 'desk',
        applicant: {
          fullName: 'Tiếp Nhận Song Song',
          idNumber: '001090012345',
          phone: '0912345678',
          address: 'Số 5 Lê Lợi, An Hòa',
        },
        delivery: { method: 'desk' },
      };
      for (let r = 0; r < REPEATS; r++) {
        const answers = await Promise.all(
          Array.from({ length: PARALLEL_RECEPTIONS }, () =>
            post('/api/v1/dossiers', desks[0] as string, walkIn),
          ),
        );
        const refused = answers.filter((a) => a.status !== 201);
        totals.failedReceptions += refused.length;
        // Name the failure: status and error code of the first refused reception.
        expect(
          refused.map((a) => `${a.status} ${a.body.code ?? ''} ${JSON.stringify(a.body.message ?? '')}`),
        ).toEqual([]);
        const codes = answers.map((a) => a.body.code as string);
        const unitDays = new Set(codes.map((c) => c.slice(0, c.lastIndexOf('-'))));
        const sequences = codes.map((c) => parseDossierCode(c)?.sequence ?? 0).sort((a, b) => a - b);
        const distinct = new Set(sequences).size;
        const first = sequences[0] ?? 0;
        totals.receptions += codes.length;
        totals.duplicates += codes.length - distinct;
        // Nothing else issues codes meanwhile, so the block must be first, first+1, … with no hole.
        totals.skipped += (sequences.at(-1) ?? 0) - first + 1 - distinct;
        expect(unitDays.size).toBe(1);
        expect(sequences).toEqual(Array.from({ length: PARALLEL_RECEPTIONS }, (_, i) => first + i));
      }
    },
    60_000 + REPEATS * 30_000,
  );
});
