// Data keys in the database, wrapped by the master keys of the keyring (security goal 23).
// One data key per dossier and per account (profile and drafts); a `system` key for stored copies
// that belong to nobody in particular. Files carry their own wrapped key (blob-encryption.ts). Values are sealed as `enc:v1:<key id>:…`, so
// any reader can find the key; rotation re-wraps the data keys and never touches the data.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { setBounded } from '../bounded-map.ts';
import type { Database } from '../db/schema.ts';
import {
  isSealed,
  newDataKey,
  openText,
  sealedKeyId,
  sealText,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.ts';
import { blindIndex, type Keyring, KeyringError } from './keyring.ts';

type Executor = Kysely<Database>;
export type KeyScope = 'dossier' | 'user' | 'system';

const CACHE_LIMIT = 10_000;

export class DataProtection {
  #keyring: Keyring;
  readonly #cache = new Map<string, Buffer>();

  constructor(keyring: Keyring) {
    this.#keyring = keyring;
  }

  get keyring(): Keyring {
    return this.#keyring;
  }

  /** New keyring (after a rotation or a retirement); unwrapped keys are forgotten. */
  reload(keyring: Keyring): void {
    this.#keyring = keyring;
    this.#cache.clear();
  }

  #remember(id: string, key: Buffer): void {
    setBounded(this.#cache, id, key, CACHE_LIMIT);
  }

  #master(id: string): Buffer {
    const master = this.#keyring.masterKeys.get(id);
    if (!master) {
      throw new KeyringError(`master key "${id}" is not in the keyring (retired too early?)`);
    }
    return master;
  }

  /** A fresh data key, stored wrapped under the current master key. */
  async createKey(
    db: Executor,
    scope: KeyScope,
    ownerRef: string | null,
  ): Promise<{ id: string; key: Buffer }> {
    const id = randomUUID();
    const key = newDataKey();
    const masterKeyId = this.#keyring.currentId;
    await db
      .insertInto('dataKeys')
      .values({
        id,
        scope,
        ownerRef,
        masterKeyId,
        wrappedKey: wrapDataKey(this.#master(masterKeyId), masterKeyId, id, key),
      })
      .execute();
    this.#remember(id, key);
    return { id, key };
  }

  /** The data key of a dossier / account / system purpose, created on first use. */
  async keyFor(db: Executor, scope: KeyScope, ownerRef: string): Promise<{ id: string; key: Buffer }> {
    const existing = await db
      .selectFrom('dataKeys')
      .select('id')
      .where('scope', '=', scope)
      .where('ownerRef', '=', ownerRef)
      .executeTakeFirst();
    if (existing) {
      return { id: existing.id, key: await this.keyById(db, existing.id) };
    }
    // Two first uses at once: the unique (scope, owner_ref) index keeps one; the other reads it.
    const id = randomUUID();
    const key = newDataKey();
    const masterKeyId = this.#keyring.currentId;
    const inserted = await db
      .insertInto('dataKeys')
      .values({
        id,
        scope,
        ownerRef,
        masterKeyId,
        wrappedKey: wrapDataKey(this.#master(masterKeyId), masterKeyId, id, key),
      })
      .onConflict((oc) => oc.columns(['scope', 'ownerRef']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      this.#remember(id, key);
      return { id, key };
    }
    return this.keyFor(db, scope, ownerRef);
  }

  async keyById(db: Executor, id: string): Promise<Buffer> {
    const cached = this.#cache.get(id);
    if (cached) {
      return cached;
    }
    const row = await db
      .selectFrom('dataKeys')
      .select(['masterKeyId', 'wrappedKey'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) {
      throw new KeyringError(`data key ${id} does not exist (shredded?)`);
    }
    const key = unwrapDataKey(this.#master(row.masterKeyId), row.masterKeyId, id, row.wrappedKey);
    this.#remember(id, key);
    return key;
  }

  async seal(db: Executor, scope: KeyScope, ownerRef: string, text: string): Promise<string> {
    const { id, key } = await this.keyFor(db, scope, ownerRef);
    return sealText(id, key, text);
  }

  async open(db: Executor, sealed: string): Promise<string> {
    const id = sealedKeyId(sealed);
    if (!id) {
      return sealed;
    }
    return openText(await this.keyById(db, id), sealed);
  }

  /** A copy of a JSON value with every sealed string opened. */
  async reveal<T>(db: Executor, value: T): Promise<T> {
    if (isSealed(value)) {
      return (await this.open(db, value)) as T;
    }
    if (Array.isArray(value)) {
      return (await Promise.all(value.map((item) => this.reveal(db, item)))) as T;
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[key] = await this.reveal(db, item);
      }
      return out as T;
    }
    return value;
  }

  blindIndex(kind: 'cccd', value: string): string {
    return blindIndex(this.#keyring, kind, value);
  }

  /** Deletes the data keys of an owner: what they encrypted becomes unreadable (crypto-shredding). */
  async shred(db: Executor, scope: KeyScope, ownerRef: string): Promise<number> {
    const rows = await db
      .deleteFrom('dataKeys')
      .where('scope', '=', scope)
      .where('ownerRef', '=', ownerRef)
      .returning('id')
      .execute();
    for (const row of rows) {
      this.#cache.delete(row.id);
    }
    return rows.length;
  }

  async shredKey(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('dataKeys').where('id', '=', id).execute();
    this.#cache.delete(id);
  }

  /**
   * Re-wraps every data key not yet under the current master key (the rotation). Batches of
   * `batchSize`, each in its own transaction, so a large table is never locked as a whole.
   */
  async rewrapAll(db: Executor, batchSize = 500): Promise<{ rewrapped: number; alreadyCurrent: number }> {
    const current = this.#keyring.currentId;
    const master = this.#master(current);
    let rewrapped = 0;
    for (;;) {
      const done = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('dataKeys')
          .select(['id', 'masterKeyId', 'wrappedKey'])
          .where('masterKeyId', '<>', current)
          .orderBy('id')
          .limit(batchSize)
          .forUpdate()
          .execute();
        for (const row of rows) {
          const key = unwrapDataKey(this.#master(row.masterKeyId), row.masterKeyId, row.id, row.wrappedKey);
          await trx
            .updateTable('dataKeys')
            .set({
              masterKeyId: current,
              wrappedKey: wrapDataKey(master, current, row.id, key),
              rewrappedAt: new Date(),
            })
            .where('id', '=', row.id)
            .execute();
        }
        return rows.length;
      });
      rewrapped += done;
      if (done < batchSize) {
        break;
      }
    }
    const left = await db
      .selectFrom('dataKeys')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return { rewrapped, alreadyCurrent: Number(left.n) - rewrapped };
  }

  /** Data keys per master key id: a master key with 0 may be retired. */
  async keysByMaster(db: Executor): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('dataKeys')
      .select(['masterKeyId', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('masterKeyId')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.masterKeyId, Number(r.n)]));
  }
}

let bound: DataProtection | undefined;

/** The process's data protection, bound at startup (like the notification runtime). */
export function bindDataProtection(protection: DataProtection | undefined): void {
  bound = protection;
}

export function dataProtection(): DataProtection {
  if (!bound) {
    throw new Error('data protection is not started (startSystem binds it)');
  }
  return bound;
}
