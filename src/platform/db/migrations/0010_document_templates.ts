// 0010 — administrators' wording and header overrides for the official forms (issue 8), per legal
// rule set and optionally per agency; the default texts live in code (template-catalogue.ts).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE document_template_overrides (
       id uuid PRIMARY KEY,
       rule_set text NOT NULL CHECK (rule_set IN ('tt01_2018', 'nd118_2025')),
       template text NOT NULL CHECK (template ~ '^[a-z][a-z_]{1,49}$'),
       agency_id uuid REFERENCES agencies (id),
       texts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(texts) = 'object'),
       header jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(header) = 'object'),
       updated_by uuid REFERENCES users (id),
       updated_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE NULLS NOT DISTINCT (rule_set, template, agency_id)
     )`,
    `COMMENT ON TABLE document_template_overrides IS 'Wording (texts) and header lines (governingAgency, agencyName, place) that replace the defaults of a form under a rule set; agency_id null = every agency'`,
  ]);
}
