// The crash harness's traffic: desk walk-ins and citizens' online submissions (each with an
// Idempotency-Key, retried with the same key after a crash), and desk actions on received
// dossiers (accept, refuse, request completion, with the version the officer saw). The ledger keeps
// only what the app ACKNOWLEDGED (a 2xx whose body was read in full): that is the client's truth
// the invariant checker compares the database with.
import { randomBytes } from 'node:crypto';
import { pdf } from '../../src/domain/files/test-files.ts';
import { type SubmissionProcedure, submissionFor } from '../../test/helpers/submission.ts';
import { type Answer, HttpClient } from './client.ts';

export interface AckedSubmission {
  key: string;
  id: string;
  code: string;
}
export interface AckedAction {
  dossierId: string;
  action: string;
  status: number;
  version: number;
}
interface Known {
  id: string;
  status: number;
  version: number;
}

export class Ledger {
  readonly submissions = new Map<string, AckedSubmission>();
  readonly actions: AckedAction[] = [];
  /** Keys sent without an answer (crash in flight): retried after the restart with the same key. */
  readonly unanswered = new Map<string, { kind: 'desk' | 'online'; body: unknown }>();
  readonly known = new Map<string, Known>();
  sent = 0;
  failedInFlight = 0;
}

const PASSWORD = 'Demo@2026';

export class Traffic {
  private desk = '';
  private citizen = '';
  private procedure: SubmissionProcedure | null = null;
  private stopped = false;
  private address = 0;

  private readonly port: number;
  private readonly ledger: Ledger;

  constructor(port: number, ledger: Ledger) {
    this.port = port;
    this.ledger = ledger;
  }

  /** A client on the next loopback address, so no simulated user hits the per-address limits. */
  private client(): HttpClient {
    this.address = (this.address + 1) % 60_000;
    return new HttpClient(this.port, `127.1.${Math.floor(this.address / 250)}.${(this.address % 250) + 2}`);
  }

  /** Sessions live in the database and survive a restart; log in again only when refused. */
  async prepare(): Promise<void> {
    const check = async (cookie: string) =>
      cookie !== '' && (await this.client().request('GET', '/api/v1/auth/me', { cookie })).status === 200;
    if (!(await check(this.desk))) {
      this.desk = await this.login('tiepnhan');
    }
    if (!(await check(this.citizen))) {
      this.citizen = await this.login('0912345678');
    }
    if (!this.procedure) {
      const answer = await this.client().request('GET', '/api/v1/procedures/AH-LLTP-01');
      this.procedure = answer.body as unknown as SubmissionProcedure;
    }
    this.stopped = false;
  }

