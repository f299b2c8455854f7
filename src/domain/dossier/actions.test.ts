import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS_BY_STATUS,
  type ActionRule,
  availableActions,
  DOSSIER_ACTIONS,
  type DossierState,
  decideAction,
  RELATIONS,
  type Relation,
} from './actions.ts';
import { type HistoryEntry, replayHistory } from './history.ts';
import {
  DOSSIER_STATUSES,
  type DossierStatus,
  SUB_STATUSES,
  type SubStatus,
  TERMINAL_STATUSES,
} from './status.ts';

const relations = (...r: Relation[]) => ({ relations: new Set<Relation>(r) });
const state = (status: DossierStatus, subStatus: SubStatus): DossierState => ({ status, subStatus });
const names = (rules: ActionRule[]) => rules.map((r) => r.action).sort();

/** Legal digest §9 item 11, plus withdrawal (→ 7) from every open status (§8.1, the applicant's request). */
const NATIONAL_TRANSITIONS: Record<DossierStatus, DossierStatus[]> = {
  1: [2, 3, 5, 7],
  2: [4, 7, 9],
  3: [],
  4: [4, 5, 6, 7, 8, 9],
  5: [1, 3, 4, 7, 8],
  6: [4, 7, 8, 9],
  7: [8],
  8: [],
  9: [10],
  10: [],
};

