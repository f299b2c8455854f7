// 0015 — processes and processing (issue 7; R21–R25, R30–R36; HP Đ10–Đ15): each procedure's internal
// and electronic process (optionally per agency) with immutable published versions of ordered steps;
// each dossier keeps the process version it started with and a step ledger (arrival, allotted due
// time, completion, holder, paper received); supplement clock times; stored warning levels and the
// officers' reminder outbox written by the warnings job.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE processes (
       id uuid PRIMARY KEY,
       procedure_id uuid NOT NULL REFERENCES procedures (id),
       agency_id uuid REFERENCES agencies (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE NULLS NOT DISTINCT (procedure_id, agency_id)
     )`,
    `COMMENT ON TABLE processes IS 'The internal and electronic process (quy trình nội bộ, điện tử) of a procedure, optionally for one agency (R21, HP Đ15)'`,
    `CREATE TABLE process_versions (
       id uuid PRIMARY KEY,
       process_id uuid NOT NULL REFERENCES processes (id),
       version_no integer NOT NULL CHECK (version_no >= 1),
       status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
       steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array'),
       decision_ref text CHECK (decision_ref IS NULL OR length(decision_ref) BETWEEN 2 AND 200),
       decision_date date,
       created_by uuid REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       published_by uuid REFERENCES users (id),
       published_at timestamptz,
       UNIQUE (process_id, version_no),
       CHECK (status = 'draft' OR (decision_ref IS NOT NULL AND published_at IS NOT NULL))
     )`,
    `COMMENT ON TABLE process_versions IS 'Versions of a process: ordered steps (unit, role or named officers, allotted working minutes, online allotment, signature); published with the approving decision, then immutable'`,
    `CREATE UNIQUE INDEX process_versions_one_published ON process_versions (process_id) WHERE status = 'published'`,
    `CREATE TABLE dossier_steps (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       dossier_id uuid NOT NULL REFERENCES dossiers (id),
       seq integer NOT NULL CHECK (seq >= 1),
       step_key text NOT NULL,
       step_index integer NOT NULL CHECK (step_index >= 0),
       unit_id uuid REFERENCES agencies (id),
       holder_id uuid REFERENCES users (id),
       arrived_at timestamptz NOT NULL,
       due_at timestamptz,
       allotted_minutes integer NOT NULL CHECK (allotted_minutes >= 0),
       completed_at timestamptz,
       completed_action text,
       paper_received_at timestamptz,
       paper_received_by uuid REFERENCES users (id),
       warning text NOT NULL DEFAULT 'normal' CHECK (warning IN ('normal', 'due_soon', 'overdue')),
       UNIQUE (dossier_id, seq)
     )`,
    `COMMENT ON TABLE dossier_steps IS 'Step ledger of each dossier (R35): arrival, allotted due time in working time, completion, holder, paper received (R25); a send-back opens a new row for the earlier step'`,
    'CREATE INDEX dossier_steps_open_idx ON dossier_steps (holder_id, due_at) WHERE completed_at IS NULL',
    'CREATE INDEX dossier_steps_dossier_idx ON dossier_steps (dossier_id, seq)',
    "ALTER TABLE dossiers ADD COLUMN warning text NOT NULL DEFAULT 'normal' CHECK (warning IN ('normal', 'due_soon', 'overdue'))",
    "ALTER TABLE dossiers ADD COLUMN step_warning text NOT NULL DEFAULT 'normal' CHECK (step_warning IN ('normal', 'due_soon', 'overdue'))",
    'ALTER TABLE dossiers ADD COLUMN current_unit_id uuid REFERENCES agencies (id)',
    'CREATE INDEX dossiers_worklist_idx ON dossiers (current_assignee_id, status, step_due_at) WHERE status IN (2, 4, 5, 6, 7, 9)',
    // Worklist pages ordered by the nearest due time: walked in order, stopped after a page (R36).
    'CREATE INDEX dossiers_open_due_order_idx ON dossiers ((coalesce(step_due_at, due_at)), id) WHERE status IN (2, 4, 6)',
    'CREATE INDEX dossiers_unit_worklist_idx ON dossiers (current_unit_id, status, step_due_at) WHERE status IN (2, 4, 5, 6, 7, 9)',
    "ALTER TABLE dossier_requests ADD COLUMN clock_policy text CHECK (clock_policy IS NULL OR clock_policy IN ('restart', 'pause'))",
    'ALTER TABLE dossier_requests ADD COLUMN completed_at timestamptz',
    `COMMENT ON COLUMN dossier_requests.completed_at IS 'Supplement: when the step that asked finished with the supplied documents (request, receipt = answered_at, completion)'`,
    `CREATE TABLE officer_reminders (
       id uuid PRIMARY KEY,
       officer_id uuid NOT NULL REFERENCES users (id),
       dossier_id uuid NOT NULL REFERENCES dossiers (id),
       step_id bigint NOT NULL REFERENCES dossier_steps (id),
       level text NOT NULL CHECK (level IN ('due_soon', 'overdue')),
       message text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       read_at timestamptz,
       UNIQUE (step_id, level)
     )`,
    `COMMENT ON TABLE officer_reminders IS 'Reminder outbox for officers (R36): one per step and level, written by the warnings job'`,
    'CREATE INDEX officer_reminders_officer_idx ON officer_reminders (officer_id, created_at)',
  ]);
}
