// The processing actions of issue 7 (R22–R25, R33–R35), registered as dossier action handlers: each
// returns the snapshot fields the guarded update writes and the ledger rows to write once the
// history row exists — all inside the one transaction of performAction.
import type { Updateable } from 'kysely';
import { allottedFor, subStatusOf } from '../../domain/processing/process-definition.ts';
import { checkApology, dueAfterSupplement } from '../../domain/processing/timeliness.ts';
import type { RuleSetSettings } from '../../domain/rules/rule-set.ts';
import { elapsedWorkingMinutes } from '../../domain/working-time/index.ts';
import type { DossiersTable } from '../../platform/db/schema.ts';
import { dossierErrors } from '../dossiers/dossier.errors.ts';
import {
  attachFiles,
  type DossierRow,
  findOpenRequest,
  usableFileIds,
} from '../dossiers/dossier.repository.ts';
import { calendarOf, online, timeLimitOf, versionOf } from '../dossiers/dossier-context.ts';
import {
  ACTION_HANDLERS,
  type ActionHandler,
  type HandlerInput,
  type HandlerResult,
  registerActionHandler,
  registerReceptionHook,
} from '../dossiers/use-cases/action-handlers.ts';
import {
  type Candidate,
  candidatesFor,
  closeOpenStep,
  findProcessVersion,
  lastRowOfStep,
  openStep,
  openStepRow,
  publishedProcessFor,
  type StoredStep,
} from './process.repository.ts';
import { processingErrors } from './processing.errors.ts';
import { dueFrom, enterFirstStepOnReception, enterStep } from './step-entry.ts';

async function stepsOf(input: HandlerInput): Promise<StoredStep[]> {
  if (!input.dossier.processVersionId) {
    throw processingErrors.noProcess();
  }
  const version = await findProcessVersion(input.trx, input.dossier.processVersionId);
  if (!version) {
    throw processingErrors.noProcess();
  }
  return version.steps;
}

function indexOf(steps: StoredStep[], dossier: DossierRow): number {
  return Math.max(
    0,
    steps.findIndex((s) => s.key === dossier.currentStepKey),
  );
}

async function ruleSettings(input: HandlerInput): Promise<RuleSetSettings> {
  const row = await input.trx
    .selectFrom('ruleSets')
    .select('settings')
    .where('id', '=', input.dossier.ruleSetId)
    .executeTakeFirstOrThrow();
  return row.settings as unknown as RuleSetSettings;
}

/** Picks the officer for a step: the chosen one (must be a candidate), or the only candidate. */
function choose(candidates: Candidate[], assignTo: string | undefined): Candidate {
  if (assignTo) {
    const chosen = candidates.find((c) => c.id === assignTo);
    if (!chosen) {
      throw processingErrors.notCandidate();
    }
    return chosen;
  }
  if (candidates.length === 0) {
    throw processingErrors.noOfficer();
  }
  if (candidates.length > 1) {
    throw processingErrors.chooseOfficer(candidates.map((c) => `${c.fullName} (${c.username})`).join(', '));
  }
  return candidates[0] as Candidate;
}

async function markPaper(input: HandlerInput): Promise<void> {
  if (input.body.paperReceived) {
    await input.trx
      .updateTable('dossierSteps')
      .set({ paperReceivedAt: input.at, paperReceivedBy: input.userId })
      .where('dossierId', '=', input.dossier.id)
      .where('completedAt', 'is', null)
      .where('paperReceivedAt', 'is', null)
      .execute();
  }
}

async function completeSupplements(input: HandlerInput): Promise<void> {
  await input.trx
    .updateTable('dossierRequests')
    .set({ completedAt: input.at })
    .where('dossierId', '=', input.dossier.id)
    .where('kind', '=', 'supplement')
    .where('status', '=', 'answered')
    .where('completedAt', 'is', null)
    .execute();
}

function chain(result: HandlerResult, ...more: Array<() => Promise<void>>): HandlerResult {
  const first = result.after;
  return {
    ...result,
    after: async (history, updated) => {
      for (const step of more) {
        await step();
      }
      await first?.(history, updated);
    },
  };
}

