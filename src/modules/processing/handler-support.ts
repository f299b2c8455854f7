// What the processing action handlers share: the dossier's process steps and rule set, and ways to
// combine handler results (chain, merge, extend an existing handler) inside one transaction.
import type { Updateable } from 'kysely';
import type { RuleSetSettings } from '../../domain/rules/rule-set.ts';
import type { DossiersTable } from '../../platform/db/schema.ts';
import type { DossierRow } from '../dossiers/dossier.repository.ts';
import {
  ACTION_HANDLERS,
  type ActionHandler,
  type HandlerInput,
  type HandlerResult,
  registerActionHandler,
} from '../dossiers/use-cases/action-handlers.ts';
import { findProcessVersion, type StoredStep } from './process.repository.ts';
import { processingErrors } from './processing.errors.ts';

export async function stepsOf(input: HandlerInput): Promise<StoredStep[]> {
  if (!input.dossier.processVersionId) {
    throw processingErrors.noProcess();
  }
  const version = await findProcessVersion(input.trx, input.dossier.processVersionId);
  if (!version) {
    throw processingErrors.noProcess();
  }
  return version.steps;
}

export function indexOf(steps: StoredStep[], dossier: DossierRow): number {
  return Math.max(
    0,
    steps.findIndex((s) => s.key === dossier.currentStepKey),
  );
}

export async function ruleSettings(input: HandlerInput): Promise<RuleSetSettings> {
  const row = await input.trx
    .selectFrom('ruleSets')
    .select('settings')
    .where('id', '=', input.dossier.ruleSetId)
    .executeTakeFirstOrThrow();
  return row.settings as unknown as RuleSetSettings;
}

export async function completeSupplements(input: HandlerInput): Promise<void> {
  await input.trx
    .updateTable('dossierRequests')
    .set({ completedAt: input.at })
    .where('dossierId', '=', input.dossier.id)
    .where('kind', '=', 'supplement')
    .where('status', '=', 'answered')
    .where('completedAt', 'is', null)
    .execute();
}

export function chain(result: HandlerResult, ...more: Array<() => Promise<void>>): HandlerResult {
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

/** Wraps an existing handler (reception's), adding fields and ledger writes. */
export function extend(
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

export function merge(base: HandlerResult, extra: HandlerResult): HandlerResult {
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
