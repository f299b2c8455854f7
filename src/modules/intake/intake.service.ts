// Drafts: a citizen's unfinished online submission, kept on the server (scoped to its owner, never
// visible to anyone else) so it resumes on another device. Outages: the register of declared
// incidents that back-entered dossiers (R16) must reference; declaring one is audited.
import { randomUUID } from 'node:crypto';
import { dataProtection } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, CurrentUser } from '../auth/actor.ts';
import { findProcedure } from '../catalogue/catalogue.repository.ts';
import { intakeErrors } from './intake.errors.ts';
import type { CreateDraftBody, CreateOutageBody, Draft, Outage, UpdateDraftBody } from './intake.schemas.ts';

const MAX_DRAFTS = 20;
const MAX_DRAFT_BYTES = 256 * 1024;
const MAX_OUTAGE_MS = 30 * 86_400_000;

const iso = (value: Date | string) => new Date(value).toISOString();

function checkSize(data: Record<string, unknown>): void {
  if (Buffer.byteLength(JSON.stringify(data), 'utf8') > MAX_DRAFT_BYTES) {
    throw intakeErrors.draftTooLarge();
  }
}

function draftQuery(db: Db, ownerId: string) {
  return db
    .selectFrom('dossierDrafts as d')
    .select((eb) => [
      'd.id',
      'd.procedureId',
      'd.data',
      'd.createdAt',
      'd.updatedAt',
      eb
        .selectFrom('procedureVersions as v')
        .select('v.name')
        .whereRef('v.procedureId', '=', 'd.procedureId')
        .where('v.status', '!=', 'draft')
        .orderBy('v.number', 'desc')
        .limit(1)
        .as('procedureName'),
    ])
    .where('d.ownerId', '=', ownerId);
}

type DraftRow = Awaited<ReturnType<ReturnType<typeof draftQuery>['executeTakeFirstOrThrow']>>;

// Goal 23: a draft holds whatever the citizen typed (CCCD included), so the whole form is stored
// sealed under the owner's account data key: { "$sealed": "enc:v1:…" }.
const SEALED_KEY = '$sealed';

async function sealDraftData(db: Db, ownerId: string, data: Record<string, unknown>): Promise<string> {
  return JSON.stringify({
    [SEALED_KEY]: await dataProtection().seal(db, 'user', ownerId, JSON.stringify(data)),
  });
}

async function openDraftData(db: Db, stored: Record<string, unknown>): Promise<Record<string, unknown>> {
  const sealed = stored[SEALED_KEY];
  return typeof sealed === 'string' ? JSON.parse(await dataProtection().open(db, sealed)) : stored;
}

