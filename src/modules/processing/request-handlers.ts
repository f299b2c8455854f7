// Processing actions that ask the applicant or close the dossier (R33, R34, issue 7): supplement
// request and answer under the rule set's clock policy, apology with a new date, financial obligation,
// stop, withdrawal, result confirmation and return. Step moves are in processing-handlers.ts.
import type { Updateable } from 'kysely';
import { allottedFor, subStatusOf } from '../../domain/processing/process-definition.ts';
import { checkApology, dueAfterSupplement } from '../../domain/processing/timeliness.ts';
import { elapsedWorkingMinutes } from '../../domain/working-time/index.ts';
import type { DossiersTable } from '../../platform/db/schema.ts';
import { dossierErrors } from '../dossiers/dossier.errors.ts';
import { findOpenRequest } from '../dossiers/dossier.repository.ts';
import { calendarOf, online, timeLimitOf, versionOf } from '../dossiers/dossier-context.ts';
import {
  answerRequest,
  type HandlerInput,
  openRequestRow,
  registerActionHandler,
} from '../dossiers/use-cases/action-handlers.ts';
import { chain, completeSupplements, extend, indexOf, ruleSettings, stepsOf } from './handler-support.ts';
import { closeOpenStep, type StoredStep } from './process.repository.ts';
import { processingErrors } from './processing.errors.ts';
import { dueFrom } from './step-entry.ts';

const closeAll = (input: HandlerInput, action: string) => async () => {
  await closeOpenStep(input.trx, input.dossier.id, input.at, action);
  await input.trx
    .updateTable('dossierRequests')
    .set({ status: 'closed' })
    .where('dossierId', '=', input.dossier.id)
    .where('status', '=', 'open')
    .execute();
};

export function registerRequestHandlers(): void {
  registerActionHandler('request_supplement', async (input) => {
    const settings = await ruleSettings(input);
    return { changes: {}, after: await openRequestRow(input, 'supplement', settings.supplementClock) };
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
    const answer = answerRequest(input);
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
    after: await openRequestRow(input, 'financial_obligation', null),
  }));

  registerActionHandler('confirm_financial_obligation', async (input) => {
    const steps = await stepsOf(input);
    const step = steps[indexOf(steps, input.dossier)] as StoredStep;
    return { changes: {}, subStatus: subStatusOf(step), after: answerRequest(input) };
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

  extend('confirm_result', async (input, base) => chain(base, () => completeSupplements(input)));
  extend('return_result', async (input, base) =>
    chain({ ...base, changes: { ...base.changes, stepWarning: 'normal', warning: 'normal' } }, async () =>
      closeOpenStep(input.trx, input.dossier.id, input.at, 'return_result'),
    ),
  );
}
