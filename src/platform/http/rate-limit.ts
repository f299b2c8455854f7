// Rate limits per route class and client address (security goal 36, §4.8). A route declares its
// own limit in `config.rateLimit` (or `false` for none); every other route shares the global one.
// The check is the first hook of every request and a refusal is a ready-made answer: a flood is
// turned away for the price of a counter, before cookies, sessions and security headers are worked
// out, so the officers behind it keep their speed (goal 36's p95 ratio). Once a client is refused
// on a URL, its repeats of that URL until the window ends are answered in front of the framework
// (`refuseEarly`, from the HTTP server's request handler) without routing or hooks.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyRequest } from 'fastify';
import type { App } from './app-type.ts';
import { rateLimitedText } from './errors.ts';
import { clientBucket, FixedWindowLimiter, FixedWindowRefusals } from './rate-window.ts';

interface RouteRateLimit {
  max: number;
  /** Window length; one minute when not given. */
  windowSeconds?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RouteRateLimit | false;
  }
}

interface Limiters {
  global: FixedWindowLimiter;
  /** One limiter per route context (its config object), made on the route's first request. */
  perRoute: WeakMap<object, FixedWindowLimiter | null>;
}

function limiterFor(limiters: Limiters, request: FastifyRequest): FixedWindowLimiter | null {
  const config = request.routeOptions.config;
  const declared = config?.rateLimit;
  if (declared === undefined) {
    return limiters.global;
  }
  let limiter = limiters.perRoute.get(config);
  if (limiter === undefined) {
    limiter =
      declared === false ? null : new FixedWindowLimiter(declared.max, (declared.windowSeconds ?? 60) * 1000);
    limiters.perRoute.set(config, limiter);
  }
  return limiter;
}

/** Pre-serialised standard error body: the refusal costs no error object and no schema walk. */
function refusalBody(retryAfterSeconds: number, requestId: string): string {
  return JSON.stringify({ code: 'RATE_LIMITED', message: rateLimitedText(retryAfterSeconds), requestId });
}

export interface RateLimitGuard {
  /** For Fastify's disableRequestLogging: a flood's refused requests do not each write two log lines. */
  isRefusing(request: FastifyRequest): boolean;
  /** Answers a repeat of a refused request before Fastify sees it; true when it did. */
  refuseEarly(request: IncomingMessage, response: ServerResponse): boolean;
}

const REFUSAL_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/**
 * @param trustProxy the app's own setting: the early answer must see the same client address as
 *   Fastify's request.ip, or a spoofed X-Forwarded-For could pick someone else's refusal.
 */
export function registerRateLimits(
  app: App,
  globalMaxPerMinute: number,
  trustProxy: boolean,
): RateLimitGuard {
  const limiters: Limiters = {
    global: new FixedWindowLimiter(globalMaxPerMinute, 60_000),
    perRoute: new WeakMap(),
  };
  // Refused (client, method, URL) → when its window ends. Bounded like the limiters' windows.
  const refused = new FixedWindowRefusals();
  const trustAll = () => true;
  const clientOf = (raw: IncomingMessage) =>
    clientBucket((trustProxy ? proxyAddr(raw, trustAll) : raw.socket.remoteAddress) ?? '');

  app.addHook('onRequest', async (request, reply) => {
    const limiter = limiterFor(limiters, request);
    if (!limiter) {
      return;
    }
    const now = Date.now();
    const client = clientBucket(request.ip);
    const hit = limiter.hit(client, now);
    if (hit.allowed) {
      return;
    }
    refused.remember(`${client} ${request.method} ${request.url}`, now + hit.retryAfterSeconds * 1000);
    if (hit.firstRefusal) {
      // Abuse is logged once per client, route and window, not once per request (issue 8).
      request.log.warn(
        { rateLimit: { route: request.routeOptions.url ?? null, client: request.ip, max: limiter.max } },
        'rate limit exceeded',
      );
    }
    reply
      .code(429)
      .header('retry-after', String(hit.retryAfterSeconds))
      .header('content-type', 'application/json; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .send(refusalBody(hit.retryAfterSeconds, request.id));
    return reply;
  });

  return {
    refuseEarly: (raw, response) => {
      const now = Date.now();
      const endsAt = refused.until(`${clientOf(raw)} ${raw.method} ${raw.url}`, now);
      if (endsAt === undefined) {
        return false;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((endsAt - now) / 1000));
      const requestId = randomUUID();
      response.writeHead(429, {
        ...REFUSAL_HEADERS,
        'retry-after': String(retryAfterSeconds),
        'x-request-id': requestId,
      });
      response.end(refusalBody(retryAfterSeconds, requestId));
      return true;
    },
    isRefusing: (request) =>
      limiterFor(limiters, request)?.isOver(clientBucket(request.ip), Date.now()) ?? false,
  };
}
