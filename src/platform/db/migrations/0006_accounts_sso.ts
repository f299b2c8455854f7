// 0006 — single sign-on (R8): accounts of other systems (VNeID / the national portal's account
// system, through OpenID Connect) linked to MotCua accounts. The identity is (issuer, subject), never
// an e-mail or an ID number typed into a profile (ASVS 6.8.1).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE user_identities (
       issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
       subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
       user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       identity_level text,
       linked_at timestamptz NOT NULL DEFAULT now(),
       last_used_at timestamptz,
       PRIMARY KEY (issuer, subject)
     )`,
    `COMMENT ON TABLE user_identities IS 'External OpenID Connect identities (issuer, sub) of MotCua accounts; identity_level = the assurance the provider last reported'`,
    'CREATE INDEX user_identities_user_idx ON user_identities (user_id)',
  ]);
}