const toDraft = async (db: Db, row: DraftRow): Promise<Draft> => ({
  id: row.id,
  procedureId: row.procedureId,
  procedureName: row.procedureName ?? '',
  data: await openDraftData(db, row.data),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

export async function listDrafts(db: Db, user: CurrentUser): Promise<{ items: Draft[] }> {
  const rows = await draftQuery(db, user.id).orderBy('d.updatedAt', 'desc').execute();
  return { items: await Promise.all(rows.map((row) => toDraft(db, row))) };
}

export async function getDraft(db: Db, user: CurrentUser, id: string): Promise<Draft> {
  const row = await draftQuery(db, user.id).where('d.id', '=', id).executeTakeFirst();
  if (!row) {
    throw intakeErrors.draftNotFound();
  }
  return toDraft(db, row);
}

export async function createDraft(db: Db, user: CurrentUser, body: CreateDraftBody): Promise<Draft> {
  checkSize(body.data);
  const procedure = await findProcedure(db, body.procedureId);
  if (!procedure) {
    throw intakeErrors.procedureNotFound();
  }
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    // Serialise one owner's draft creations so the cap holds under concurrency.
    await trx.selectFrom('users').select('id').where('id', '=', user.id).forUpdate().execute();
    const count = await trx
      .selectFrom('dossierDrafts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ownerId', '=', user.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_DRAFTS) {
      throw intakeErrors.tooManyDrafts(MAX_DRAFTS);
    }
    const now = new Date();
    await trx
      .insertInto('dossierDrafts')
      .values({
        id,
        ownerId: user.id,
        procedureId: procedure.id,
        data: await sealDraftData(trx, user.id, body.data),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });
  return getDraft(db, user, id);
}

export async function updateDraft(
  db: Db,
  user: CurrentUser,
  id: string,
  body: UpdateDraftBody,
): Promise<Draft> {
  checkSize(body.data);
  let query = db
    .updateTable('dossierDrafts')
    .set({ data: await sealDraftData(db, user.id, body.data), updatedAt: new Date() })
    .where('id', '=', id)
    .where('ownerId', '=', user.id);
  if (body.expectedUpdatedAt) {
    query = query.where('updatedAt', '=', new Date(body.expectedUpdatedAt));
  }
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const exists = await draftQuery(db, user.id).where('d.id', '=', id).executeTakeFirst();
    throw exists ? intakeErrors.draftChanged() : intakeErrors.draftNotFound();
  }
  return getDraft(db, user, id);
}

export async function deleteDraft(db: Db, user: CurrentUser, id: string): Promise<void> {
  const result = await db
    .deleteFrom('dossierDrafts')
    .where('id', '=', id)
    .where('ownerId', '=', user.id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) {
    throw intakeErrors.draftNotFound();
  }
}

function outageQuery(db: Db) {
  return db
    .selectFrom('outages as o')
    .innerJoin('users as u', 'u.id', 'o.declaredBy')
    .select((eb) => [
      'o.id',
      'o.startsAt',
      'o.endsAt',
      'o.reason',
      'o.reference',
      'u.fullName as declaredBy',
      'o.declaredAt',
      eb
        .selectFrom('dossierHistory as h')
        .select((h) => h.fn.count<string>('h.dossierId').distinct().as('n'))
        .whereRef('h.outageId', '=', 'o.id')
        .as('dossierCount'),
    ]);
}

type OutageRow = Awaited<ReturnType<ReturnType<typeof outageQuery>['executeTakeFirstOrThrow']>>;

const toOutage = (row: OutageRow): Outage => ({
  id: row.id,
  startsAt: iso(row.startsAt),
  endsAt: iso(row.endsAt),
  reason: row.reason,
  reference: row.reference,
  declaredBy: row.declaredBy,
  declaredAt: iso(row.declaredAt),
  dossierCount: Number(row.dossierCount ?? 0),
});

export async function listOutages(db: Db): Promise<{ items: Outage[] }> {
  const rows = await outageQuery(db).orderBy('o.startsAt', 'desc').limit(200).execute();
  return { items: rows.map(toOutage) };
}

export async function declareOutage(
  db: Db,
  user: CurrentUser,
  actor: Actor,
  body: CreateOutageBody,
  now = new Date(),
): Promise<Outage> {
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (endsAt <= startsAt || endsAt > now) {
    throw intakeErrors.outageWindow();
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_OUTAGE_MS) {
    throw intakeErrors.outageTooLong();
  }
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('outages')
      .select('id')
      .where('reference', '=', body.reference)
      .executeTakeFirst();
    if (taken) {
      throw intakeErrors.outageReferenceTaken();
    }
    await trx
      .insertInto('outages')
      .values({ id, startsAt, endsAt, reason: body.reason, reference: body.reference, declaredBy: user.id })
      .execute();
    await appendAudit(trx, {
      ...actor,
      at: now,
      action: 'outage.declare',
      resourceType: 'outage',
      resourceId: id,
      reason: body.reason,
      details: { reference: body.reference, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
  });
  return toOutage(await outageQuery(db).where('o.id', '=', id).executeTakeFirstOrThrow());
}
