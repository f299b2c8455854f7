// The job queue: enqueue inside the state change's transaction (outbox); a rolled-back transaction
// sends nothing; failures retry with backoff and end in the dead-letter queue.
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { defineJob } from '../../src/platform/jobs/job-definition.ts';
import { JobQueue, UnknownJobError } from '../../src/platform/jobs/job-queue.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

const handled: string[] = [];
let failures = 0;

const recordJob = defineJob({
  name: 'test.record',
  payload: Type.Object({ label: Type.String() }),
  handler: async (data) => {
    handled.push(data.label);
  },
});

const alwaysFails = defineJob({
  name: 'test.always-fails',
  payload: Type.Object({ n: Type.Number() }),
  retry: { limit: 2, delaySeconds: 1, maxDelaySeconds: 2 },
  handler: async () => {
    failures++;
    throw new Error('gateway down');
  },
});

let database: DatabaseHandle;
let queue: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  queue = await JobQueue.start({
    handle: database,
    logger: createLogger({ logLevel: 'silent' }),
    definitions: [recordJob, alwaysFails],
    work: true,
    pollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  await queue?.stop();
  await database?.close();
});

describe('job queue (outbox)', () => {
  it('a job sent inside a committed transaction runs', async () => {
    await database.db.transaction().execute(async (trx) => {
      await queue.send(trx, recordJob, { label: 'committed' });
    });
    await waitFor(() => handled.includes('committed'));
    expect(handled).toContain('committed');
  });

  it('a job sent inside a rolled-back transaction never exists', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await queue.send(trx, recordJob, { label: 'rolled-back' });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await database.db.transaction().execute(async (trx) => {
      await queue.send(trx, recordJob, { label: 'marker-after' });
    });
    await waitFor(() => handled.includes('marker-after'));
    expect(handled).not.toContain('rolled-back');
    expect((await queue.stats('test.record')).total).toBe(0);
  });

  it('refuses unregistered jobs and payloads that break the schema', async () => {
    const stray = defineJob({ name: 'test.stray', payload: Type.Object({}), handler: async () => {} });
    await expect(queue.send(database.db, stray, {})).rejects.toBeInstanceOf(UnknownJobError);
    await expect(queue.send(database.db, recordJob, { label: 42 } as never)).rejects.toThrow(TypeError);
  });

  it('a failing job is retried with backoff, then dead-lettered', async () => {
    await queue.send(database.db, alwaysFails, { n: 1 });
    await waitFor(async () => (await queue.deadLetters('test.always-fails')).length === 1, 40_000);
    expect(failures).toBe(3); // the first attempt and two retries
    const [dead] = await queue.deadLetters('test.always-fails');
    expect(dead?.data).toEqual({ n: 1 });
  }, 60_000);
});