  private async login(username: string): Promise<string> {
    const answer = await this.client().request('POST', '/api/v1/auth/login', {
      json: { username, password: PASSWORD },
    });
    if (answer.status !== 200 || !answer.cookie) {
      throw new Error(`login ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.cookie;
  }

  /** Runs `workers` loops until stop(); every socket error simply leaves a request unacknowledged. */
  run(workers: number): Promise<void> {
    return Promise.all(Array.from({ length: workers }, () => this.loop())).then(() => {});
  }

  /** After the last crash: retry every unanswered key (same body) until it gets an answer. */
  async drainUnanswered(): Promise<void> {
    for (let round = 0; round < 10 && this.ledger.unanswered.size > 0; round++) {
      for (const [key, { kind, body }] of [...this.ledger.unanswered]) {
        await this.submit(kind, key, body).catch(() => {});
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.step();
      } catch {
        this.ledger.failedInFlight += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  private async step(): Promise<void> {
    const retry = this.ledger.unanswered.entries().next().value;
    if (retry && Math.random() < 0.5) {
      const [key, { kind, body }] = retry;
      this.ledger.unanswered.delete(key);
      return this.submit(kind, key, body);
    }
    const roll = Math.random();
    if (roll < 0.3) {
      return this.submit('desk', `crash-${randomBytes(12).toString('hex')}`);
    }
    if (roll < 0.5) {
      return this.submit('online', `crash-${randomBytes(12).toString('hex')}`);
    }
    return this.act();
  }

  /** A retry sends the very same body with the same key (else the app rightly answers 422). */
  private async submit(kind: 'desk' | 'online', key: string, retryBody?: unknown): Promise<void> {
    const body = retryBody ?? (kind === 'desk' ? this.walkIn() : await this.online());
    this.ledger.unanswered.set(key, { kind, body });
    this.ledger.sent += 1;
    const cookie = kind === 'desk' ? this.desk : this.citizen;
    const answer = await this.client().request('POST', '/api/v1/dossiers', {
      cookie,
      json: body,
      headers: { 'idempotency-key': key },
    });
    if (answer.status === 201) {
      this.ledger.unanswered.delete(key);
      const id = String(answer.body.id);
      this.ledger.submissions.set(key, { key, id, code: String(answer.body.code) });
      this.remember(answer);
    } else if (answer.status !== 409 && answer.status < 500) {
      // A definite refusal (not "in flight", not a server failure): nothing to retry.
      this.ledger.unanswered.delete(key);
    }
  }

  private remember(answer: Answer): void {
    const id = String(answer.body.id);
    this.ledger.known.set(id, {
      id,
      status: Number(answer.body.status),
      version: Number(answer.body.version),
    });
  }

  private async act(): Promise<void> {
    const candidates = [...this.ledger.known.values()].filter((d) => d.status === 1);
    const target = candidates[Math.floor(Math.random() * candidates.length)];
    if (!target) {
      return this.submit('online', `crash-${randomBytes(12).toString('hex')}`);
    }
    const roll = Math.random();
    const body =
      roll < 0.7
        ? { action: 'accept' }
        : roll < 0.85
          ? { action: 'refuse', reasons: ['Hồ sơ không thuộc thẩm quyền (thử nghiệm sự cố).'] }
          : { action: 'request_completion', items: [{ name: 'Bản sao giấy khai sinh (thử nghiệm sự cố)' }] };
    this.ledger.sent += 1;
    const answer = await this.client().request('POST', `/api/v1/dossiers/${target.id}/actions`, {
      cookie: this.desk,
      json: { ...body, expectedVersion: target.version },
    });
    if (answer.status === 200) {
      const dossier = (answer.body.dossier ?? answer.body) as Record<string, unknown>;
      this.ledger.actions.push({
        dossierId: target.id,
        action: body.action,
        status: Number(dossier.status),
        version: Number(dossier.version),
      });
      this.ledger.known.set(target.id, {
        id: target.id,
        status: Number(dossier.status),
        version: Number(dossier.version),
      });
    } else if (answer.status === 409) {
      // Another worker won this version: learn the fresh state, as an officer's screen would.
      const fresh = await this.client().request('GET', `/api/v1/dossiers/${target.id}`, {
        cookie: this.desk,
      });
      if (fresh.status === 200) {
        this.remember(fresh);
      }
    }
  }

  private walkIn() {
    return {
      procedureId: this.procedure?.id,
      channel: 'desk',
      applicant: {
        fullName: 'Trần Thị Sự Cố',
        idNumber: '001090012345',
        phone: '0912345678',
        address: 'Số 5 Lê Lợi, An Hòa',
      },
      delivery: { method: 'desk' },
    };
  }

  private async online() {
    if (!this.procedure) {
      throw new Error('prepare() first');
    }
    return submissionFor(this.procedure, () => this.upload());
  }

  private async upload(): Promise<string> {
    const boundary = `----crash${randomBytes(8).toString('hex')}`;
    const raw = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="giay-to.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      pdf(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = await this.client().request('POST', '/api/v1/files', {
      cookie: this.citizen,
      raw,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    if (answer.status !== 201) {
      throw new Error(`upload failed: ${answer.status}`);
    }
    return String(answer.body.id);
  }
}
