// Security goals 10 and 36, §4.8: SMS/chat lookups are limited per sender number (default 10 per
// hour), on top of the per-IP limit of the route. In memory per process: with several instances each
// enforces its own window (documented; a shared store is a later step).

export class SenderRateLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #notified = new Set<string>();
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;

  constructor(limit: number, windowMs = 3_600_000, maxKeys = 100_000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  /**
   * Records one message from `sender`. `allowed` false once over the limit; `firstRefusal` is true for
   * the first refused message in the window, so one "too many" reply is sent and the rest are silent.
   */
  hit(sender: string, now = Date.now()): { allowed: boolean; firstRefusal: boolean } {
    const recent = (this.#hits.get(sender) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.#hits.set(sender, recent);
      const first = !this.#notified.has(sender);
      this.#notified.add(sender);
      return { allowed: false, firstRefusal: first };
    }
    recent.push(now);
    this.#notified.delete(sender);
    this.#hits.delete(sender);
    this.#hits.set(sender, recent);
    if (this.#hits.size > this.maxKeys) {
      const oldest = this.#hits.keys().next().value;
      if (oldest !== undefined) {
        this.#hits.delete(oldest);
        this.#notified.delete(oldest);
      }
    }
    return { allowed: true, firstRefusal: false };
  }
}

/** For logs: 0912***678, never the whole number (goal 22). */
export function maskPhone(phone: string): string {
  return phone.length <= 6 ? '***' : `${phone.slice(0, 4)}***${phone.slice(-3)}`;
}
