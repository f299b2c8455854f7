// 0012 — uploaded files (R12, R15; security goal 17): metadata, hashes and owner here; the bytes in
// the blob store under random keys. A file that failed the antivirus scan stays quarantined and is
// never served.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE files (
       id uuid PRIMARY KEY,
       owner_id uuid NOT NULL REFERENCES users (id),
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
       kind text NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'docx', 'xlsx')),
       mime text NOT NULL,
       size bigint NOT NULL CHECK (size > 0),
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       blob_key text NOT NULL,
       status text NOT NULL CHECK (status IN ('clean', 'quarantined')),
       scanner text NOT NULL,
       scan_signature text,
       width integer,
       height integer,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE files IS 'Uploads after type, content and antivirus checks; quarantined ones keep their bytes in the quarantine store and are never served'`,
    'CREATE INDEX files_owner_idx ON files (owner_id, created_at)',
  ]);
}
