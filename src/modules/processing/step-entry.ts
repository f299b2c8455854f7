// Entering a process step (R21, R35): the snapshot fields of the dossier and the ledger row of the
// step, written once the history row exists. Used by the processing actions and by reception at the
// desk, which puts a walk-in or postal dossier at step 1 as `accept` does for an online one.
import { ACTIONS_BY_STATUS } from '../../domain/dossier/actions.ts';
import { allottedFor, subStatusOf } from '../../domain/processing/process-definition.ts';
import { addWorkingMinutes, type WorkingCalendar } from '../../domain/working-time/index.ts';
import { dossierErrors } from '../dossiers/dossier.errors.ts';
import { calendarOf, online } from '../dossiers/dossier-context.ts';
import type { HandlerInput, HandlerResult, ReceptionHook } from '../dossiers/use-cases/action-handlers.ts';
import { closeOpenStep, openStep, publishedProcessFor, type StoredStep } from './process.repository.ts';

export function dueFrom(calendar: WorkingCalendar, at: Date, minutes: number): Date {
  const due = addWorkingMinutes(calendar, at.getTime(), minutes);
  if (!due.ok) {
    throw dossierErrors.calendar();
  }
  return new Date(due.value);
}

/** Moves the dossier into step `index`: snapshot fields plus the ledger row (written after history). */
export async function enterStep(
  input: HandlerInput,
  steps: StoredStep[],
  index: number,
  holder: { id: string | null; unitId: string | null },
  closing: string,
  dueOverride?: Date | null,
): Promise<HandlerResult> {
  const step = steps[index] as StoredStep;
  const calendar = await calendarOf(input.trx, input.dossier);
  const allotted = allottedFor(step, online(input.dossier));
  const stepDue = dueOverride !== undefined ? dueOverride : dueFrom(calendar, input.at, allotted);
  const unitId =
    step.unit.kind === 'desk'
      ? input.dossier.receivingAgencyId
      : step.unit.kind === 'agency'
        ? step.unit.agencyId
        : (holder.unitId ?? input.dossier.handlingAgencyId);
  const isLast = index === steps.length - 1 && steps.length > 1;
  return {
    changes: {
      currentStepKey: step.key,
      currentAssigneeId: holder.id,
      currentUnitId: unitId,
      stepArrivedAt: input.at,
      stepDueAt: stepDue,
      stepWarning: 'normal',
    },
    subStatus: isLast ? 'result_approved' : subStatusOf(step),
    after: async () => {
      await closeOpenStep(input.trx, input.dossier.id, input.at, closing);
      await openStep(input.trx, {
        dossierId: input.dossier.id,
        stepKey: step.key,
        stepIndex: index,
        unitId,
        holderId: holder.id,
        arrivedAt: input.at,
        dueAt: stepDue,
        allottedMinutes: allotted,
      });
    },
  };
}

/** Reception at the desk (status 2 straight away): step 1 of the published process, held by the officer. */
export const enterFirstStepOnReception: ReceptionHook = async ({
  deps,
  trx,
  dossier,
  history,
  at,
  userId,
}) => {
  const process = await publishedProcessFor(trx, dossier.procedureId, dossier.handlingAgencyId);
  if (!process) {
    return;
  }
  const rule = ACTIONS_BY_STATUS[1].find((r) => r.action === 'accept');
  if (!rule) {
    return;
  }
  const entered = await enterStep(
    {
      deps,
      trx,
      dossier: { ...dossier, processVersionId: process.id },
      body: { action: 'accept' },
      rule,
      at,
      userId,
    },
    process.steps,
    0,
    { id: userId, unitId: dossier.receivingAgencyId },
    'accept',
  );
  await trx
    .updateTable('dossiers')
    .set({ ...entered.changes, processVersionId: process.id, subStatus: 'to_process' })
    .where('id', '=', dossier.id)
    .execute();
  await entered.after?.(history, dossier);
};
