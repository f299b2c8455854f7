// 0001 — the foundation: search extensions, settings, server-side sessions, accounts (extended
// by the organisation module) and the hash-chained audit log (R49). One statement per call:
// PGlite runs each query with the extended protocol, which takes a single statement.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'CREATE EXTENSION IF NOT EXISTS unaccent',
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    'CREATE EXTENSION IF NOT EXISTS pgcrypto',
    // unaccent() is only STABLE (it reads its dictionary); indexes need an IMMUTABLE wrapper.
    `CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    `CREATE TABLE app_settings (
       key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]*$'),
       value jsonb NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE app_settings IS 'Administrator-editable deployment settings (site name, contacts), never deployment secrets'`,
    `CREATE TABLE users (
       id uuid PRIMARY KEY,
       username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
       full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
       email text,
       phone text,
       kind text NOT NULL CHECK (kind IN ('officer', 'citizen', 'organisation')),
       password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
       must_change_password boolean NOT NULL DEFAULT true,
       is_demo boolean NOT NULL DEFAULT false,
       status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'locked', 'disabled')),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    'CREATE UNIQUE INDEX users_username_key ON users (lower(username))',
    `CREATE TABLE user_roles (
       user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       role text NOT NULL CHECK (role ~ '^[a-z_]+$'),
       scope_id uuid,
       granted_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE UNIQUE INDEX user_roles_key ON user_roles (user_id, role, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'))`,
    `CREATE TABLE http_sessions (
       sid text PRIMARY KEY,
       data jsonb NOT NULL,
       user_id uuid REFERENCES users (id) ON DELETE CASCADE,
       expires_at timestamptz NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    'CREATE INDEX http_sessions_expires_idx ON http_sessions (expires_at)',
    'CREATE INDEX http_sessions_user_idx ON http_sessions (user_id)',
    `CREATE TABLE audit_log (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       at timestamptz NOT NULL,
       actor_id uuid,
       actor_label text NOT NULL,
       action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]*$'),
       resource_type text NOT NULL,
       resource_id text,
       ip text,
       user_agent text,
       reason text,
       details jsonb NOT NULL DEFAULT '{}'::jsonb,
       prev_hash text NOT NULL,
       hash text NOT NULL UNIQUE
     )`,
    `COMMENT ON TABLE audit_log IS 'Append-only, hash-chained (R49): each row stores the previous row''s hash; verify with motcua audit verify'`,
    'CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id)',
    'CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at)',
    // Append-only in the database too: updates and deletes are refused for every role but a
    // superuser who first drops this trigger (which the chain check would then expose).
    `CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
  ]);
}
