// The processing actions of issue 7 that move a dossier between steps (R22, R23, R25, R35):
// reception's entry into step 1, forward, send back, hand over and the signer's approval. Each returns
// the snapshot fields the guarded update writes and the ledger rows to write once the history row
// exists — all inside the one transaction of performAction. Requests to the applicant and closures
// are in request-handlers.ts.
import { allottedFor } from '../../domain/processing/process-definition.ts';
import { elapsedWorkingMinutes } from '../../domain/working-time/index.ts';
import { attachFiles, usableFileIds } from '../dossiers/dossier.repository.ts';
import { calendarOf, online } from '../dossiers/dossier-context.ts';
import {
  type HandlerInput,
  registerActionHandler,
  registerReceptionHook,
} from '../dossiers/use-cases/action-handlers.ts';
import { chain, completeSupplements, extend, indexOf, merge, stepsOf } from './handler-support.ts';
import {
  type Candidate,
  candidatesFor,
  closeOpenStep,
  lastRowOfStep,
  openStep,
  openStepRow,
  publishedProcessFor,
} from './process.repository.ts';
import { processingErrors } from './processing.errors.ts';
import { registerRequestHandlers } from './request-handlers.ts';
import { dueFrom, enterFirstStepOnReception, enterStep } from './step-entry.ts';

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

let registered = false;

export function registerProcessingHandlers(): void {
  if (registered) {
    return;
  }
  registered = true;
  registerReceptionHook(enterFirstStepOnReception);
  registerRequestHandlers();

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
}
