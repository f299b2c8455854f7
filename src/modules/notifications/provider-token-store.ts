// The provider token store in the database (migration 0019): the row is locked (SELECT … FOR UPDATE)
// while a token is renewed, so app processes sharing the database spend each single-use refresh
// token once. The OAuth call happens inside that short transaction (10 s timeout, once a day).
// Both tokens are secrets that let anyone message citizens as the agency, so they are sealed under a
// system data key (goal 23) like other secrets at rest; a row written before that reads as it is
// and is sealed at its next renewal.
import type { TokenPair, TokenStore } from '../../adapters/chat/zalo-token.ts';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';

interface StoredRow {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export function databaseTokenStore(db: Db, provider: string, protection: DataProtection): TokenStore {
  const owner = `provider-token:${provider}`;
  const seal = async (executor: Db, pair: TokenPair) => ({
    accessToken: await protection.seal(executor, 'system', owner, pair.accessToken),
    refreshToken: await protection.seal(executor, 'system', owner, pair.refreshToken),
    expiresAt: pair.expiresAt,
  });
  const open = async (executor: Db, row: StoredRow): Promise<TokenPair> => ({
    accessToken: await protection.open(executor, row.accessToken),
    refreshToken: await protection.open(executor, row.refreshToken),
    expiresAt: new Date(row.expiresAt),
  });
  return {
    async read() {
      const row = await db
        .selectFrom('providerTokens')
        .select(['accessToken', 'refreshToken', 'expiresAt'])
        .where('provider', '=', provider)
        .executeTakeFirst();
      return row ? open(db, row) : null;
    },
    withLock(seed, decide) {
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('providerTokens')
          .values({ provider, ...(await seal(trx, seed)) })
          .onConflict((oc) => oc.column('provider').doNothing())
          .execute();
        const current = await open(
          trx,
          await trx
            .selectFrom('providerTokens')
            .select(['accessToken', 'refreshToken', 'expiresAt'])
            .where('provider', '=', provider)
            .forUpdate()
            .executeTakeFirstOrThrow(),
        );
        const next = await decide(current);
        if (next.accessToken !== current.accessToken || next.refreshToken !== current.refreshToken) {
          const sealed = await seal(trx, next);
          await trx
            .updateTable('providerTokens')
            .set((eb) => ({ ...sealed, renewedAt: new Date(), renewals: eb('renewals', '+', 1) }))
            .where('provider', '=', provider)
            .execute();
        }
        return next;
      });
    },
  };
}
