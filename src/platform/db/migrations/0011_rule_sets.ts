// 0011 — legal rule sets as dated data (legal digest §0, §9 item 1): each dossier will keep the one
// in force when it was received. The national sets are inserted at boot (ensureNationalRuleSets).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE rule_sets (
       id uuid PRIMARY KEY,
       code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
       name text NOT NULL,
       name_en text NOT NULL,
       legal_basis jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(legal_basis) = 'array'),
       effective_from date NOT NULL,
       effective_to date,
       settings jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
       national boolean NOT NULL DEFAULT false,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       CHECK (effective_to IS NULL OR effective_to >= effective_from)
     )`,
    `COMMENT ON TABLE rule_sets IS 'Versioned legal rule sets (ND 61/TT 01 until 30/06/2025, ND 118/TT 03 from 01/07/2025, local ones): settings read by reception, processing and documents'`,
  ]);
}
