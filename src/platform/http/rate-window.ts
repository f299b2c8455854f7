// Fixed-window request counters per client key (security goal 36, §4.8). I/O-free: the caller
// passes the time, so tests drive the clock.

export interface WindowHit {
  allowed: boolean;
  /** Requests counted in this window, this one included. */
  count: number;
  /** Seconds until the window ends: the Retry-After of a refused request (at least 1). */
  retryAfterSeconds: number;
  /** True for the first refused request of a window: the one worth a log line. */
  firstRefusal: boolean;
}

interface Window {
  count: number;
  endsAt: number;
}

export class FixedWindowLimiter {
  readonly max: number;
  readonly windowMs: number;
  /** Keys kept at most; beyond it the oldest windows are dropped (bounded memory under a flood). */
  private readonly maxKeys: number;
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = 0;

  constructor(max: number, windowMs: number, maxKeys = 100_000) {
    this.max = max;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  hit(key: string, now: number): WindowHit {
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (window) {
        this.windows.delete(key);
      } else if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) {
          this.windows.delete(oldest);
        }
      }
      window = { count: 0, endsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return {
      allowed: window.count <= this.max,
      count: window.count,
      retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
      firstRefusal: window.count === this.max + 1,
    };
  }

  /** Whether the key's next request would be refused (no counting): used to keep floods out of logs. */
  isOver(key: string, now: number): boolean {
    const window = this.windows.get(key);
    return window !== undefined && window.endsAt > now && window.count > this.max;
  }

  get size(): number {
    return this.windows.size;
  }

  /** Drops ended windows once per window length; insertion order is end order, so it stops early. */
  private sweep(now: number): void {
    if (now < this.nextSweepAt) {
      return;
    }
    this.nextSweepAt = now + this.windowMs;
    for (const [key, window] of this.windows) {
      if (window.endsAt > now) {
        break;
      }
      this.windows.delete(key);
    }
  }
}

/** Refusals remembered until their window ends (same bounds and sweeping as the limiter). */
export class FixedWindowRefusals {
  private readonly endings = new Map<string, number>();
  private readonly maxKeys: number;
  private nextSweepAt = 0;

  constructor(maxKeys = 100_000) {
    this.maxKeys = maxKeys;
  }

  remember(key: string, endsAt: number): void {
    if (!this.endings.has(key) && this.endings.size >= this.maxKeys) {
      const oldest = this.endings.keys().next().value;
      if (oldest !== undefined) {
        this.endings.delete(oldest);
      }
    }
    this.endings.set(key, endsAt);
  }

  /** When the key's refusal ends, or undefined when it is not refused now. */
  until(key: string, now: number): number | undefined {
    if (now >= this.nextSweepAt) {
      this.nextSweepAt = now + 1000;
      for (const [stale, endsAt] of this.endings) {
        if (endsAt <= now) {
          this.endings.delete(stale);
        }
      }
    }
    const endsAt = this.endings.get(key);
    return endsAt !== undefined && endsAt > now ? endsAt : undefined;
  }
}

/**
 * The bucket a client address counts in. IPv4 addresses (also IPv4-mapped IPv6) count alone; an
 * IPv6 address counts with its /64, which one subscriber usually holds whole, so hopping between
 * its addresses dodges nothing.
 */
export function clientBucket(ip: string): string {
  if (!ip.includes(':')) {
    return ip;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) {
    return mapped[1];
  }
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = ip.includes('::')
    ? [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
