// The job queue: pg-boss on the same PostgreSQL (or PGlite) as the data, so a job is enqueued in the
// same transaction as the state change that causes it (transactional outbox): a rolled-back
// transaction sends nothing. Failed jobs retry with exponential backoff, then land in a dead-letter
// queue `<name>.dead` that administrators can inspect and requeue.
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { fromKysely, fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { DEFAULT_RETRY, deadLetterQueueName, type JobDefinition } from './job-definition.ts';

/** Anything Kysely can run a query on: the database or an open transaction. */
type Executor = Pick<Db, 'executeQuery'>;

export interface JobQueueOptions {
  handle: DatabaseHandle;
  logger: Logger;
  definitions: JobDefinition[];
  /** Start workers in this process; sending works either way. */
  work: boolean;
  pollingIntervalSeconds?: number;
}

export class UnknownJobError extends Error {}

export class JobQueue {
  readonly #boss: PgBoss;
  readonly #definitions: Map<string, JobDefinition>;
  readonly #logger: Logger;
  #running = false;
  #working = false;

  private constructor(boss: PgBoss, definitions: JobDefinition[], logger: Logger) {
    this.#boss = boss;
    this.#definitions = new Map(definitions.map((d) => [d.name, d]));
    this.#logger = logger;
  }

  static async start(options: JobQueueOptions): Promise<JobQueue> {
    const { handle } = options;
    const boss =
      handle.kind === 'pglite' && handle.pglite
        ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', schedule: true, supervise: true })
        : new PgBoss({ connectionString: handle.url, max: 4, schedule: true, supervise: true });
    const queue = new JobQueue(boss, options.definitions, options.logger);
    boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    queue.#running = true;
    for (const definition of options.definitions) {
      await queue.#createQueue(definition);
    }
    if (options.work) {
      for (const definition of options.definitions) {
        await queue.#work(definition, options.pollingIntervalSeconds ?? 2);
      }
      queue.#working = true;
    }
    return queue;
  }

  async #createQueue(definition: JobDefinition): Promise<void> {
    const retry = definition.retry ?? DEFAULT_RETRY;
    const dead = deadLetterQueueName(definition.name);
    await this.#boss.createQueue(dead, {
      retentionSeconds: 30 * 24 * 3600,
      deleteAfterSeconds: 30 * 24 * 3600,
    });
    await this.#boss.createQueue(definition.name, {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: true,
      retryDelayMax: retry.maxDelaySeconds,
      expireInSeconds: definition.timeoutSeconds ?? 900,
      deadLetter: dead,
    });
    if (definition.cron) {
      await this.#boss.schedule(definition.name, definition.cron, {});
    }
  }

  async #work(definition: JobDefinition, pollingIntervalSeconds: number): Promise<void> {
    const batchSize = definition.worker?.batchSize ?? 1;
    const options = {
      pollingIntervalSeconds,
      batchSize,
      localConcurrency: definition.worker?.concurrency ?? 1,
      burstWhenBatchFull: batchSize > 1,
    };
    await this.#boss.work(definition.name, options, async (jobs) => {
      for (const job of jobs) {
        const log = this.#logger.child({ job: definition.name, jobId: job.id });
        if (!Value.Check(definition.payload, job.data)) {
          // A malformed payload can never succeed: fail it for good instead of retrying.
          log.error('job payload does not match its schema');
          throw new Error('invalid job payload');
        }
        const attempt = (job as { retryCount?: number }).retryCount ?? 0;
        await definition.handler(job.data, { jobId: job.id, attempt: attempt + 1, log });
      }
    });
  }

  /**
   * Enqueue a job through `executor`: pass the transaction of the state change so the job exists
   * only if that transaction commits.
   */
  async send<S extends TSchema>(
    executor: Executor,
    definition: JobDefinition<S>,
    data: Static<S>,
    options: { startAfterSeconds?: number; singletonKey?: string } = {},
  ): Promise<string | null> {
    if (this.#definitions.get(definition.name) !== (definition as unknown as JobDefinition)) {
      throw new UnknownJobError(`Job ${definition.name} is not registered with this queue`);
    }
    if (!Value.Check(definition.payload, data)) {
      throw new TypeError(`Payload for ${definition.name} does not match its schema`);
    }
    return this.#boss.send(definition.name, data as object, {
      db: fromKysely(executor),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  }

  /** Jobs that exhausted their retries, newest first (for the administrators' view). */
  async deadLetters(
    name: string,
    limit = 50,
  ): Promise<Array<{ id: string; data: unknown; createdOn: Date }>> {
    const jobs = await this.#boss.findJobs(deadLetterQueueName(name), {});
    return jobs
      .slice(-limit)
      .reverse()
      .map((job) => ({ id: job.id, data: job.data, createdOn: job.createdOn }));
  }

  async stats(name: string): Promise<{ queued: number; active: number; deferred: number; total: number }> {
    const queue = await this.#boss.getQueue(name);
    return {
      queued: queue?.queuedCount ?? 0,
      active: queue?.activeCount ?? 0,
      deferred: queue?.deferredCount ?? 0,
      total: queue?.totalCount ?? 0,
    };
  }

  get running(): boolean {
    return this.#running;
  }

  get working(): boolean {
    return this.#working;
  }

  async stop(): Promise<void> {
    if (!this.#running) {
      return;
    }
    this.#running = false;
    this.#working = false;
    await this.#boss.stop({ graceful: true, timeout: 10_000, close: true });
  }
}
