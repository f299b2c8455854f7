// The chat app (R37, R38) is Zalo: notifications go out as ZNS template messages to the applicant's
// phone number (a pre-approved template id with parameters; `trackingId` makes a retry idempotent),
// and lookup auto-replies go back to the OA follower as customer-service ("cs") text messages.
// Protocol and sources: docs/adapters/zalo-oa.md.
import type { DeliveryReceipt } from '../delivery.ts';

export interface ChatMessage {
  /** The applicant's phone number (ZNS addresses users by phone). */
  to: string;
  templateId: string;
  params: Record<string, string>;
  trackingId: string;
}

/** A text answer to a user who wrote to the OA (addressed by the OA-scoped user id, not a phone). */
export interface ChatReply {
  userId: string;
  text: string;
}

export interface ChatSender {
  /** ZNS template message (notifications through the outbox). */
  send(message: ChatMessage): Promise<DeliveryReceipt>;
  /** OA customer-service text message (auto-reply to an inbound message). */
  reply(message: ChatReply): Promise<DeliveryReceipt>;
  readonly description: string;
}
