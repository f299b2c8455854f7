// Historical demo dossiers (issue 7): a few hundred judicial-record dossiers received over the last
// weeks at the one-stop centre, spread over every stage of their process (some stopped, some waiting
// for the applicant, many finished, some overdue), with consistent history and step ledgers, so the
// worklists and warnings are alive on first start. Bulk inserts: a handful of statements in all.
import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { dueAfter } from '../../domain/processing/time-limit.ts';
import { foldVietnamese } from '../../domain/text/vietnamese.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { addWorkingMinutes } from '../../domain/working-time/index.ts';
import type {
  Database,
  DossierHistoryTable,
  DossierStepsTable,
  DossiersTable,
} from '../../platform/db/schema.ts';
import { enterUnnumberedReceptions } from '../documents/document-numbers.ts';
import { calendarFor } from '../dossiers/dossier-context.ts';
import type { StoredStep } from '../processing/process.repository.ts';
import { findRuleSetInForce } from '../rules/rule-sets.repository.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Đức', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Yến',
];

/** A tiny deterministic generator, so every fresh demo looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Stage =
  | { kind: 'step'; index: number } // sitting at step `index` (0 = desk, to_process)
  | { kind: 'result' } // 9
  | { kind: 'returned' } // 10
  | { kind: 'stopped' } // 8 at the specialist
  | { kind: 'supplement' }; // 5 waiting for the applicant

export async function seedDemoDossiers(
  trx: Transaction<Database>,
  options: { count?: number; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const count = options.count ?? 320;
  const lltp = await trx
    .selectFrom('procedures as p')
    .innerJoin('procedureVersions as v', 'v.procedureId', 'p.id')
    .innerJoin('processes as pr', 'pr.procedureId', 'p.id')
    .innerJoin('processVersions as pv', 'pv.processId', 'pr.id')
    .select([
      'p.id as procedureId',
      'v.id as versionId',
      'v.timeValue',
      'v.timeUnit',
      'pv.id as processVersionId',
      'pv.steps',
    ])
    .where('p.localCode', '=', 'AH-LLTP-01')
    .where('v.status', '=', 'published')
    .where('pv.status', '=', 'published')
    .executeTakeFirst();
  const agencies = await trx
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', 'in', ['000.00.06.H99', '000.00.11.H99'])
    .execute();
  const centre = agencies.find((a) => a.code === '000.00.06.H99');
  const stp = agencies.find((a) => a.code === '000.00.11.H99');
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username', 'unitId'])
    .where('username', 'in', ['tiepnhan', 'chuyenvien.stp', 'truongphong.stp', 'lanhdao.stp'])
    .execute();
  const today = todayInVietnam(now);
  const ruleSet = await findRuleSetInForce(trx, today);
  if (!lltp || !centre || !stp || users.length < 4 || !ruleSet) {
    return 0;
  }
  const resolved = await calendarFor(trx, stp.id, today);
  const calendar = resolved.calendar;
  const user = (name: string) =>
    users.find((u) => u.username === name) as { id: string; username: string; unitId: string | null };
  const holders = [
    user('tiepnhan'),
    user('chuyenvien.stp'),
    user('truongphong.stp'),
    user('lanhdao.stp'),
    user('tiepnhan'),
  ];
  const steps = lltp.steps as StoredStep[];
  const random = rng(20261123);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  const plus = (at: Date, minutes: number) => {
    const r = addWorkingMinutes(calendar, at.getTime(), minutes);
    return r.ok ? new Date(r.value) : new Date(at.getTime() + minutes * 60_000);
  };

  const dossiers: Array<Insertable<DossiersTable>> = [];
  const history: Array<Insertable<DossierHistoryTable>> = [];
  const ledger: Array<Insertable<DossierStepsTable>> = [];
  for (let n = 0; n < count; n += 1) {
    const id = randomUUID();
    const r = random();
    const stage: Stage =
      r < 0.08
        ? { kind: 'stopped' }
        : r < 0.14
          ? { kind: 'supplement' }
          : r < 0.5
            ? { kind: 'returned' }
            : r < 0.58
              ? { kind: 'result' }
              : { kind: 'step', index: Math.floor(random() * 5) };
    // Dossiers still at a step arrived recently, so the lists show a mix of on-time, due-soon and
    // overdue work rather than a backlog; finished ones spread over the last forty days.
    const daysAgo = 1 + Math.floor(random() * (stage.kind === 'step' ? 9 : 40));
    const received = new Date(now.getTime() - daysAgo * 86_400_000);
    received.setUTCHours(1 + Math.floor(random() * 8), Math.floor(random() * 60), 0, 0);
    const due = dueAfter(calendar, received.getTime(), { value: lltp.timeValue, unit: lltp.timeUnit });
    const dueAt = due.ok ? new Date(due.value) : new Date(received.getTime() + 14 * 86_400_000);
    const yymmdd = received.toISOString().slice(2, 10).replace(/-/g, '');
    const code = `${centre.code}-${yymmdd}-${String(9000 + (n % 1000)).padStart(4, '0')}`;
    const fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const applicant = { kind: 'individual', fullName, phone: `09${String(10000000 + n).slice(0, 8)}` };
    // Walk the process up to the stage, a working-time slice per step (faster or slower than allotted).
    let at = received;
    let seq = 0;
    const rows: Array<Insertable<DossierHistoryTable>> = [];
    const push = (
      action: string,
      relation: string,
      before: [number | null, string | null],
      after: [number, string],
      stepKey: string | null,
      actor: { id: string; username: string; unitId: string | null },
    ) => {
      seq += 1;
      rows.push({
        dossierId: id,
        seq,
        action,
        actorId: actor.id,
        actorLabel: actor.username,
        relation,
        unitId: actor.unitId ?? null,
        at,
        statusBefore: before[0],
        statusAfter: after[0],
        subStatusBefore: before[1],
        subStatusAfter: after[1],
        stepKey,
        dueBefore: seq === 1 ? null : dueAt,
        dueAfter: dueAt,
        reasons: JSON.stringify(action === 'stop' ? ['Không đủ điều kiện cấp Phiếu (dữ liệu demo)'] : []),
        items: JSON.stringify(action === 'request_supplement' ? [{ name: 'Bản sao giấy khai sinh' }] : []),
      } as Insertable<DossierHistoryTable> & { actorId: string; unitId: string | null });
    };
    const desk = holders[0] as { id: string; username: string; unitId: string | null };
    push('receive', 'desk', [null, null], [2, 'to_process'], steps[0]?.key ?? null, desk);
    const target =
      stage.kind === 'step' ? stage.index : stage.kind === 'stopped' || stage.kind === 'supplement' ? 1 : 4;
    let status = 2;
    let sub = 'to_process';
    let stepArrived = at;
    let stepDue = plus(at, steps[0]?.allottedMinutes ?? 60);
    let stepSeq = 0;
    const openLedger = (index: number) => {
      stepSeq += 1;
      stepArrived = at;
      stepDue = plus(at, steps[index]?.allottedMinutes ?? 60);
      ledger.push({
        dossierId: id,
        seq: stepSeq,
        stepKey: steps[index]?.key ?? 'buoc',
        stepIndex: index,
        unitId: index === 0 || index === 4 ? centre.id : (holders[index]?.unitId ?? stp.id),
        holderId: holders[index]?.id ?? null,
        arrivedAt: at,
        dueAt: stepDue,
        allottedMinutes: steps[index]?.allottedMinutes ?? 60,
        paperReceivedAt: index <= 1 ? at : null,
      });
    };
    const closeLedger = (action: string) => {
      const last = ledger[ledger.length - 1];
      if (last && last.dossierId === id) {
        last.completedAt = at;
        last.completedAction = action;
      }
    };
    openLedger(0);
    for (let index = 1; index <= target; index += 1) {
      const allotted = steps[index - 1]?.allottedMinutes ?? 60;
      at = plus(at, Math.max(10, Math.floor(allotted * (0.3 + random() * 1.1))));
      if (at > now) {
        at = new Date(now.getTime() - 60_000 * (target - index + 1));
      }
      closeLedger(index === 4 ? 'approve' : 'forward');
      const actor = holders[index - 1] as { id: string; username: string; unitId: string | null };
      const nextSub = index === 3 ? 'awaiting_signature' : index === 4 ? 'result_approved' : 'processing';
      push(
        index === 4 ? 'approve' : 'forward',
        index === 1 ? 'desk' : index === 4 ? 'signer' : 'handler',
        [status, sub],
        [4, nextSub],
        steps[index]?.key ?? null,
        actor,
      );
      status = 4;
      sub = nextSub;
      openLedger(index);
    }
    let resultAt: Date | null = null;
    let returnedAt: Date | null = null;
    let closedAt: Date | null = null;
    const after = (minutes: number) => {
      at = plus(at, minutes);
      if (at > now) {
        at = new Date(now.getTime() - 60_000);
      }
    };
    if (stage.kind === 'stopped') {
      after(120);
      closeLedger('stop');
      push('stop', 'handler', [status, sub], [8, 'closed'], steps[1]?.key ?? null, holders[1] as never);
      status = 8;
      sub = 'closed';
      resultAt = at;
      closedAt = at;
    } else if (stage.kind === 'supplement') {
      after(90);
      push(
        'request_supplement',
        'handler',
        [status, sub],
        [5, 'supplement_requested'],
        steps[1]?.key ?? null,
        holders[1] as never,
      );
      status = 5;
      sub = 'supplement_requested';
    } else if (stage.kind === 'result' || stage.kind === 'returned') {
      after(60);
      push('confirm_result', 'desk', [status, sub], [9, 'result_ready'], steps[4]?.key ?? null, desk);
      status = 9;
      sub = 'result_ready';
      resultAt = at;
      if (stage.kind === 'returned') {
        after(120);
        closeLedger('return_result');
        push('return_result', 'desk', [status, sub], [10, 'closed'], steps[4]?.key ?? null, desk);
        status = 10;
        sub = 'closed';
        returnedAt = at;
        closedAt = at;
      }
    }
    const open = status !== 8 && status !== 10;
    const overdue = open && dueAt < now;
    dossiers.push({
      id,
      code,
      procedureId: lltp.procedureId,
      procedureVersionId: lltp.versionId,
      ruleSetId: ruleSet.id,
      calendarVersionId: resolved.versionId,
      receivingAgencyId: centre.id,
      handlingAgencyId: stp.id,
      channel: 'desk',
      status,
      subStatus: sub,
      version: seq,
      applicant: JSON.stringify(applicant),
      searchText: foldVietnamese(`${code} ${fullName} ${applicant.phone}`),
      formData: '{}',
      delivery: JSON.stringify({ method: 'desk' }),
      submittedAt: received,
      receivedAt: received,
      dueAt,
      originalDueAt: dueAt,
      resultAt,
      returnedAt,
      closedAt,
      processVersionId: lltp.processVersionId,
      currentStepKey: open ? (steps[Math.min(target, 4)]?.key ?? null) : null,
      currentAssigneeId: open ? (holders[Math.min(target, 4)]?.id ?? null) : null,
      currentUnitId: open ? (ledger[ledger.length - 1]?.unitId ?? null) : null,
      stepArrivedAt: open ? stepArrived : null,
      stepDueAt: open ? stepDue : null,
      warning: overdue ? 'overdue' : 'normal',
      stepWarning: open && stepDue < now ? 'overdue' : 'normal',
    } as Insertable<DossiersTable>);
    history.push(...rows);
  }
  const chunk = <T>(list: T[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  for (const part of chunk(dossiers, 200)) {
    await trx.insertInto('dossiers').values(part).execute();
  }
  for (const part of chunk(history, 500)) {
    await trx.insertInto('dossierHistory').values(part).execute();
  }
  for (const part of chunk(ledger, 500)) {
    await trx.insertInto('dossierSteps').values(part).execute();
  }
  // Their receptions are entered in the desk's tracking book in order (Quyển số, Số thứ tự).
  await enterUnnumberedReceptions(trx);
  return dossiers.length;
}
