// 0016 — encryption at rest (security goal 23; NĐ 356/2025 Đ4.2; ASVS 11.1–11.3): the wrapped data
// keys (AES-256-GCM, each wrapped by a master key kept outside the database, with that key's id) and
// keyed blind indexes (HMAC-SHA-256) for the ID numbers that are now stored encrypted.
// Values already stored in plaintext are encrypted at the next start (src/platform/crypto/legacy.ts),
// because the master key is not available to migrations by design.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE data_keys (
       id uuid PRIMARY KEY,
       scope text NOT NULL CHECK (scope IN ('dossier', 'user', 'system')),
       owner_ref text,
       master_key_id text NOT NULL CHECK (master_key_id ~ '^[A-Za-z0-9_-]{1,40}$'),
       wrapped_key bytea NOT NULL CHECK (octet_length(wrapped_key) = 60),
       created_at timestamptz NOT NULL DEFAULT now(),
       rewrapped_at timestamptz
     )`,
    `COMMENT ON TABLE data_keys IS 'Data keys (AES-256) wrapped by a master key held outside the database (master_key_id names it); one per dossier and per account (files carry theirs in their header); rotation re-wraps them, deleting one shreds what it encrypted'`,
    'CREATE UNIQUE INDEX data_keys_owner_idx ON data_keys (scope, owner_ref)',
    'CREATE INDEX data_keys_master_idx ON data_keys (master_key_id)',
    'ALTER TABLE account_profiles DROP CONSTRAINT IF EXISTS account_profiles_id_number_check',
    `COMMENT ON COLUMN account_profiles.id_number IS 'CCCD, encrypted (enc:v1:<data key>:…); look up by id_number_bidx'`,
    'ALTER TABLE account_profiles ADD COLUMN id_number_bidx text',
    'CREATE INDEX account_profiles_id_number_bidx_idx ON account_profiles (id_number_bidx) WHERE id_number_bidx IS NOT NULL',
    "ALTER TABLE dossiers ADD COLUMN id_number_bidx text[] NOT NULL DEFAULT '{}'",
    `COMMENT ON COLUMN dossiers.id_number_bidx IS 'Blind indexes (HMAC-SHA-256) of the applicant''s and owner''s ID numbers, which are stored encrypted in applicant/owner'`,
    'CREATE INDEX dossiers_id_number_bidx_idx ON dossiers USING gin (id_number_bidx)',
  ]);
}
