// 0017 — ZNS template mappings (R37): real Zalo ZNS templates have numeric ids that Zalo assigns at
// approval and named parameters, so each notification event is mapped by an administrator to the
// approved template id and how its parameters are filled from MotCua's placeholders.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE zns_templates (
       event text PRIMARY KEY CHECK (event ~ '^[a-z][a-z_]{1,49}$'),
       template_id text NOT NULL CHECK (template_id ~ '^[0-9]{1,20}$'),
       params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'array'),
       updated_by uuid REFERENCES users (id),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE zns_templates IS 'Per notification event: the ZNS template id Zalo approved and its parameters [{ name, value: "text with {placeholders}" }], a list because the query layer camel-cases object keys); without a row, MOTCUA_CHAT=zalo dead-letters the chat message'`,
  ]);
}
