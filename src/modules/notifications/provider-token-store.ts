// The provider token store in the database (migration 0019): the row is locked (SELECT … FOR UPDATE)
// while a token is renewed, so app processes sharing the database spend each single-use refresh
// token once. The OAuth call happens inside that short transaction (10 s timeout, once a day).
import type { TokenPair, TokenStore } from '../../adapters/chat/zalo-token.ts';
import type { Db } from '../../platform/db/database.ts';

export function databaseTokenStore(db: Db, provider: string): TokenStore {
  const toPair = (row: { accessToken: string; refreshToken: string; expiresAt: Date }): TokenPair => ({
    accessToken: row.accessToken,
    refreshToken: row.refreshToken,
    expiresAt: new Date(row.expiresAt),
  });
  return {
    async read() {
      const row = await db
        .selectFrom('providerTokens')
        .select(['accessToken', 'refreshToken', 'expiresAt'])
        .where('provider', '=', provider)
        .executeTakeFirst();
      return row ? toPair(row) : null;
    },
    withLock(seed, decide) {
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('providerTokens')
          .values({ provider, ...seed })
          .onConflict((oc) => oc.column('provider').doNothing())
          .execute();
        const current = toPair(
          await trx
            .selectFrom('providerTokens')
            .select(['accessToken', 'refreshToken', 'expiresAt'])
            .where('provider', '=', provider)
            .forUpdate()
            .executeTakeFirstOrThrow(),
        );
        const next = await decide(current);
        if (next.accessToken !== current.accessToken || next.refreshToken !== current.refreshToken) {
          await trx
            .updateTable('providerTokens')
            .set((eb) => ({ ...next, renewedAt: new Date(), renewals: eb('renewals', '+', 1) }))
            .where('provider', '=', provider)
            .execute();
        }
        return next;
      });
    },
  };
}
