// What each action changes beyond status and sub-status (issue 6: reception; the terminal steps of
// issue 7). A handler returns the snapshot fields to set (written in the guarded update) and what to
// write after the history row exists (requests, files). Processing steps (forward, send back, …)
// register their handlers from the processing module.

import type { Transaction, Updateable } from 'kysely';
import type { ActionRule, DossierAction } from '../../../domain/dossier/actions.ts';
import { clockStart, dueAfter } from '../../../domain/processing/time-limit.ts';
import { addWorkingMinutes, formatIsoDate, localDayOf } from '../../../domain/working-time/index.ts';
import type { Database, DossiersTable } from '../../../platform/db/schema.ts';
import { findRuleSetInForce } from '../../rules/rule-sets.repository.ts';
import { dossierErrors } from '../dossier.errors.ts';
import { attachFiles, type DossierRow, findOpenRequest, type HistoryRow } from '../dossier.repository.ts';
import type { ActionBody } from '../dossier.schemas.ts';
import {
  calendarFor,
  calendarOf,
  type DossierDeps,
  online,
  timeLimitOf,
  versionOf,
} from '../dossier-context.ts';
import { sealFormData } from '../dossier-protection.ts';

export interface HandlerInput {
  deps: DossierDeps;
  trx: Transaction<Database>;
  dossier: DossierRow;
  body: ActionBody;
  rule: ActionRule;
  at: Date;
  userId: string | null;
}

export interface HandlerResult {
  changes: Updateable<DossiersTable>;
  /** The sub-status when the rule leaves it to the process step. */
  subStatus?: string;
  after?: (history: HistoryRow, updated: DossierRow) => Promise<void>;
}

export type ActionHandler = (input: HandlerInput) => Promise<HandlerResult>;

/** Writes the request (completion, supplement or financial obligation) once the history row exists. */
export async function openRequestRow(
  input: HandlerInput,
  kind: 'completion' | 'supplement' | 'financial_obligation',
  clockPolicy: 'restart' | 'pause' | null = null,
) {
  const items = input.body.items ?? [];
  return async (history: HistoryRow) => {
    await input.trx
      .insertInto('dossierRequests')
      .values({
        id: input.deps.newId(),
        dossierId: input.dossier.id,
        kind,
        items: JSON.stringify(items),
        note: input.body.note ?? null,
        requestedAt: input.at,
        requestedBy: input.userId,
        historyId: history.id,
        clockPolicy,
      })
      .execute();
  };
}

/** Closes the open request and keeps the new files and e-form data (earlier files are superseded, not lost). */
export function answerRequest(input: HandlerInput) {
  return async (history: HistoryRow) => {
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

export const ACTION_HANDLERS: Partial<Record<DossierAction, ActionHandler>> = {
  // R18: reception issues the appointment from the procedure's time limit (online value if online).
  accept: async (input) => {
    const version = await versionOf(input.trx, input.dossier);
    const calendar = await calendarOf(input.trx, input.dossier);
    const due = dueAfter(calendar, input.at.getTime(), timeLimitOf(version, online(input.dossier)));
    if (!due.ok) {
      throw dossierErrors.calendar();
    }
    return {
      changes: { receivedAt: input.at, dueAt: new Date(due.value), originalDueAt: new Date(due.value) },
    };
  },
  request_completion: async (input) => ({ changes: {}, after: await openRequestRow(input, 'completion') }),
  // R31: a refusal is the dossier's result time.
  refuse: async (input) => ({ changes: { resultAt: input.at, closedAt: input.at } }),
  // R17: the reception clock starts again when the applicant has completed the dossier.
  submit_completion: async (input) => {
    const day = formatIsoDate(localDayOf(input.at.getTime()));
    const calendar = (await calendarFor(input.trx, input.dossier.receivingAgencyId, day)).calendar;
    const ruleSet = await findRuleSetInForce(input.trx, day);
    const start = clockStart(calendar, input.at.getTime());
    const due = start.ok
      ? addWorkingMinutes(calendar, start.value, (ruleSet?.settings.onlineReceptionWorkingHours ?? 8) * 60)
      : start;
    const formData = {
      ...(input.dossier.formData as Record<string, unknown>),
      ...((await sealFormData(input.trx, input.dossier.id, input.body.formData ?? {})) as Record<
        string,
        unknown
      >),
    };
    return {
      changes: {
        formData: JSON.stringify(formData),
        ...(start.ok && due.ok
          ? { clockStartedAt: new Date(start.value), receptionDueAt: new Date(due.value) }
          : {}),
      },
      after: answerRequest(input),
    };
  },
  request_withdrawal: async () => ({ changes: {} }),
  confirm_withdrawal: async (input) => ({ changes: { resultAt: input.at, closedAt: input.at } }),
  // R31: the desk confirms the result: the "has result" time.
  confirm_result: async (input) => ({ changes: { resultAt: input.at } }),
  // How the result was handed over is kept with the delivery registration (the hand-over receipt and
  // the paper-conversion mark read it).
  return_result: async (input) => ({
    changes: {
      returnedAt: input.at,
      closedAt: input.at,
      delivery: JSON.stringify({
        ...((input.dossier.delivery as Record<string, unknown>) ?? {}),
        ...(input.body.deliveredHow ? { returnedHow: input.body.deliveredHow } : {}),
      }),
    },
  }),
};

export function registerActionHandler(action: DossierAction, handler: ActionHandler): void {
  ACTION_HANDLERS[action] = handler;
}

/**
 * What a dossier received straight at the desk (walk-in, postal, back-entered) needs beyond its row:
 * the processing module puts it at step 1 of its process, exactly as `accept` does for an online one.
 * Runs in the reception's transaction, after its history row.
 */
export type ReceptionHook = (input: {
  deps: DossierDeps;
  trx: Transaction<Database>;
  dossier: DossierRow;
  history: HistoryRow;
  at: Date;
  userId: string;
}) => Promise<void>;

let receptionHook: ReceptionHook | null = null;

export function registerReceptionHook(hook: ReceptionHook): void {
  receptionHook = hook;
}

export function currentReceptionHook(): ReceptionHook | null {
  return receptionHook;
}
