// A faithful local chat API (ZNS-style) for tests and the demo: real HTTP on a random loopback port,
// access-token check, tracking_id idempotency, Zalo-like error codes; what it "sends" is kept in memory
// for the back office's simulated outbox. The message text shown there is the `content` parameter.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CapturedMessages } from '../delivery.ts';

export class LocalChatServer {
  readonly messages = new CapturedMessages();
  #server: http.Server | undefined;
  #port = 0;
  #down = false;
  readonly #byTracking = new Map<string, string>();

  readonly accessToken: string;

  constructor(accessToken: string) {
    this.accessToken = accessToken;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  setDown(down: boolean): void {
    this.#down = down;
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

  #handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const answer = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || req.url !== '/message/template') {
      answer(404, { error: -1, message: 'Not found' });
      return;
    }
    if (this.#down) {
      answer(503, { error: -32, message: 'Service unavailable' });
      return;
    }
    if (req.headers.access_token !== this.accessToken) {
      answer(200, { error: -124, message: 'Access token is invalid' });
      return;
    }
    let payload: { phone?: unknown; template_id?: unknown; template_data?: unknown; tracking_id?: unknown };
    try {
      payload = JSON.parse(body);
    } catch {
      answer(200, { error: -100, message: 'Invalid JSON' });
      return;
    }
    if (typeof payload.phone !== 'string' || !/^84[35789]\d{8}$/.test(payload.phone)) {
      answer(200, { error: -108, message: 'Phone number is invalid' });
      return;
    }
    if (
      typeof payload.template_id !== 'string' ||
      typeof payload.template_data !== 'object' ||
      !payload.template_data
    ) {
      answer(200, { error: -118, message: 'Template data is invalid' });
      return;
    }
    const tracking = typeof payload.tracking_id === 'string' ? payload.tracking_id : null;
    const known = tracking ? this.#byTracking.get(tracking) : undefined;
    if (known) {
      answer(200, { error: 0, message: 'Success', data: { msg_id: known, sent_time: String(Date.now()) } });
      return;
    }
    const msgId = `zns-${randomUUID()}`;
    if (tracking) {
      this.#byTracking.set(tracking, msgId);
    }
    const data = payload.template_data as Record<string, unknown>;
    this.messages.add({
      id: msgId,
      channel: 'chat',
      to: payload.phone,
      from: 'OA MotCua (demo)',
      subject: payload.template_id,
      text: typeof data.content === 'string' ? data.content : JSON.stringify(data),
      idempotencyKey: tracking,
      receivedAt: new Date(),
    });
    answer(200, { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: String(Date.now()) } });
  }
}
