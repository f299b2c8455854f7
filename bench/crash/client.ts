// A minimal HTTP client for the crash harness: real sockets to the app process, each "client"
// bound to its own loopback address (127.0.x.y) so the per-address submission limit (60/min)
// applies per simulated user, as it would in the field. Any socket error is "not acknowledged".
import http from 'node:http';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  cookie?: string;
}

export class HttpClient {
  private readonly port: number;
  private readonly localAddress: string;

  constructor(port: number, localAddress: string) {
    this.port = port;
    this.localAddress = localAddress;
  }

  request(
    method: string,
    url: string,
    options: { cookie?: string; json?: unknown; raw?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const payload =
      options.raw ?? (options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json)));
    const headers: Record<string, string> = {
      origin: `http://localhost:${this.port}`,
      'x-requested-with': 'motcua',
      ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(payload ? { 'content-length': String(payload.length) } : {}),
      ...options.headers,
    };
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path: url,
          headers,
          localAddress: this.localAddress,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: Record<string, unknown> = {};
            try {
              body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              body = { text };
            }
            const setCookie = res.headers['set-cookie']?.find((c) => c.startsWith('motcua.sid='));
            resolve({ status: res.statusCode ?? 0, body, cookie: setCookie?.split(';')[0] });
          });
        },
      );
      req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(payload);
    });
  }
}
