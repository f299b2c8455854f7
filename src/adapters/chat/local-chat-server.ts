// A faithful local Zalo (docs/adapters/zalo-oa.md) for tests and the demo: real HTTP on a random
// loopback port serving the ZNS template endpoint and the OA customer-service message endpoint with
// the real shapes, `access_token` check, tracking_id idempotency and Zalo-style error codes. It can
// fail on demand (HTTP 5xx or a Zalo error code) so the outbox retries, and it plays the citizen: it
// signs `user_send_text` events like Zalo (X-ZEvent-Signature) and posts them to our webhook. It also
// plays Zalo's OAuth server (POST /v4/oa/access_token): access tokens expire, refresh tokens are
// single-use. What it "sends" is kept in memory for the back office's simulated outbox.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CapturedMessages } from '../delivery.ts';
import { zaloSignatureHeader } from './zalo-signature.ts';

export interface LocalChatOptions {
  /** The access token valid at start (for `tokenTtlSeconds`). */
  accessToken: string;
  /** With `appSecret`: the refresh token valid at start, renewing through /v4/oa/access_token. */
  refreshToken?: string;
  /** The application's secret key, sent by our OAuth calls in the `secret_key` header. */
  appSecret?: string;
  /** Lifetime of an access token (Zalo: 90,000 s, 25 hours). */
  tokenTtlSeconds?: number;
  appId: string;
  oaSecretKey: string;
  /** The OA's id (recipient of user events). */
  oaId?: string;
  /** Our webhook, for `postEvent`. */
  inboundUrl?: string;
}

export interface SignedEvent {
  /** The exact bytes to post (the signature covers them). */
  body: string;
  headers: Record<string, string>;
}

const MAX_CS_TEXT = 2000;

export class LocalChatServer {
  readonly messages = new CapturedMessages();
  readonly options: LocalChatOptions;
  #server: http.Server | undefined;
  #port = 0;
  #down = false;
  #failure: { error: number; message: string } | null = null;
  /** Approved templates (id → parameter names); null: any id is accepted (the demo's readable ids). */
  #templates: Map<string, readonly string[]> | null = null;
  readonly #byTracking = new Map<string, string>();
  /** Users who wrote to the OA: cs messages may only go to them (Zalo's interaction window). */
  readonly #interacted = new Set<string>();
  /** Access token → when it expires (epoch ms). */
  readonly #accessTokens = new Map<string, number>();
  /** Refresh tokens not spent yet (each works once). */
  readonly #refreshTokens = new Set<string>();
  /** Successful renewals through the OAuth endpoint. */
  renewals = 0;
  /** How long the OAuth endpoint takes to answer (tests hold a renewal open to race another). */
  oauthDelayMs = 0;

  constructor(options: LocalChatOptions) {
    this.options = { oaId: '2040000000000000001', ...options };
    this.#accessTokens.set(options.accessToken, Date.now() + this.#ttlMs);
    if (options.refreshToken) {
      this.#refreshTokens.add(options.refreshToken);
    }
  }

