// The real app (src/main.ts) as a child process, for benches that must not share its event loop:
// the crash harness kills it; the flood bench keeps its own clients out of the server's process.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AppProcessOptions {
  port: number;
  /** Added to this process's environment (PORT and HOST are set here). */
  env: Record<string, string>;
  /** Where stdout and stderr go; discarded when not given. */
  logFile?: string;
  /** Extra `--import` modules loaded before the app (e.g. the crash harness's shifted clock). */
  preload?: string[];
  /** CPUs the app may run on (taskset list, e.g. "0"); any when not given. */
  cpus?: string;
}

export function spawnApp(options: AppProcessOptions): ChildProcess {
  const out = options.logFile ? fs.openSync(options.logFile, 'a') : 'ignore';
  const preload = (options.preload ?? []).flatMap((file) => ['--import', file]);
  const command = [process.execPath, '--import', 'tsx', ...preload, 'src/main.ts'];
  // taskset execs the command: the child's pid is the app's.
  const [file, ...args] = options.cpus ? ['taskset', '-c', options.cpus, ...command] : command;
  return spawn(file as string, args, {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', ...options.env },
  });
}

export async function waitReady(port: number, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the app exited during startup (code ${child.exitCode})`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the app did not become ready within ${timeoutMs / 1000} s`);
}

export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
