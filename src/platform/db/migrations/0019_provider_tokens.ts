// 0019 — Access tokens of outside services that expire and renew themselves (Zalo OA: the access
// token lives 25 hours; the refresh token that renews it is single-use). One row per provider, locked
// while it is renewed so two app processes never spend the same refresh token (docs/adapters/zalo-oa.md).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE provider_tokens (
       provider text PRIMARY KEY CHECK (provider ~ '^[a-z][a-z_]{1,29}$'),
       access_token text NOT NULL,
       refresh_token text NOT NULL,
       expires_at timestamptz NOT NULL,
       renewed_at timestamptz NOT NULL DEFAULT now(),
       renewals integer NOT NULL DEFAULT 0 CHECK (renewals >= 0)
     )`,
    `COMMENT ON TABLE provider_tokens IS 'The current access and refresh token of a provider (e.g. zalo); renewed under a row lock (SELECT … FOR UPDATE), the refresh token being single-use'`,
  ]);
}
