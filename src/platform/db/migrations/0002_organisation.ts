// 0002 — the organisation as data (R1, R10; legal digest §5): the agency tree with electronic
// identifier codes, validity dates and successors (provinces and agencies merged in 2025), the coded
// list of sectors and fields, and each officer's unit.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE agencies (
       id uuid PRIMARY KEY,
       code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$'),
       short_name text UNIQUE CHECK (short_name ~ '^[a-z][a-z0-9]{1,19}$'),
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
       name_en text CHECK (length(name_en) <= 300),
       level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
       kind text NOT NULL CHECK (kind IN ('committee', 'department', 'service_centre', 'unit', 'other')),
       parent_id uuid REFERENCES agencies (id),
       desk_agency_id uuid REFERENCES agencies (id),
       address text,
       email text,
       hotline text,
       valid_from date NOT NULL,
       valid_to date,
       successor_id uuid REFERENCES agencies (id),
       sort_order integer NOT NULL DEFAULT 0,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       CHECK (valid_to IS NULL OR valid_to >= valid_from),
       CHECK (parent_id IS NULL OR parent_id <> id),
       CHECK (successor_id IS NULL OR successor_id <> id)
     )`,
    `COMMENT ON TABLE agencies IS 'Agencies and their units as a tree; code = mã định danh điện tử (QĐ 20/2020); desk_agency_id = whose one-stop desk receives for it (null: its own)'`,
    'CREATE INDEX agencies_parent_idx ON agencies (parent_id)',
    `CREATE TABLE sectors (
       id uuid PRIMARY KEY,
       code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,39}$'),
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
       name_en text CHECK (length(name_en) <= 300),
       parent_id uuid REFERENCES sectors (id),
       active boolean NOT NULL DEFAULT true,
       sort_order integer NOT NULL DEFAULT 0,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE sectors IS 'Sectors (ngành, parent_id null) and their fields (lĩnh vực) as one coded list'`,
    'ALTER TABLE users ADD COLUMN unit_id uuid REFERENCES agencies (id)',
    'CREATE INDEX users_unit_idx ON users (unit_id)',
    `ALTER TABLE user_roles ADD CONSTRAINT user_roles_scope_fk FOREIGN KEY (scope_id) REFERENCES agencies (id)`,
  ]);
}
