// 0008 — two pieces of the dossier write path that stand on their own:
// idempotency keys (security goal 28, draft-ietf-httpapi-idempotency-key-header): a retried
// request returns the first answer and creates nothing twice; and the per-unit, per-day dossier code
// counter (TT 01/2018 Đ19, legal digest §9 item 5): atomic under concurrency, gapless because the
// increment commits or rolls back with the dossier that uses it.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE idempotency_keys (
       scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 200),
       key text NOT NULL CHECK (key ~ '^[A-Za-z0-9._:-]{8,128}$'),
       request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
       response_status integer,
       response_body jsonb,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (scope, key)
     )`,
    `COMMENT ON TABLE idempotency_keys IS 'One row per (caller+operation, Idempotency-Key): the first answer, replayed to retries for 24 h'`,
    'CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)',
    `CREATE TABLE dossier_code_counters (
       agency_code text NOT NULL CHECK (agency_code ~ '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$'),
       day date NOT NULL,
       last_value integer NOT NULL CHECK (last_value BETWEEN 1 AND 9999),
       PRIMARY KEY (agency_code, day)
     )`,
    `COMMENT ON TABLE dossier_code_counters IS 'Last sequence number issued per receiving unit and local (UTC+7) day: <code>-<YYMMDD>-<NNNN>'`,
  ]);
}
