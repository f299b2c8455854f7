// 0003 — accounts (R8–R11, goals 2–6): citizen and organisation accounts signing in with a phone
// number or e-mail, login throttling and lockout, second factor (TOTP), inactivity, verification
// and reset codes, the notification outbox (a simulated mailbox until real adapters are set up),
// citizen profiles and the history of officers' units.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Citizens sign in with their phone number or e-mail address.
    'ALTER TABLE users DROP CONSTRAINT users_username_check',
    `ALTER TABLE users ADD CONSTRAINT users_username_check CHECK (username ~ '^[a-z0-9][a-z0-9._@+-]{2,99}$')`,
    'ALTER TABLE users DROP CONSTRAINT users_status_check',
    `ALTER TABLE users ADD CONSTRAINT users_status_check
       CHECK (status IN ('pending', 'active', 'locked', 'disabled'))`,
    `ALTER TABLE users ADD COLUMN status_reason text
       CHECK (status_reason IN ('admin', 'failed_logins', 'inactive', 'merged', 'unverified'))`,
    'ALTER TABLE users ADD COLUMN last_login_at timestamptz',
    'ALTER TABLE users ADD COLUMN password_changed_at timestamptz',
    'ALTER TABLE users ADD COLUMN totp_secret text',
    'ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz',
    'ALTER TABLE users ADD COLUMN totp_last_step bigint',
    'ALTER TABLE users ADD COLUMN email_verified_at timestamptz',
    'ALTER TABLE users ADD COLUMN phone_verified_at timestamptz',
    'ALTER TABLE users ADD CONSTRAINT users_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL)',
    `COMMENT ON COLUMN users.totp_secret IS 'Base32 TOTP secret (RFC 6238) of the second factor (goal 3); set only once enrolment is confirmed'`,
    `COMMENT ON COLUMN users.totp_last_step IS 'Last accepted TOTP time step: a code is never accepted twice (ASVS 6.5.1)'`,
    // One citizen account per phone number and per e-mail address.
    `CREATE UNIQUE INDEX users_citizen_email_key ON users (lower(email)) WHERE kind <> 'officer' AND email IS NOT NULL`,
    `CREATE UNIQUE INDEX users_citizen_phone_key ON users (phone) WHERE kind <> 'officer' AND phone IS NOT NULL`,
    `CREATE TABLE login_throttle (
       key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
       failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
       last_failure_at timestamptz,
       locked_until timestamptz
     )`,
    `COMMENT ON TABLE login_throttle IS 'Failed sign-ins per account name, known or not (goal 4): back-off, then a lock after 5 failures'`,
    `CREATE TABLE account_profiles (
       user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
       date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
       id_number text CHECK (id_number ~ '^[0-9]{12}$'),
       address text CHECK (length(address) <= 500),
       tax_code text CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
       representative_name text CHECK (length(representative_name) <= 200),
       representative_title text CHECK (length(representative_title) <= 200),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE account_profiles IS 'Profile of a citizen or organisation account (R8): personal data, reads audited (R49)'`,
    `CREATE TABLE one_time_codes (
       id uuid PRIMARY KEY,
       user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       purpose text NOT NULL CHECK (purpose IN ('verify_contact', 'reset_password')),
       channel text NOT NULL CHECK (channel IN ('sms', 'email')),
       destination text NOT NULL,
       code_hash text NOT NULL,
       attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
       expires_at timestamptz NOT NULL,
       consumed_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE one_time_codes IS 'Single-use codes sent out of band (≤ 10 min, ≤ 5 guesses; ASVS 6.5, 6.6); only a hash is stored'`,
    'CREATE INDEX one_time_codes_user_idx ON one_time_codes (user_id, purpose, created_at)',
    `CREATE TABLE notification_outbox (
       id uuid PRIMARY KEY,
       channel text NOT NULL CHECK (channel IN ('sms', 'email')),
       recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 254),
       subject text,
       body text NOT NULL,
       purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_.]*$'),
       user_id uuid REFERENCES users (id) ON DELETE SET NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       delivered_at timestamptz
     )`,
    `COMMENT ON TABLE notification_outbox IS 'Outgoing SMS and e-mail. With the local adapter nothing leaves the machine: the back office shows these rows as a simulated mailbox'`,
    'CREATE INDEX notification_outbox_created_idx ON notification_outbox (created_at)',
    `CREATE TABLE user_unit_history (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       from_unit_id uuid REFERENCES agencies (id),
       to_unit_id uuid REFERENCES agencies (id),
       reason text NOT NULL CHECK (reason IN ('admin', 'merge')),
       changed_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE user_unit_history IS 'Every change of an officer''s unit, incl. moves to a successor agency at a merger (R10)'`,
    'CREATE INDEX user_unit_history_user_idx ON user_unit_history (user_id, changed_at)',
  ]);
}
