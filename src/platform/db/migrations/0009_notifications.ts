// 0009 — notifications to applicants (R37; security goal 31): one row per message and channel,
// written by the caller inside the transaction of the state change (the outbox), delivered at least
// once by a job worker with capped exponential backoff; `dedup_key` is unique so an event retried or
// queued twice never reaches the person twice. Administrators override the default wording per
// event, channel and language (notification_templates).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE notifications (
       id uuid PRIMARY KEY,
       dedup_key text NOT NULL UNIQUE CHECK (length(dedup_key) BETWEEN 1 AND 300),
       channel text NOT NULL CHECK (channel IN ('email', 'sms', 'chat')),
       recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 320),
       lang text NOT NULL CHECK (lang IN ('vi', 'en')),
       event text NOT NULL CHECK (event ~ '^[a-z][a-z_]{1,49}$'),
       params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
       subject text,
       body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
       dossier_id uuid,
       dossier_code text,
       status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dead')),
       attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
       max_attempts integer NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
       next_attempt_at timestamptz NOT NULL DEFAULT now(),
       locked_until timestamptz,
       last_error text,
       provider_message_id text,
       delivery_status text CHECK (delivery_status IN ('delivered', 'undelivered')),
       delivered_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       sent_at timestamptz,
       CHECK (status <> 'sent' OR sent_at IS NOT NULL),
       CHECK (attempts <= max_attempts)
     )`,
    `COMMENT ON TABLE notifications IS 'Outbox of messages to applicants: queued → sending → sent, or failed (retry scheduled at next_attempt_at) → dead after max_attempts or a permanent error; dedup_key unique per person, event and channel'`,
    `COMMENT ON COLUMN notifications.dossier_id IS 'The dossier the message is about; the dossier module adds the foreign key when its table exists'`,
    "CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status IN ('queued', 'failed', 'sending')",
    'CREATE INDEX notifications_provider_idx ON notifications (provider_message_id) WHERE provider_message_id IS NOT NULL',
    `COMMENT ON COLUMN notifications.delivery_status IS 'From the provider''s signed delivery receipt (SMS gateway), when it sends one'`,
    'CREATE INDEX notifications_channel_idx ON notifications (channel, created_at DESC)',
    'CREATE INDEX notifications_dossier_idx ON notifications (dossier_id) WHERE dossier_id IS NOT NULL',
    `CREATE TABLE notification_templates (
       event text NOT NULL CHECK (event ~ '^[a-z][a-z_]{1,49}$'),
       channel text NOT NULL CHECK (channel IN ('email', 'sms', 'chat')),
       lang text NOT NULL CHECK (lang IN ('vi', 'en')),
       subject text CHECK (length(subject) <= 300),
       body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
       updated_by uuid REFERENCES users (id),
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (event, channel, lang)
     )`,
    `COMMENT ON TABLE notification_templates IS 'Administrators'' wording per event, channel and language; the defaults live in code (notification-defaults.ts)'`,
  ]);
}