async function newRequest(
  input: HandlerInput,
  kind: 'supplement' | 'financial_obligation',
  clockPolicy: 'restart' | 'pause' | null,
) {
  return async (history: { id: number }) => {
    await input.trx
      .insertInto('dossierRequests')
      .values({
        id: input.deps.newId(),
        dossierId: input.dossier.id,
        kind,
        items: JSON.stringify(input.body.items ?? []),
        note: input.body.note ?? null,
        requestedAt: input.at,
        requestedBy: input.userId,
        historyId: history.id,
        clockPolicy,
      })
      .execute();
  };
}

function answerOpen(input: HandlerInput) {
  return async (history: { id: number }) => {
    const open = await findOpenRequest(input.trx, input.dossier.id);
    if (open) {
      await input.trx
        .updateTable('dossierRequests')
        .set({ status: 'answered', answeredAt: input.at, answeredHistoryId: history.id })
        .where('id', '=', open.id)
        .execute();
    }
    await attachFiles(input.trx, input.dossier.id, history.id, input.body.components ?? [], input.deps.newId);
  };
}

const closeAll = (input: HandlerInput, action: string) => async () => {
  await closeOpenStep(input.trx, input.dossier.id, input.at, action);
  await input.trx
    .updateTable('dossierRequests')
    .set({ status: 'closed' })
    .where('dossierId', '=', input.dossier.id)
    .where('status', '=', 'open')
    .execute();
};

/** Wraps an existing handler (reception's), adding fields and ledger writes. */
function extend(
  action: 'accept' | 'confirm_result' | 'return_result' | 'confirm_withdrawal',
  extra: (input: HandlerInput, base: HandlerResult) => Promise<HandlerResult>,
): void {
  const base = ACTION_HANDLERS[action];
  if (!base || (base as { extended?: boolean }).extended) {
    return;
  }
  const handler: ActionHandler = async (input) => extra(input, await base(input));
  (handler as { extended?: boolean }).extended = true;
  registerActionHandler(action, handler);
}

function merge(base: HandlerResult, extra: HandlerResult): HandlerResult {
  return {
    changes: { ...base.changes, ...extra.changes } as Updateable<DossiersTable>,
    ...(extra.subStatus
      ? { subStatus: extra.subStatus }
      : base.subStatus
        ? { subStatus: base.subStatus }
        : {}),
    after: async (history, updated) => {
      await base.after?.(history, updated);
      await extra.after?.(history, updated);
    },
  };
}

let registered = false;

