// A background job: a typed, validated payload, a retry policy and a handler. Handlers must be
// idempotent: delivery is at least once (the job survives a crash between work and completion).
import type { Static, TSchema } from '@sinclair/typebox';
import type { Logger } from 'pino';

export interface RetryPolicy {
  /** Attempts after the first before the job goes to the dead-letter queue. */
  limit: number;
  /** First delay in seconds; doubles each attempt (with jitter) up to maxDelaySeconds. */
  delaySeconds: number;
  maxDelaySeconds: number;
}

export interface JobContext {
  jobId: string;
  attempt: number;
  log: Logger;
}

export interface JobDefinition<S extends TSchema = TSchema> {
  name: string;
  payload: S;
  retry?: RetryPolicy;
  /** Seconds a running attempt may take before it counts as failed. */
  timeoutSeconds?: number;
  /** Throughput of this queue's workers: jobs fetched per poll (fetching continues while batches
   * come back full) and workers per process. Default one job, one worker. */
  worker?: { batchSize?: number; concurrency?: number };
  /** Cron expression (UTC) to enqueue the job on a schedule, with an empty payload. */
  cron?: string;
  // Method syntax on purpose: lets a JobDefinition<TObject> sit in a JobDefinition[] list.
  handler(data: Static<S>, context: JobContext): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 5, maxDelaySeconds: 3600 };

export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export function deadLetterQueueName(name: string): string {
  return `${name}.dead`;
}
