// Zalo redelivers an event it thinks we missed (no 200 within its deadline): the same `msg_id` must get
// one reply. In memory per process with a TTL and a size bound, like the sender rate limit (with
// several instances each remembers its own; documented in docs/adapters/zalo-oa.md).

export class SeenIds {
  readonly #seen = new Map<string, number>();
  readonly ttlMs: number;
  readonly maxKeys: number;

  constructor(ttlMs = 24 * 3_600_000, maxKeys = 100_000) {
    this.ttlMs = ttlMs;
    this.maxKeys = maxKeys;
  }

  /** True the first time `id` is seen within the TTL; records it. */
  first(id: string, now = Date.now()): boolean {
    const at = this.#seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) {
      return false;
    }
    this.#seen.delete(id);
    this.#seen.set(id, now);
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const [key, t] of this.#seen) {
      if (this.#seen.size <= this.maxKeys && now - t < this.ttlMs) {
        break;
      }
      this.#seen.delete(key);
    }
    return true;
  }
}
