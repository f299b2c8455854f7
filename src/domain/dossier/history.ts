// ND 45/2020 Điều 12: a dossier's history is immutable and complete. Replaying it from the first
// entry must give the current snapshot; a gap or an impossible step means the record was altered.
import { type DossierAction, decideAction, type Relation } from './actions.ts';
import type { DossierStatus, SubStatus } from './status.ts';

export interface HistoryEntry {
  action: DossierAction | 'submit' | 'receive';
  relation: Relation;
  statusBefore: DossierStatus | null;
  statusAfter: DossierStatus;
  subStatusBefore: SubStatus | null;
  subStatusAfter: SubStatus;
  immediateResult?: boolean;
}

export type ReplayResult =
  | { ok: true; status: DossierStatus; subStatus: SubStatus }
  | { ok: false; index: number; reason: string };

/** Entry 0 creates the dossier (online submission → 1, desk reception → 2); every later entry must follow the table. */
export function replayHistory(entries: readonly HistoryEntry[]): ReplayResult {
  const [first, ...rest] = entries;
  if (!first) {
    return { ok: false, index: 0, reason: 'empty history' };
  }
  const creationOk =
    first.statusBefore === null &&
    ((first.action === 'submit' && first.statusAfter === 1) ||
      (first.action === 'receive' && first.statusAfter === 2));
  if (!creationOk) {
    return { ok: false, index: 0, reason: 'the first entry must create the dossier' };
  }
  let state = { status: first.statusAfter, subStatus: first.subStatusAfter };
  for (const [offset, entry] of rest.entries()) {
    const index = offset + 1;
    if (entry.statusBefore !== state.status || entry.subStatusBefore !== state.subStatus) {
      return {
        ok: false,
        index,
        reason: `entry starts from ${entry.statusBefore}, dossier was ${state.status}`,
      };
    }
    if (entry.action === 'submit' || entry.action === 'receive') {
      return { ok: false, index, reason: 'creation entry in the middle of the history' };
    }
    const decision = decideAction(state, entry.action, {
      relations: new Set([entry.relation]),
      ...(entry.immediateResult ? { immediateResult: true } : {}),
    });
    if (!decision.ok) {
      return { ok: false, index, reason: `${entry.action} is ${decision.reason}` };
    }
    if (decision.next.status !== entry.statusAfter) {
      return {
        ok: false,
        index,
        reason: `${entry.action} leads to ${decision.next.status}, not ${entry.statusAfter}`,
      };
    }
    if (decision.next.subStatus !== 'from_step' && decision.next.subStatus !== entry.subStatusAfter) {
      return { ok: false, index, reason: `${entry.action} leads to sub-status ${decision.next.subStatus}` };
    }
    state = { status: entry.statusAfter, subStatus: entry.subStatusAfter };
  }
  return { ok: true, ...state };
}