export function registerProcessingHandlers(): void {
  if (registered) {
    return;
  }
  registered = true;
  registerReceptionHook(enterFirstStepOnReception);

  // Reception puts the dossier at step 1 of its process version (the desk, held by the receiving officer).
  extend('accept', async (input, base) => {
    const process = await publishedProcessFor(
      input.trx,
      input.dossier.procedureId,
      input.dossier.handlingAgencyId,
    );
    if (!process) {
      return base;
    }
    const entered = await enterStep(
      { ...input, dossier: { ...input.dossier, processVersionId: process.id } },
      process.steps,
      0,
      { id: input.userId, unitId: input.dossier.receivingAgencyId },
      'accept',
    );
    return merge(base, {
      ...entered,
      changes: { ...entered.changes, processVersionId: process.id },
      subStatus: 'to_process',
    });
  });

  registerActionHandler('forward', async (input) => {
    const steps = await stepsOf(input);
    const index = indexOf(steps, input.dossier);
    const nextIndex = index + 1;
    const next = steps[nextIndex];
    // Into the last (desk) step only through the signer's approval.
    if (!next || (nextIndex === steps.length - 1 && steps.some((s) => s.signature))) {
      throw processingErrors.noNextStep();
    }
    const holder = choose(await candidatesFor(input.trx, next, input.dossier), input.body.assignTo);
    await markPaper(input);
    const entered = await enterStep(input, steps, nextIndex, holder, 'forward');
    return chain(entered, () => completeSupplements(input));
  });

  // R35: back to the earlier step and its officer; that step's clock continues where it stopped.
  registerActionHandler('send_back', async (input) => {
    const steps = await stepsOf(input);
    const index = indexOf(steps, input.dossier);
    const previous = steps[index - 1];
    if (!previous) {
      throw processingErrors.noPreviousStep();
    }
    const earlier = await lastRowOfStep(input.trx, input.dossier.id, previous.key);
    const calendar = await calendarOf(input.trx, input.dossier);
    const allotted = allottedFor(previous, online(input.dossier));
    let remaining = allotted;
    if (earlier?.completedAt) {
      const used = elapsedWorkingMinutes(
        calendar,
        new Date(earlier.arrivedAt).getTime(),
        new Date(earlier.completedAt).getTime(),
      );
      remaining = used.ok ? Math.max(0, allotted - used.value) : 0;
    }
    const holderId = earlier?.holderId ?? null;
    return enterStep(
      input,
      steps,
      index - 1,
      { id: holderId, unitId: earlier?.unitId ?? null },
      'send_back',
      dueFrom(calendar, input.at, remaining),
    );
  });

  // R22: to a colleague of the same unit; the step and its due time stay.
  registerActionHandler('handover', async (input) => {
    const holderId = input.dossier.currentAssigneeId;
    const [from, to] = await Promise.all([
      input.trx
        .selectFrom('users')
        .select('unitId')
        .where('id', '=', holderId ?? '')
        .executeTakeFirst(),
      input.trx
        .selectFrom('users')
        .select(['id', 'unitId', 'kind', 'status'])
        .where('id', '=', input.body.handoverTo ?? '')
        .executeTakeFirst(),
    ]);
    if (
      to?.kind !== 'officer' ||
      to.status !== 'active' ||
      to.id === holderId ||
      !from?.unitId ||
      to.unitId !== from.unitId
    ) {
      throw processingErrors.handoverOutsideUnit();
    }
    const open = await openStepRow(input.trx, input.dossier.id);
    return {
      changes: { currentAssigneeId: to.id },
      after: async () => {
        await closeOpenStep(input.trx, input.dossier.id, input.at, 'handover');
        if (open) {
          await openStep(input.trx, {
            dossierId: input.dossier.id,
            stepKey: open.stepKey,
            stepIndex: open.stepIndex,
            unitId: open.unitId,
            holderId: to.id,
            arrivedAt: input.at,
            dueAt: open.dueAt,
            allottedMinutes: open.allottedMinutes,
          });
        }
      },
    };
  });

  registerActionHandler('request_supplement', async (input) => {
    const settings = await ruleSettings(input);
    return { changes: {}, after: await newRequest(input, 'supplement', settings.supplementClock) };
  });

  // R34 / QĐ 766: restart the appointment from the supply time, or extend it by the waiting time.
  registerActionHandler('submit_supplement', async (input) => {
    const steps = await stepsOf(input);
    const step = steps[indexOf(steps, input.dossier)] as StoredStep;
    const open = await findOpenRequest(input.trx, input.dossier.id);
    const policy = open?.clockPolicy ?? (await ruleSettings(input)).supplementClock;
    const calendar = await calendarOf(input.trx, input.dossier);
    const version = await versionOf(input.trx, input.dossier);
    const requestedAt = open ? new Date(open.requestedAt).getTime() : input.at.getTime();
    const changes: Updateable<DossiersTable> = {};
    let stepDue: Date | null = input.dossier.stepDueAt ? new Date(input.dossier.stepDueAt) : null;
    if (input.dossier.dueAt) {
      const due = dueAfterSupplement({
        policy,
        calendar,
        dueAt: new Date(input.dossier.dueAt).getTime(),
        requestedAt,
        suppliedAt: input.at.getTime(),
        limit: timeLimitOf(version, online(input.dossier)),
      });
      if (!due.ok) {
        throw dossierErrors.calendar();
      }
      changes.dueAt = new Date(due.value);
    }
    if (policy === 'restart') {
      stepDue = dueFrom(calendar, input.at, allottedFor(step, online(input.dossier)));
    } else if (stepDue) {
      const waited = elapsedWorkingMinutes(calendar, requestedAt, input.at.getTime());
      stepDue = dueFrom(calendar, stepDue, waited.ok ? waited.value : 0);
    }
    changes.stepDueAt = stepDue;
    const answer = answerOpen(input);
    return {
      changes,
      subStatus: subStatusOf(step),
      after: async (history) => {
        await answer(history);
        await input.trx
          .updateTable('dossierSteps')
          .set({ dueAt: stepDue })
          .where('dossierId', '=', input.dossier.id)
          .where('completedAt', 'is', null)
          .execute();
      },
    };
  });

  // R33: once, ahead of the due time (rule set); the appointment moves and the dossier counts as overdue.
  registerActionHandler('apologize', async (input) => {
    const settings = await ruleSettings(input);
    const calendar = await calendarOf(input.trx, input.dossier);
    const newDueAt = new Date(input.body.newDueAt ?? '');
    const dueAt = input.dossier.dueAt ? new Date(input.dossier.dueAt).getTime() : input.at.getTime();
    const verdict = checkApology({
      calendar,
      now: input.at.getTime(),
      dueAt,
      newDueAt: newDueAt.getTime(),
      apologiesSoFar: input.dossier.apologyCount,
      maxApologies: settings.apologyMaxPerDossier,
      minWorkingDaysBefore: settings.apologyMinWorkingDaysBeforeDue,
    });
    if (!verdict.ok) {
      throw processingErrors.apology(verdict.reason);
    }
    return { changes: { dueAt: newDueAt, apologyCount: input.dossier.apologyCount + 1 } };
  });

  registerActionHandler('request_financial_obligation', async (input) => ({
    changes: {},
    after: await newRequest(input, 'financial_obligation', null),
  }));

  registerActionHandler('confirm_financial_obligation', async (input) => {
    const steps = await stepsOf(input);
    const step = steps[indexOf(steps, input.dossier)] as StoredStep;
    return { changes: {}, subStatus: subStatusOf(step), after: answerOpen(input) };
  });

  // Returned without resolving (conditions not met): a result time, the dossier closes.
  registerActionHandler('stop', async (input) => ({
    changes: { resultAt: input.at, closedAt: input.at, stepWarning: 'normal', warning: 'normal' },
    after: closeAll(input, 'stop'),
  }));

  extend('confirm_withdrawal', async (input, base) =>
    chain(
      { ...base, changes: { ...base.changes, stepWarning: 'normal', warning: 'normal' } },
      closeAll(input, 'confirm_withdrawal'),
    ),
  );

  // The signer approves with the result file; the dossier goes to the desk's last step.
  registerActionHandler('approve', async (input) => {
    const fileId = input.body.resultFileId ?? '';
    const usable = await usableFileIds(input.trx, [input.userId ?? ''], [fileId]);
    if (!usable.has(fileId)) {
      throw processingErrors.resultFile();
    }
    const steps = await stepsOf(input);
    const lastIndex = steps.length - 1;
    const first = await input.trx
      .selectFrom('dossierSteps as s')
      .leftJoin('users as u', 'u.id', 's.holderId')
      .select(['s.holderId', 'u.unitId'])
      .where('s.dossierId', '=', input.dossier.id)
      .where('s.stepIndex', '=', 0)
      .orderBy('s.seq')
      .executeTakeFirst();
    const entered = await enterStep(
      input,
      steps,
      lastIndex,
      { id: first?.holderId ?? null, unitId: first?.unitId ?? null },
      'approve',
    );
    return {
      ...entered,
      after: async (history, updated) => {
        await entered.after?.(history, updated);
        await completeSupplements(input);
        await attachFiles(
          input.trx,
          input.dossier.id,
          history.id,
          [{ componentKey: 'ket-qua', fileIds: [fileId] }],
          input.deps.newId,
        );
        // Goal 27: the result is signed now, in this transaction; a refused signature refuses the approval.
        await input.deps.signResult?.(input.trx, updated, history.id, fileId);
      },
    };
  });

  extend('confirm_result', async (input, base) => chain(base, () => completeSupplements(input)));
  extend('return_result', async (input, base) =>
    chain({ ...base, changes: { ...base.changes, stepWarning: 'normal', warning: 'normal' } }, async () =>
      closeOpenStep(input.trx, input.dossier.id, input.at, 'return_result'),
    ),
  );
}