describe('[R13–R25, legal digest §9.11] dossier actions table', () => {
  it('terminal statuses 3, 8, 10 offer no action to anyone', () => {
    for (const status of TERMINAL_STATUSES) {
      expect(ACTIONS_BY_STATUS[status]).toEqual([]);
    }
  });

  it('every rule leads along a national transition', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const rule of ACTIONS_BY_STATUS[status] as readonly ActionRule[]) {
        expect(NATIONAL_TRANSITIONS[status], `${status} -${rule.action}-> ${rule.to}`).toContain(rule.to);
      }
    }
  });

  it('an online dossier awaiting reception: the desk may accept, request completion or refuse; the applicant may withdraw', () => {
    expect(names(availableActions(state(1, 'awaiting_reception'), relations('desk')))).toEqual([
      'accept',
      'refuse',
      'request_completion',
    ]);
    expect(names(availableActions(state(1, 'awaiting_reception'), relations('applicant')))).toEqual([
      'request_withdrawal',
    ]);
    expect(availableActions(state(1, 'awaiting_reception'), relations('handler'))).toEqual([]);
  });

  it('[R19] one completion request at a time: while it is open the desk cannot request another', () => {
    expect(decideAction(state(5, 'completion_requested'), 'request_completion', relations('desk'))).toEqual({
      ok: false,
      reason: 'not_allowed_now',
    });
    const resubmitted = decideAction(
      state(5, 'completion_requested'),
      'submit_completion',
      relations('applicant'),
    );
    expect(resubmitted).toMatchObject({ ok: true, next: { status: 1, subStatus: 'completion_submitted' } });
    expect(names(availableActions(state(1, 'completion_submitted'), relations('desk')))).toContain(
      'request_completion',
    );
  });

  it('409 versus 403: a status that does not offer the action, or a caller who may not take it', () => {
    expect(decideAction(state(2, 'to_process'), 'accept', relations('desk'))).toEqual({
      ok: false,
      reason: 'not_allowed_now',
    });
    expect(decideAction(state(1, 'awaiting_reception'), 'accept', relations('applicant'))).toEqual({
      ok: false,
      reason: 'not_allowed_for_caller',
    });
  });

  it('only the signer approves, only at the signing step; then the desk confirms the result (9) and returns it (10)', () => {
    expect(decideAction(state(4, 'processing'), 'approve', relations('signer'))).toMatchObject({ ok: false });
    expect(decideAction(state(4, 'awaiting_signature'), 'approve', relations('handler'))).toMatchObject({
      ok: false,
      reason: 'not_allowed_for_caller',
    });
    expect(decideAction(state(4, 'awaiting_signature'), 'approve', relations('signer'))).toMatchObject({
      ok: true,
      next: { status: 4, subStatus: 'result_approved' },
    });
    expect(decideAction(state(4, 'result_approved'), 'confirm_result', relations('desk'))).toMatchObject({
      ok: true,
      next: { status: 9 },
    });
    expect(decideAction(state(9, 'result_ready'), 'return_result', relations('desk'))).toMatchObject({
      ok: true,
      next: { status: 10, subStatus: 'closed' },
    });
  });

  it('[R18] an immediate-result procedure may finish straight after reception; others may not', () => {
    expect(decideAction(state(2, 'to_process'), 'confirm_result', relations('desk'))).toMatchObject({
      ok: false,
    });
    expect(
      decideAction(state(2, 'to_process'), 'confirm_result', { ...relations('desk'), immediateResult: true }),
    ).toMatchObject({ ok: true, next: { status: 9 } });
  });

  it('[R22] withdrawal: the applicant asks (7), the desk confirms (8); not after the result', () => {
    expect(decideAction(state(4, 'processing'), 'request_withdrawal', relations('applicant'))).toMatchObject({
      ok: true,
      next: { status: 7 },
    });
    expect(
      decideAction(state(7, 'withdrawal_requested'), 'confirm_withdrawal', relations('desk')),
    ).toMatchObject({
      ok: true,
      next: { status: 8 },
    });
    expect(
      decideAction(state(9, 'result_ready'), 'request_withdrawal', relations('applicant')),
    ).toMatchObject({ ok: false });
  });

  it('handover keeps the sub-status (the same step changes hands)', () => {
    expect(decideAction(state(4, 'awaiting_signature'), 'handover', relations('signer'))).toMatchObject({
      ok: true,
      next: { status: 4, subStatus: 'awaiting_signature' },
    });
  });

  it('availableActions and decideAction agree for every state, action and relation set', () => {
    const statusArb = fc.constantFrom(...DOSSIER_STATUSES);
    const subArb = fc.constantFrom(...(Object.keys(SUB_STATUSES) as SubStatus[]));
    const relArb = fc.subarray([...RELATIONS]);
    fc.assert(
      fc.property(
        statusArb,
        subArb,
        relArb,
        fc.constantFrom(...DOSSIER_ACTIONS),
        fc.boolean(),
        (status, sub, rels, action, immediate) => {
          const context = { relations: new Set(rels), immediateResult: immediate };
          const offered = availableActions({ status, subStatus: sub }, context).some(
            (r) => r.action === action,
          );
          expect(decideAction({ status, subStatus: sub }, action, context).ok).toBe(offered);
        },
      ),
    );
  });

  it('random sequences of actions by random callers never leave the national graph, and history replays to the final state', () => {
    const step = fc.record({
      action: fc.constantFrom(...DOSSIER_ACTIONS),
      relation: fc.constantFrom(...RELATIONS),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 40 }), (online, steps) => {
        let current: DossierState = online ? state(1, 'awaiting_reception') : state(2, 'to_process');
        const history: HistoryEntry[] = [
          {
            action: online ? 'submit' : 'receive',
            relation: online ? 'applicant' : 'desk',
            statusBefore: null,
            statusAfter: current.status,
            subStatusBefore: null,
            subStatusAfter: current.subStatus,
          },
        ];
        for (const { action, relation, pick } of steps) {
          const decision = decideAction(current, action, relations(relation));
          if (!decision.ok) {
            continue;
          }
          expect(NATIONAL_TRANSITIONS[current.status]).toContain(decision.next.status);
          // A process decides 'from_step'; stand in with the sub-statuses a step may set.
          const fromStep: SubStatus[] = ['processing', 'awaiting_signature'];
          const sub =
            decision.next.subStatus === 'from_step'
              ? (fromStep[pick % 2] ?? 'processing')
              : decision.next.subStatus;
          history.push({
            action,
            relation,
            statusBefore: current.status,
            subStatusBefore: current.subStatus,
            statusAfter: decision.next.status,
            subStatusAfter: sub,
          });
          current = { status: decision.next.status, subStatus: sub };
        }
        expect(replayHistory(history)).toEqual({ ok: true, ...current });
      }),
      { numRuns: 500 },
    );
  });

  it('replay detects an altered history', () => {
    const history: HistoryEntry[] = [
      {
        action: 'submit',
        relation: 'applicant',
        statusBefore: null,
        statusAfter: 1,
        subStatusBefore: null,
        subStatusAfter: 'awaiting_reception',
      },
      {
        action: 'accept',
        relation: 'desk',
        statusBefore: 1,
        statusAfter: 2,
        subStatusBefore: 'awaiting_reception',
        subStatusAfter: 'to_process',
      },
      {
        action: 'return_result',
        relation: 'desk',
        statusBefore: 2,
        statusAfter: 10,
        subStatusBefore: 'to_process',
        subStatusAfter: 'closed',
      },
    ];
    expect(replayHistory(history)).toMatchObject({ ok: false, index: 2 });
    expect(replayHistory(history.slice(0, 2))).toEqual({ ok: true, status: 2, subStatus: 'to_process' });
    expect(replayHistory([])).toMatchObject({ ok: false });
    expect(replayHistory(history.slice(1))).toMatchObject({ ok: false, index: 0 });
  });
});
