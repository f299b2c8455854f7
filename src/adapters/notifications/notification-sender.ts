// Outgoing SMS and e-mail (R8, R26). The interface every channel implements, and the local
// implementation used until real gateways are configured: messages are written to the
// notification_outbox table in the caller's transaction and are NOT sent anywhere. The back office
// shows them to system administrators as a simulated mailbox ("Hộp thư mô phỏng"), and tests read
// them. Real SMTP and SMS gateway clients are later work (docs/ARCHITECTURE.md, outside services).
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

export interface OutgoingMessage {
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  /** What the message is for, e.g. accounts.verify, accounts.reset. */
  purpose: string;
  userId: string | null;
}

export interface NotificationSender {
  /** Queues the message inside the transaction: a rollback sends nothing. */
  send(trx: Transaction<Database>, message: OutgoingMessage): Promise<void>;
  /** True when messages only land in the simulated mailbox. */
  readonly simulated: boolean;
}

export const localOutboxSender: NotificationSender = {
  simulated: true,
  async send(trx, message) {
    await trx
      .insertInto('notificationOutbox')
      .values({ id: randomUUID(), ...message })
      .execute();
  },
};
