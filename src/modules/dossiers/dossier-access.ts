// Who may see and act on a dossier (R10, goals 7–9): the applicant's own account; officers whose
// grants cover the receiving desk or the handling agency (policy scope); the officer holding the
// current step. The relations feed the pure actions table (src/domain/dossier/actions.ts).
import { type Action, can, type Grant } from '../../domain/access/policy.ts';
import type { Relation } from '../../domain/dossier/actions.ts';
import type { CurrentUser } from '../auth/actor.ts';
import { agencyPath } from '../organisation/agency-scope.ts';
import type { DossierRow, Executor } from './dossier.repository.ts';

async function covers(
  db: Executor,
  grants: readonly Grant[],
  action: Action,
  agencyId: string,
): Promise<boolean> {
  if (!grants.some((g) => g.role)) {
    return false;
  }
  return can(grants, action, await agencyPath(db, agencyId));
}

export async function relationsOf(
  db: Executor,
  user: CurrentUser,
  dossier: DossierRow,
): Promise<Set<Relation>> {
  const relations = new Set<Relation>();
  if (dossier.applicantUserId !== null && dossier.applicantUserId === user.id) {
    relations.add('applicant');
  }
  if (user.kind !== 'officer') {
    return relations;
  }
  if (await covers(db, user.roles, 'dossier.receive', dossier.receivingAgencyId)) {
    relations.add('desk');
  }
  if (dossier.currentAssigneeId === user.id) {
    relations.add('handler');
    if (dossier.subStatus === 'awaiting_signature') {
      relations.add('signer');
    }
  }
  return relations;
}

/** Read access: the applicant, or an officer whose scope covers the receiving or handling agency. */
export async function canReadDossier(db: Executor, user: CurrentUser, dossier: DossierRow): Promise<boolean> {
  if (dossier.applicantUserId === user.id) {
    return true;
  }
  if (user.kind !== 'officer') {
    return false;
  }
  if (dossier.currentAssigneeId === user.id) {
    return true;
  }
  return (
    (await covers(db, user.roles, 'dossier.read', dossier.receivingAgencyId)) ||
    (await covers(db, user.roles, 'dossier.read', dossier.handlingAgencyId)) ||
    (dossier.currentUnitId !== null &&
      (await covers(db, user.roles, 'dossier.read', dossier.currentUnitId))) ||
    (await heldStep(db, user.id, dossier.id))
  );
}

/** Issue 7: an officer who held a step of the dossier (R35 ledger) keeps reading it. */
async function heldStep(db: Executor, userId: string, dossierId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossierSteps')
    .select('id')
    .where('dossierId', '=', dossierId)
    .where('holderId', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
