// Chat-app notifications (R37) in the style of Zalo OA / ZNS: a pre-approved template id with
// parameters, sent with an access token to the applicant's phone number; `trackingId` makes a retry
// idempotent.
import type { DeliveryReceipt } from '../delivery.ts';

export interface ChatMessage {
  /** The applicant's phone number (ZNS addresses users by phone). */
  to: string;
  templateId: string;
  params: Record<string, string>;
  trackingId: string;
}

export interface ChatSender {
  send(message: ChatMessage): Promise<DeliveryReceipt>;
  readonly description: string;
}
