// What every notification provider adapter shares: a delivery error that says whether retrying can
// help (security goals §4.5: non-retryable errors such as an invalid number go straight to dead),
// and the record of what a local (simulated) provider received, for the back office's view.

export class DeliveryError extends Error {
  /** True when retrying cannot help (refused address, invalid number, bad credentials). */
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = 'DeliveryError';
    this.permanent = permanent;
  }
}

export interface DeliveryReceipt {
  /** The provider's id of the accepted message. */
  providerMessageId: string;
}

/** A message as a local provider received it (the "simulated mailbox"). */
export interface CapturedMessage {
  id: string;
  channel: 'email' | 'sms' | 'chat';
  to: string;
  from: string;
  subject: string | null;
  text: string;
  /** The sender's idempotency key (Message-ID, Idempotency-Key, tracking_id). */
  idempotencyKey: string | null;
  receivedAt: Date;
}

/** Keeps the most recent messages only: a demo must not grow without bound. */
export class CapturedMessages {
  readonly #items: CapturedMessage[] = [];
  readonly limit: number;
  constructor(limit = 1000) {
    this.limit = limit;
  }
  add(message: CapturedMessage): void {
    this.#items.push(message);
    if (this.#items.length > this.limit) {
      this.#items.splice(0, this.#items.length - this.limit);
    }
  }
  list(): CapturedMessage[] {
    return [...this.#items].reverse();
  }
  clear(): void {
    this.#items.length = 0;
  }
}