  get #ttlMs(): number {
    return (this.options.tokenTtlSeconds ?? 90_000) * 1000;
  }

  /** Every access token issued so far expires now (the 25 hours have passed). */
  expireAccessTokens(): void {
    for (const token of this.#accessTokens.keys()) {
      this.#accessTokens.set(token, 0);
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get accessToken(): string {
    return this.options.accessToken;
  }

  /** HTTP 503 for every call (an outage). */
  setDown(down: boolean): void {
    this.#down = down;
  }

  /** HTTP 200 with this Zalo error code for every call (e.g. -124 token, -108 phone); null: normal. */
  failWith(error: number | null, message = 'Simulated Zalo error'): void {
    this.#failure = error === null ? null : { error, message };
  }

  /**
   * The templates Zalo approved for this OA, with their parameter names. From then on an unknown id
   * gets -132 (template does not exist), missing or empty parameters -218 and unexpected ones -217,
   * as the real ZNS API answers (docs/adapters/zalo-oa.md). null accepts any id again.
   */
  knowTemplates(templates: Record<string, readonly string[]> | null): void {
    this.#templates = templates ? new Map(Object.entries(templates)) : null;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.#handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(this.#port, '127.0.0.1', resolve));
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Signs any event body the way Zalo does (appId + body + timestamp + OA secret key). */
  sign(event: Record<string, unknown>): SignedEvent {
    const body = JSON.stringify(event);
    const timestamp = String(event.timestamp ?? '');
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-zevent-signature': zaloSignatureHeader(
          this.options.appId,
          body,
          timestamp,
          this.options.oaSecretKey,
        ),
      },
    };
  }

  /** A follower writes `text` to the OA: the `user_send_text` event Zalo would post, signed. */
  textEvent(
    userId: string,
    text: string,
    options: { msgId?: string; at?: Date } = {},
  ): SignedEvent & { event: Record<string, unknown> } {
    this.#interacted.add(userId);
    const event = {
      app_id: this.options.appId,
      sender: { id: userId },
      user_id_by_app: `app-${userId}`,
      recipient: { id: this.options.oaId },
      event_name: 'user_send_text',
      message: { text, msg_id: options.msgId ?? randomBytes(16).toString('hex') },
      timestamp: String((options.at ?? new Date()).getTime()),
    };
    return { ...this.sign(event), event };
  }

  /** Posts a signed event to our webhook over HTTP, as Zalo does (demo, end-to-end checks). */
  async postEvent(signed: SignedEvent): Promise<{ status: number; body: unknown }> {
    if (!this.options.inboundUrl) {
      throw new Error('no inbound webhook configured');
    }
    const response = await fetch(this.options.inboundUrl, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  #handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const answer = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method === 'POST' && req.url === '/v4/oa/access_token') {
      setTimeout(() => answer(200, this.#renew(req, body)), this.oauthDelayMs);
      return;
    }
    const route =
      req.method === 'POST' && req.url === '/message/template'
        ? 'zns'
        : req.method === 'POST' && req.url === '/v3.0/oa/message/cs'
          ? 'cs'
          : null;
    if (!route) {
      answer(404, { error: -1, message: 'Not found' });
      return;
    }
    if (this.#down) {
      answer(503, { error: -32, message: 'Service unavailable' });
      return;
    }
    const token = req.headers.access_token;
    if (typeof token !== 'string' || (this.#accessTokens.get(token) ?? 0) <= Date.now()) {
      answer(200, { error: -124, message: 'Access token is invalid' });
      return;
    }
    if (this.#failure) {
      answer(200, this.#failure);
      return;
    }
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(body) as Record<string, unknown>;
    } catch {
      answer(200, { error: -100, message: 'Invalid JSON' });
      return;
    }
    answer(200, route === 'zns' ? this.#template(payload) : this.#cs(payload));
  }

  /** OAuth v4 refresh: secret_key header, form app_id, grant_type=refresh_token, refresh_token. */
  #renew(req: http.IncomingMessage, body: string): unknown {
    const form = new URLSearchParams(body);
    if (!this.options.appSecret || req.headers.secret_key !== this.options.appSecret) {
      return { error: -14003, error_name: 'Invalid secret key' };
    }
    if (form.get('app_id') !== this.options.appId || form.get('grant_type') !== 'refresh_token') {
      return { error: -14001, error_name: 'Invalid parameter' };
    }
    const refreshToken = form.get('refresh_token') ?? '';
    if (!this.#refreshTokens.delete(refreshToken)) {
      return { error: -14014, error_name: 'Invalid refresh token' };
    }
    const accessToken = randomBytes(24).toString('hex');
    const next = randomBytes(24).toString('hex');
    this.#accessTokens.set(accessToken, Date.now() + this.#ttlMs);
    this.#refreshTokens.add(next);
    this.renewals++;
    return { access_token: accessToken, refresh_token: next, expires_in: String(this.#ttlMs / 1000) };
  }

  #template(payload: Record<string, unknown>): unknown {
    if (typeof payload.phone !== 'string' || !/^84[35789]\d{8}$/.test(payload.phone)) {
      return { error: -108, message: 'Phone number is invalid' };
    }
    const data = payload.template_data;
    if (typeof payload.template_id !== 'string' || !payload.template_id) {
      return { error: -201, message: 'Missing required fields' };
    }
    if (typeof data !== 'object' || !data) {
      return { error: -217, message: 'Template data is invalid' };
    }
    const refused = this.#checkTemplate(payload.template_id, data as Record<string, unknown>);
    if (refused) {
      return refused;
    }
    const quota = { dailyQuota: '500', remainingQuota: '499' };
    const tracking = typeof payload.tracking_id === 'string' ? payload.tracking_id : null;
    const known = tracking ? this.#byTracking.get(tracking) : undefined;
    if (known) {
      return { error: 0, message: 'Success', data: { msg_id: known, sent_time: String(Date.now()), quota } };
    }
    const msgId = randomBytes(10).toString('hex');
    if (tracking) {
      this.#byTracking.set(tracking, msgId);
    }
    const params = data as Record<string, unknown>;
    this.messages.add({
      id: msgId,
      channel: 'chat',
      to: payload.phone,
      from: 'OA MotCua (demo)',
      subject: payload.template_id,
      text:
        typeof params.content === 'string'
          ? params.content
          : Object.entries(params)
              .map(([k, v]) => `${k}: ${String(v)}`)
              .join('; '),
      idempotencyKey: tracking,
      receivedAt: new Date(),
    });
    return { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: String(Date.now()), quota } };
  }

  #checkTemplate(id: string, data: Record<string, unknown>): { error: number; message: string } | null {
    if (!this.#templates) {
      return null;
    }
    const names = this.#templates.get(id);
    if (!names) {
      return { error: -132, message: 'ZNS template not existed' };
    }
    if (names.some((n) => typeof data[n] !== 'string' || data[n] === '')) {
      return { error: -218, message: 'Template data missing params' };
    }
    if (Object.keys(data).some((k) => !names.includes(k))) {
      return { error: -217, message: 'Template data is invalid' };
    }
    return null;
  }

  #cs(payload: Record<string, unknown>): unknown {
    const recipient = payload.recipient as { user_id?: unknown } | undefined;
    const message = payload.message as { text?: unknown } | undefined;
    const userId = recipient?.user_id;
    if (typeof userId !== 'string' || !userId) {
      return { error: -201, message: 'Recipient user_id is required' };
    }
    if (typeof message?.text !== 'string' || !message.text || message.text.length > MAX_CS_TEXT) {
      return { error: -201, message: 'message.text is required (at most 2000 characters)' };
    }
    if (!this.#interacted.has(userId)) {
      // Zalo only lets an OA answer users who wrote to it recently (see the doc).
      return { error: -230, message: 'User has not interacted with the OA in the last 7 days' };
    }
    const messageId = randomUUID().replace(/-/g, '');
    this.messages.add({
      id: messageId,
      channel: 'chat',
      to: userId,
      from: 'OA MotCua (demo)',
      subject: 'oa/message/cs',
      text: message.text,
      idempotencyKey: null,
      receivedAt: new Date(),
    });
    return { error: 0, message: 'Success', data: { message_id: messageId, user_id: userId } };
  }
}
