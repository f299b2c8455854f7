// A faithful local mail server for tests and the demo: a real SMTP server (smtp-server) on a random
// loopback port that parses what it receives (mailparser) and keeps it as the "simulated mailbox" the
// back office shows. It can be stopped and restarted on the same port, or told to answer 451 for a
// while, to rehearse a provider outage (security goals 31, 32).
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type CapturedMessage, CapturedMessages } from '../delivery.ts';

export class LocalSmtpServer {
  readonly messages = new CapturedMessages();
  #server: SMTPServer | undefined;
  #port = 0;
  #tempFailures = 0;
  #sequence = 0;

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  get running(): boolean {
    return this.#server !== undefined;
  }

  /** Listens on a random port the first time, and on the same port after a stop(). */
  async start(): Promise<void> {
    if (this.#server) {
      return;
    }
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      banner: 'MotCua local SMTP (simulated mailbox)',
      size: 10 * 1024 * 1024,
      logger: false,
      disableReverseLookup: true,
      onData: (stream, session, callback) => {
        if (this.#tempFailures > 0) {
          this.#tempFailures--;
          stream.resume();
          stream.on('end', () =>
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 })),
          );
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
            const captured: CapturedMessage = {
              id: `smtp-${++this.#sequence}`,
              channel: 'email',
              to,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: mail.subject ?? null,
              text: mail.text ?? '',
              idempotencyKey: mail.messageId ?? null,
              receivedAt: new Date(),
            };
            this.messages.add(captured);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => {});
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Closes the port: senders get "connection refused" until start() is called again. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** The next `count` messages are answered 451 (temporary failure). */
  failNext(count: number): void {
    this.#tempFailures = count;
  }
}
