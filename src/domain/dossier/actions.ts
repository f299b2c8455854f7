// The dossier state machine as ONE table (model codebases §7.2): for each national status, the
// actions that may be taken, by whom (in relation to the dossier), in which sub-status, and where
// they lead. The server refuses anything else with 409/403; the web apps show exactly these buttons.
// Transitions follow legal digest §9 item 11 (1→2|3|5, 2→4, 4→5|6|7|8|9, 5→4|1|3|8, 6→4, 7→8, 9→10),
// R13–R25 and the seeds' reception/processing articles.
import type { DossierStatus, SubStatus } from './status.ts';

export const DOSSIER_ACTIONS = [
  'accept',
  'request_completion',
  'refuse',
  'submit_completion',
  'request_withdrawal',
  'forward',
  'send_back',
  'handover',
  'request_supplement',
  'submit_supplement',
  'apologize',
  'request_financial_obligation',
  'confirm_financial_obligation',
  'stop',
  'confirm_withdrawal',
  'approve',
  'confirm_result',
  'return_result',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/**
 * Who acts, in relation to this dossier: the applicant's own account; an officer of the one-stop
 * desk that received it; the officer holding the current process step; that officer when the
 * step needs a signature; the system (payment callbacks, national-portal sync).
 */
export const RELATIONS = ['applicant', 'desk', 'handler', 'signer', 'system'] as const;
export type Relation = (typeof RELATIONS)[number];

/** What a request for this action must carry (validated by the service, shown as form fields). */
export type Requirement =
  | 'note'
  | 'reasons'
  | 'items'
  | 'newDueAt'
  | 'resultFile'
  | 'handoverTo'
  | 'deliveredHow';

export interface ActionRule {
  action: DossierAction;
  by: readonly Relation[];
  /** Only in these sub-statuses (absent: any sub-status of the status). */
  when?: readonly SubStatus[];
  /** Status after the action. */
  to: DossierStatus;
  /** Sub-status after the action; 'from_step' = set by the process step the dossier moves to. */
  subStatus: SubStatus | 'from_step' | 'unchanged';
  needs: readonly Requirement[];
  /** Extra condition the service checks with procedure data (R18: immediate-result procedures). */
  condition?: 'immediate_result';
}

const BEFORE_RECEPTION = ['awaiting_reception', 'completion_submitted'] as const;
const withdraw: ActionRule = {
  action: 'request_withdrawal',
  by: ['applicant'],
  to: 7,
  subStatus: 'withdrawal_requested',
  needs: ['note'],
};

export const ACTIONS_BY_STATUS = {
  1: [
    { action: 'accept', by: ['desk'], when: BEFORE_RECEPTION, to: 2, subStatus: 'to_process', needs: [] },
    {
      action: 'request_completion',
      by: ['desk'],
      when: BEFORE_RECEPTION,
      to: 5,
      subStatus: 'completion_requested',
      needs: ['items'],
    },
    {
      action: 'refuse',
      by: ['desk'],
      when: BEFORE_RECEPTION,
      to: 3,
      subStatus: 'closed',
      needs: ['reasons'],
    },
    withdraw,
  ],
  2: [
    { action: 'forward', by: ['desk'], to: 4, subStatus: 'from_step', needs: [] },
    {
      action: 'confirm_result',
      by: ['desk'],
      to: 9,
      subStatus: 'result_ready',
      needs: [],
      condition: 'immediate_result',
    },
    withdraw,
  ],
  3: [],
  4: [
    { action: 'forward', by: ['handler'], when: ['processing'], to: 4, subStatus: 'from_step', needs: [] },
    {
      action: 'send_back',
      by: ['handler', 'signer'],
      when: ['processing', 'awaiting_signature'],
      to: 4,
      subStatus: 'from_step',
      needs: ['reasons'],
    },
    {
      action: 'handover',
      by: ['handler', 'signer'],
      when: ['processing', 'awaiting_signature'],
      to: 4,
      subStatus: 'unchanged',
      needs: ['handoverTo'],
    },
    {
      action: 'request_supplement',
      by: ['handler'],
      when: ['processing'],
      to: 5,
      subStatus: 'supplement_requested',
      needs: ['items'],
    },
    {
      action: 'apologize',
      by: ['handler', 'signer'],
      when: ['processing', 'awaiting_signature'],
      to: 4,
      subStatus: 'unchanged',
      needs: ['reasons', 'newDueAt'],
    },
    {
      action: 'request_financial_obligation',
      by: ['handler'],
      when: ['processing'],
      to: 6,
      subStatus: 'awaiting_payment',
      needs: ['items'],
    },
    {
      action: 'stop',
      by: ['handler', 'signer'],
      when: ['processing', 'awaiting_signature'],
      to: 8,
      subStatus: 'closed',
      needs: ['reasons'],
    },
    {
      action: 'approve',
      by: ['signer'],
      when: ['awaiting_signature'],
      to: 4,
      subStatus: 'result_approved',
      needs: ['resultFile'],
    },
    {
      action: 'confirm_result',
      by: ['desk'],
      when: ['result_approved'],
      to: 9,
      subStatus: 'result_ready',
      needs: [],
    },
    withdraw,
  ],
  5: [
    {
      action: 'submit_completion',
      by: ['applicant', 'desk'],
      when: ['completion_requested'],
      to: 1,
      subStatus: 'completion_submitted',
      needs: [],
    },
    {
      action: 'refuse',
      by: ['desk'],
      when: ['completion_requested'],
      to: 3,
      subStatus: 'closed',
      needs: ['reasons'],
    },
    {
      action: 'submit_supplement',
      by: ['applicant', 'desk'],
      when: ['supplement_requested'],
      to: 4,
      subStatus: 'from_step',
      needs: [],
    },
    {
      action: 'stop',
      by: ['handler'],
      when: ['supplement_requested'],
      to: 8,
      subStatus: 'closed',
      needs: ['reasons'],
    },
    withdraw,
  ],
  6: [
    {
      action: 'confirm_financial_obligation',
      by: ['desk', 'handler', 'system'],
      to: 4,
      subStatus: 'from_step',
      needs: [],
    },
    { action: 'stop', by: ['handler'], to: 8, subStatus: 'closed', needs: ['reasons'] },
    withdraw,
  ],
  7: [{ action: 'confirm_withdrawal', by: ['desk'], to: 8, subStatus: 'closed', needs: [] }],
  8: [],
  9: [{ action: 'return_result', by: ['desk'], to: 10, subStatus: 'closed', needs: ['deliveredHow'] }],
  10: [],
} as const satisfies Record<DossierStatus, readonly ActionRule[]>;

export interface DossierState {
  status: DossierStatus;
  subStatus: SubStatus;
}

export interface ActionContext {
  /** The caller's relations to this dossier (an officer may be both desk and handler). */
  relations: ReadonlySet<Relation>;
  immediateResult?: boolean;
}

function ruleApplies(rule: ActionRule, state: DossierState, context: ActionContext): boolean {
  if (rule.when && !rule.when.includes(state.subStatus)) {
    return false;
  }
  if (rule.condition === 'immediate_result' && !context.immediateResult) {
    return false;
  }
  return rule.by.some((relation) => context.relations.has(relation));
}

/** The actions the caller may take now: what the UI shows and what the server accepts. */
export function availableActions(state: DossierState, context: ActionContext): ActionRule[] {
  const rules: readonly ActionRule[] = ACTIONS_BY_STATUS[state.status];
  return rules.filter((rule) => ruleApplies(rule, state, context));
}

export type TransitionResult =
  | { ok: true; rule: ActionRule; next: { status: DossierStatus; subStatus: SubStatus | 'from_step' } }
  | { ok: false; reason: 'not_allowed_now' | 'not_allowed_for_caller' };

/**
 * Decides one action. `not_allowed_now` (→ 409): the status or sub-status does not offer it, e.g.
 * someone acted first. `not_allowed_for_caller` (→ 403): it exists now, but not for this caller.
 */
export function decideAction(
  state: DossierState,
  action: DossierAction,
  context: ActionContext,
): TransitionResult {
  const rules: readonly ActionRule[] = ACTIONS_BY_STATUS[state.status];
  const candidates = rules.filter(
    (rule) =>
      rule.action === action &&
      (!rule.when || rule.when.includes(state.subStatus)) &&
      (rule.condition !== 'immediate_result' || context.immediateResult),
  );
  if (candidates.length === 0) {
    return { ok: false, reason: 'not_allowed_now' };
  }
  const rule = candidates.find((candidate) =>
    candidate.by.some((relation) => context.relations.has(relation)),
  );
  if (!rule) {
    return { ok: false, reason: 'not_allowed_for_caller' };
  }
  const subStatus = rule.subStatus === 'unchanged' ? state.subStatus : rule.subStatus;
  return { ok: true, rule, next: { status: rule.to, subStatus } };
}
