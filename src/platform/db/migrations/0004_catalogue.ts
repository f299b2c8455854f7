// 0004 — the procedure catalogue (R2–R5; TT 32/2017 Điều 5; legal digest §4–5): procedures with
// immutable published versions (draft → published → superseded / abolished, each with its
// publication decision and effective date), the agencies that perform each version, form template
// files in the blob store, and public view counters. Search runs on f_unaccent(lower(name)) + pg_trgm.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE procedures (
       id uuid PRIMARY KEY,
       national_code text UNIQUE CHECK (national_code ~ '^[0-9]\\.[0-9]{6}$'),
       local_code text NOT NULL UNIQUE CHECK (local_code ~ '^[A-Z0-9][A-Z0-9._-]{1,39}$'),
       abolished_from date,
       abolition_decision_number text CHECK (length(abolition_decision_number) BETWEEN 1 AND 100),
       abolition_decision_date date,
       view_count bigint NOT NULL DEFAULT 0 CHECK (view_count >= 0),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       CHECK ((abolished_from IS NULL) = (abolition_decision_number IS NULL)),
       CHECK ((abolished_from IS NULL) = (abolition_decision_date IS NULL))
     )`,
    `COMMENT ON TABLE procedures IS 'Administrative procedures (TTHC): identity only; what a citizen sees lives in procedure_versions. national_code = mã TTHC on the national database (null when not known), local_code = this deployment''s own code'`,
    `CREATE TABLE procedure_versions (
       id uuid PRIMARY KEY,
       procedure_id uuid NOT NULL REFERENCES procedures (id),
       number integer NOT NULL CHECK (number >= 1),
       status text NOT NULL CHECK (status IN ('draft', 'published', 'superseded', 'abolished')),
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
       name_en text CHECK (length(name_en) <= 500),
       search_key text GENERATED ALWAYS AS (f_unaccent(lower(name))) STORED,
       sort_key text NOT NULL CHECK (sort_key ~ '^[\\x01-\\x7e]+$'),
       sector_id uuid NOT NULL REFERENCES sectors (id),
       levels text[] NOT NULL CHECK (cardinality(levels) >= 1 AND levels <@ ARRAY['province', 'district', 'commune']::text[]),
       subjects text[] NOT NULL CHECK (cardinality(subjects) >= 1 AND subjects <@ ARRAY['individual', 'organisation']::text[]),
       online_level text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
       legacy_level smallint NOT NULL CHECK (legacy_level BETWEEN 1 AND 4),
       immediate_result boolean NOT NULL DEFAULT false,
       time_value integer NOT NULL CHECK (time_value >= 0 AND time_value <= 3650),
       time_unit text NOT NULL CHECK (time_unit IN ('working_days', 'working_hours', 'calendar_days', 'immediate')),
       online_time_value integer CHECK (online_time_value >= 0 AND online_time_value <= 3650),
       deciding_agency_id uuid REFERENCES agencies (id),
       desk_agency_id uuid REFERENCES agencies (id),
       content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
       decision_number text CHECK (length(decision_number) BETWEEN 1 AND 100),
       decision_date date,
       effective_from date,
       effective_to date,
       published_at timestamptz,
       created_by uuid REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (procedure_id, number),
       CHECK (time_unit <> 'immediate' OR time_value = 0),
       CHECK ((status = 'draft') = (decision_number IS NULL)),
       CHECK ((status = 'draft') = (decision_date IS NULL)),
       CHECK ((status = 'draft') = (effective_from IS NULL)),
       CHECK ((status = 'draft') = (published_at IS NULL)),
       CHECK (status = 'draft' OR decision_date <= effective_from),
       CHECK (effective_to IS NULL OR effective_to > effective_from),
       CHECK (status NOT IN ('superseded', 'abolished') OR effective_to IS NOT NULL)
     )`,
    `COMMENT ON TABLE procedure_versions IS 'One version of a procedure with every TT 32/2017 Điều 5 component (columns for what is filtered, content jsonb for steps, ways, dossier components, fees, result, requirements, legal basis, responsibilities). In force on day D when status <> draft and effective_from <= D < coalesce(effective_to, infinity). Immutable once published: only status and effective_to change afterwards'`,
    `CREATE UNIQUE INDEX procedure_versions_one_draft ON procedure_versions (procedure_id) WHERE status = 'draft'`,
    'CREATE INDEX procedure_versions_force_idx ON procedure_versions (effective_from, effective_to)',
    'CREATE INDEX procedure_versions_sector_idx ON procedure_versions (sector_id)',
    // Search key stored once per row (no unaccent call per row at query time); the sort key is the
    // Vietnamese collation key computed by the application (vietnamese-sort-key.ts), compared bytewise.
    'CREATE INDEX procedure_versions_search_trgm ON procedure_versions USING gin (search_key gin_trgm_ops)',
    'CREATE INDEX procedure_versions_sort_idx ON procedure_versions (sort_key COLLATE "C")',
    // A published version is the legal text a dossier is received under (R4): it never changes.
    `CREATE OR REPLACE FUNCTION procedure_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           IF OLD.status <> 'draft' THEN RAISE EXCEPTION 'a published procedure version cannot be deleted'; END IF;
           RETURN OLD;
         END IF;
         -- sort_key may be recomputed if the collation key ever changes; search_key is generated
         -- (NULL in a BEFORE trigger). Neither is content.
         IF OLD.status <> 'draft' AND
            (to_jsonb(OLD) - 'status' - 'effective_to' - 'updated_at' - 'sort_key' - 'search_key') IS DISTINCT FROM
            (to_jsonb(NEW) - 'status' - 'effective_to' - 'updated_at' - 'sort_key' - 'search_key') THEN
           RAISE EXCEPTION 'a published procedure version is immutable';
         END IF;
         IF OLD.status <> 'draft' AND NEW.status = 'draft' THEN
           RAISE EXCEPTION 'a published procedure version cannot return to draft';
         END IF;
         RETURN NEW;
       END $$`,
    `CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE OR DELETE ON procedure_versions
       FOR EACH ROW EXECUTE FUNCTION procedure_versions_guard()`,
    `CREATE TABLE procedure_version_agencies (
       version_id uuid NOT NULL REFERENCES procedure_versions (id) ON DELETE CASCADE,
       agency_id uuid NOT NULL REFERENCES agencies (id),
       PRIMARY KEY (version_id, agency_id)
     )`,
    `COMMENT ON TABLE procedure_version_agencies IS 'Agencies that perform (cơ quan thực hiện) a procedure version; fixed once the version is published'`,
    'CREATE INDEX procedure_version_agencies_agency_idx ON procedure_version_agencies (agency_id)',
    `CREATE OR REPLACE FUNCTION procedure_version_agencies_guard() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE v_status text;
       BEGIN
         SELECT status INTO v_status FROM procedure_versions
          WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
         IF v_status IS NOT NULL AND v_status <> 'draft' THEN
           RAISE EXCEPTION 'the agencies of a published procedure version are fixed';
         END IF;
         RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
       END $$`,
    `CREATE TRIGGER procedure_version_agencies_fixed BEFORE INSERT OR UPDATE OR DELETE ON procedure_version_agencies
       FOR EACH ROW EXECUTE FUNCTION procedure_version_agencies_guard()`,
    `CREATE TABLE procedure_files (
       id uuid PRIMARY KEY,
       procedure_id uuid NOT NULL REFERENCES procedures (id),
       blob_key text NOT NULL UNIQUE CHECK (blob_key ~ '^[0-9a-f]{2}/[0-9a-f]{32}$'),
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       size bigint NOT NULL CHECK (size > 0),
       file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
       media_type text NOT NULL CHECK (media_type IN (
         'application/pdf',
         'application/msword',
         'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
         'application/vnd.ms-excel',
         'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
         'application/vnd.oasis.opendocument.text'
       )),
       published boolean NOT NULL DEFAULT false,
       uploaded_by uuid REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE procedure_files IS 'Form templates (mẫu đơn, tờ khai) of a procedure, content in the blob store; published = referenced by a published version, so downloadable by anyone'`,
    'CREATE INDEX procedure_files_procedure_idx ON procedure_files (procedure_id)',
  ]);
}
