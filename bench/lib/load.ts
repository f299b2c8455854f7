// Runs autocannon in its own process (in-process load generation would share the server's event
// loop and halve both) and returns its figures.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Measured } from './report.ts';

const run = promisify(execFile);
const AUTOCANNON = path.resolve(import.meta.dirname, '../../node_modules/autocannon/autocannon.js');

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
}

export async function loadTest(
  name: string,
  url: string,
  options: {
    connections?: number;
    seconds?: number;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Measured> {
  const args = [
    AUTOCANNON,
    '-j',
    '-c',
    String(options.connections ?? 50),
    '-d',
    String(options.seconds ?? 5),
  ];
  if (options.method) {
    args.push('-m', options.method);
  }
  if (options.body) {
    args.push('-b', options.body);
  }
  for (const [key, value] of Object.entries(options.headers ?? {})) {
    args.push('-H', `${key}=${value}`);
  }
  await run(process.execPath, [...args.slice(0, 1), '-j', '-c', '10', '-d', '1', url]);
  const { stdout } = await run(process.execPath, [...args, url], { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as AutocannonJson;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return {
    name,
    rate: result.requests.average,
    p50Ms: result.latency.p50,
    p95Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    note: `${result.requests.total} requests, 0 errors (p95 column: autocannon's p97.5)`,
  };
}
