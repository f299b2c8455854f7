// R49: the append-only, hash-chained audit log. Each row's hash covers its content and the previous
// row's hash, so changing or deleting any row breaks the chain from that row on. Writers take a
// transaction-scoped advisory lock so concurrent transactions cannot fork the chain.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { canonicalJson } from '../../platform/canonical-json.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

const AUDIT_CHAIN_LOCK = 7_300_001;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actorId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

interface HashedFields {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export function auditHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('auditLog')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at: (entry.at ?? new Date()).toISOString(),
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 500) ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  };
  await trx
    .insertInto('auditLog')
    .values({
      ...fields,
      details: JSON.stringify(fields.details),
      prevHash,
      hash: auditHash(prevHash, fields),
    })
    .execute();
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: number };

/** Walks the chain in id order, in pages, and reports the first row whose hash does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const fields: HashedFields = {
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        resourceType: row.resourceType,
        resourceId: row.resourceId,
        ip: row.ip,
        userAgent: row.userAgent,
        reason: row.reason,
        details: row.details,
      };
      if (row.prevHash !== prevHash || row.hash !== auditHash(prevHash, fields)) {
        return { ok: false, rows, firstBrokenId: row.id };
      }
      prevHash = row.hash;
      rows++;
    }
    const last = page.at(-1);
    if (!last) {
      return { ok: true, rows };
    }
    afterId = last.id;
  }
}
