// [Goal 36, §4.8] Rate limits: the fixed-window counter (property-tested against a model), the
// client buckets, the early answer to repeats of a refused request, and the whole system over a
// real socket (spoofed forwarding headers move no bucket).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRateLimits } from '../../src/platform/http/rate-limit.ts';
import {
  clientBucket,
  FixedWindowLimiter,
  FixedWindowRefusals,
} from '../../src/platform/http/rate-window.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

describe('[goal 36] fixed-window limiter', () => {
  it('lets through exactly min(max, hits) per key and window, and says when to come back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1_000, max: 10_000 }),
        fc.array(
          fc.record({ key: fc.constantFrom('a', 'b', 'c'), gap: fc.integer({ min: 0, max: 4_000 }) }),
          {
            maxLength: 200,
          },
        ),
        (max, windowMs, hits) => {
          const limiter = new FixedWindowLimiter(max, windowMs);
          // The model: each key's window opens at its first hit after the previous one ended.
          const model = new Map<string, { endsAt: number; count: number }>();
          let now = 0;
          for (const { key, gap } of hits) {
            now += gap;
            let window = model.get(key);
            if (!window || window.endsAt <= now) {
              window = { endsAt: now + windowMs, count: 0 };
              model.set(key, window);
            }
            window.count++;
            const hit = limiter.hit(key, now);
            expect(hit.allowed).toBe(window.count <= max);
            expect(hit.firstRefusal).toBe(window.count === max + 1);
            expect(hit.retryAfterSeconds).toBe(Math.max(1, Math.ceil((window.endsAt - now) / 1000)));
            expect(limiter.isOver(key, now)).toBe(window.count > max);
          }
        },
      ),
    );
  });

  it('keeps at most maxKeys windows, dropping the oldest, and sweeps ended ones', () => {
    const limiter = new FixedWindowLimiter(1, 1000, 3);
    for (const key of ['a', 'b', 'c', 'd']) {
      limiter.hit(key, 0);
    }
    expect(limiter.size).toBe(3);
    expect(limiter.hit('a', 10).allowed).toBe(true); // 'a' was dropped: a new window
    limiter.hit('e', 5_000);
    expect(limiter.size).toBe(1);
  });
});

describe('[goal 36] client buckets', () => {
  it('counts IPv4 alone, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(clientBucket('203.0.113.9')).toBe('203.0.113.9');
    expect(clientBucket('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientBucket('2001:db8:1:2:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientBucket('2001:0db8:0001:0002:0000:0000:0000:0009')).toBe('2001:db8:1:2::/64');
    expect(clientBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientBucket('::1')).toBe('0:0:0:0::/64');
    expect(clientBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('puts every address of one /64 in one bucket and different /64s apart', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), (groups) => {
        const address = groups.map((g) => g.toString(16)).join(':');
        const sibling = [...groups.slice(0, 4), 1, 2, 3, 4].map((g) => g.toString(16)).join(':');
        expect(clientBucket(address)).toBe(clientBucket(sibling));
        const other = [groups[0], groups[1], groups[2], ((groups[3] ?? 0) + 1) % 0x10000, ...groups.slice(4)];
        expect(clientBucket(other.map((g) => (g ?? 0).toString(16)).join(':'))).not.toBe(
          clientBucket(address),
        );
      }),
    );
  });
});

describe('[goal 36] remembered refusals', () => {
  it('answer until the window ends, then forget', () => {
    const refusals = new FixedWindowRefusals(2);
    refusals.remember('a', 1000);
    expect(refusals.until('a', 999)).toBe(1000);
    expect(refusals.until('a', 1000)).toBeUndefined();
    refusals.remember('b', 5000);
    refusals.remember('c', 5000);
    refusals.remember('d', 5000);
    expect(refusals.until('b', 1001)).toBeUndefined(); // dropped: bounded at 2 keys
    expect(refusals.until('d', 1001)).toBe(5000);
  });
});

/** One request over a real socket from a chosen loopback address. */
function get(port: number, url: string, from: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: url, localAddress: from, headers }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          );
        })
        .on('error', reject);
    },
  );
}

describe('[goal 36] repeats of a refused request are answered in front of the framework', () => {
  it('refuses them without routing or hooks, with the same answer', async () => {
    let reachedFastify = 0;
    let guard: ReturnType<typeof registerRateLimits> | undefined;
    const app = Fastify({
      serverFactory: (handler) =>
        http.createServer((request, response) => {
          if (!guard?.refuseEarly(request, response)) {
            handler(request, response);
          }
        }),
    });
    guard = registerRateLimits(app, 1000, false);
    // onResponse runs for every request Fastify handled, refused or not.
    app.addHook('onResponse', async () => {
      reachedFastify++;
    });
    app.get('/limited/:n', { config: { rateLimit: { max: 2 } } }, async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await get(port, '/limited/1', '127.0.0.5')).status);
      }
      expect(statuses).toEqual([200, 200, 429, 429, 429]);
      // The first refusal was decided by the limiter's hook; the two repeats never reached Fastify.
      expect(reachedFastify).toBe(3);
      const early = await get(port, '/limited/1', '127.0.0.5');
      expect(early.status).toBe(429);
      expect(Number(early.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(early.headers['cache-control']).toBe('no-store');
      const body = JSON.parse(early.body);
      expect(body).toMatchObject({ code: 'RATE_LIMITED', message: { vi: expect.stringContaining('giây') } });
      expect(body.requestId).toBe(early.headers['x-request-id']);
      // Another URL of the same route is counted by the route's limiter (refused there, not early).
      expect((await get(port, '/limited/2', '127.0.0.5')).status).toBe(429);
      // Another client is not affected.
      expect((await get(port, '/limited/1', '127.0.0.6')).status).toBe(200);
      expect(reachedFastify).toBe(5);
    } finally {
      await app.close();
    }
  });
});

describe('[goal 36] the whole system over a real socket', () => {
  let system: TestSystem;
  let port: number;
  beforeAll(async () => {
    system = await startTestSystem();
    await system.app.listen({ port: 0, host: '127.0.0.1' });
    port = (system.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => system?.close());

  it('refuses the 31st lookup a minute whatever forwarding headers say, and logs the abuse once', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const spoofed = { 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `192.0.2.${i}` };
      statuses.push(
        (await get(port, '/api/v1/lookup/000.00.06.H99-260101-0001', '127.0.0.7', spoofed)).status,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const refused = await get(port, '/api/v1/lookup/000.00.06.H99-260101-0001', '127.0.0.7');
    expect(JSON.parse(refused.body).code).toBe('RATE_LIMITED');
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect((await get(port, '/api/v1/lookup/000.00.06.H99-260101-0001', '127.0.0.8')).status).toBe(404);
    const abuse = system.logs.filter((line) => line.msg === 'rate limit exceeded');
    expect(abuse).toHaveLength(1);
    expect(abuse[0]).toMatchObject({
      rateLimit: { route: '/api/v1/lookup/:code', client: '127.0.0.7', max: 30 },
    });
    // The flood's refused requests write no request log lines of their own.
    const logged = system.logs.filter((line) => line.msg === 'incoming request').length;
    expect(logged).toBeLessThanOrEqual(32);
  });
});
