// A faithful local SMS gateway for tests and the demo, speaking docs/adapters/sms-gateway.md over real
// HTTP on a random loopback port: API key and HMAC checks, idempotency keys, signed delivery receipts
// to the callback URL, and inbound SMS forwarded (signed) to MotCua's webhook with the reply captured
// as an SMS back to the phone. Nothing leaves the machine: the "sent" messages are kept in memory.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CapturedMessage, CapturedMessages } from '../delivery.ts';
import { signatureHeaders, verifySignature } from './sms-signature.ts';

export interface LocalSmsGatewayOptions {
  apiKey: string;
  secret: string;
  /** MotCua's inbound webhook (POST { from, text } → { reply }). */
  inboundUrl?: string;
}

const PHONE = /^(\+84|84|0)[35789]\d{8}$/;

export class LocalSmsGateway {
  readonly messages = new CapturedMessages();
  readonly receiptsSent: Array<{ messageId: string; status: string; ok: boolean }> = [];
  #server: http.Server | undefined;
  #port = 0;
  #down = false;
  #failures = 0;
  readonly #byKey = new Map<string, string>();
  options: LocalSmsGatewayOptions;

  constructor(options: LocalSmsGatewayOptions) {
    this.options = options;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Simulates an outage: every send is answered 503 until set back. */
  setDown(down: boolean): void {
    this.#down = down;
  }

  failNext(count: number): void {
    this.#failures = count;
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

  #reply(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  #handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    if (req.method !== 'POST' || req.url !== '/v1/messages') {
      this.#reply(res, 404, { error: 'not_found' });
      return;
    }
    if (req.headers['x-api-key'] !== this.options.apiKey) {
      this.#reply(res, 401, { error: 'invalid_api_key' });
      return;
    }
    const ts = req.headers['x-timestamp'];
    const sig = req.headers['x-signature'];
    if (
      !verifySignature(
        this.options.secret,
        body,
        typeof ts === 'string' ? ts : undefined,
        typeof sig === 'string' ? sig : undefined,
      )
    ) {
      this.#reply(res, 401, { error: 'invalid_signature' });
      return;
    }
    if (this.#down || this.#failures > 0) {
      this.#failures = Math.max(0, this.#failures - 1);
      this.#reply(res, 503, { error: 'temporarily_unavailable' });
      return;
    }
    let payload: { to?: unknown; text?: unknown; callbackUrl?: unknown; sender?: unknown };
    try {
      payload = JSON.parse(body);
    } catch {
      this.#reply(res, 400, { error: 'malformed_json' });
      return;
    }
    if (typeof payload.to !== 'string' || !PHONE.test(payload.to.replace(/[\s.-]/g, ''))) {
      this.#reply(res, 400, { error: 'invalid_number' });
      return;
    }
    if (typeof payload.text !== 'string' || payload.text.length === 0 || payload.text.length > 1600) {
      this.#reply(res, 400, { error: 'invalid_text' });
      return;
    }
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key ? key : null;
    const existing = idempotencyKey ? this.#byKey.get(idempotencyKey) : undefined;
    if (existing) {
      // The same request again (a retry after a lost answer): same id, nothing sent twice.
      this.#reply(res, 200, { messageId: existing, status: 'accepted', duplicate: true });
      return;
    }
    const messageId = `sms-${randomUUID()}`;
    if (idempotencyKey) {
      this.#byKey.set(idempotencyKey, messageId);
    }
    this.messages.add({
      id: messageId,
      channel: 'sms',
      to: payload.to,
      from: typeof payload.sender === 'string' ? payload.sender : 'MOTCUA',
      subject: null,
      text: payload.text,
      idempotencyKey,
      receivedAt: new Date(),
    });
    this.#reply(res, 202, { messageId, status: 'accepted' });
    if (typeof payload.callbackUrl === 'string') {
      void this.#sendReceipt(payload.callbackUrl, messageId, payload.to);
    }
  }

  async #sendReceipt(url: string, messageId: string, to: string): Promise<void> {
    const body = JSON.stringify({ messageId, to, status: 'delivered', at: new Date().toISOString() });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signatureHeaders(this.options.secret, body) },
        body,
      });
      this.receiptsSent.push({ messageId, status: 'delivered', ok: response.ok });
    } catch {
      this.receiptsSent.push({ messageId, status: 'delivered', ok: false });
    }
  }

  /**
   * A phone sends `text` to the service number: the gateway posts it, signed, to MotCua's webhook and
   * sends the reply back to the phone (captured like any other SMS). Returns the reply text.
   */
  async receiveFromPhone(from: string, text: string): Promise<string> {
    if (!this.options.inboundUrl) {
      throw new Error('no inbound webhook configured');
    }
    const body = JSON.stringify({ from, text });
    const response = await fetch(this.options.inboundUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatureHeaders(this.options.secret, body) },
      body,
    });
    const { reply } = (await response.json()) as { reply?: string };
    if (response.ok && reply) {
      const message: CapturedMessage = {
        id: `sms-${randomUUID()}`,
        channel: 'sms',
        to: from,
        from: 'MOTCUA',
        subject: null,
        text: reply,
        idempotencyKey: null,
        receivedAt: new Date(),
      };
      this.messages.add(message);
    }
    return reply ?? '';
  }
}
