// A throwaway PostgreSQL cluster for the crash harness (security goal 29): initdb in a temporary
// directory, its own loopback port, fsync on (the default; crash recovery is what we test), and a
// postmaster that can be SIGKILLed and started again, which makes PostgreSQL replay its WAL.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const INITDB = process.env.CRASH_INITDB ?? '/usr/local/bin/initdb';
const PG_CTL = process.env.CRASH_PG_CTL ?? '/usr/local/bin/pg_ctl';

/** initdb refuses to run as root: run the PostgreSQL tools as the `postgres` user then. */
function asClusterOwner(command: string, args: string[]): string[] {
  if (process.getuid?.() !== 0) {
    return [command, ...args];
  }
  return ['runuser', '-u', 'postgres', '--', command, ...args];
}

function run(command: string, args: string[]): string {
  const [file, ...rest] = asClusterOwner(command, args);
  return execFileSync(file as string, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ThrowawayCluster {
  url: (database: string) => string;
  /** SIGKILL the postmaster (no shutdown checkpoint), as a crash of the database server would. */
  killPostmaster: () => void;
  start: () => void;
  destroy: () => void;
}

export function initdbAvailable(): boolean {
  return fs.existsSync(INITDB) && fs.existsSync(PG_CTL);
}

export function createCluster(port: number): ThrowawayCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-pg-'));
  if (process.getuid?.() === 0) {
    execFileSync('chown', ['postgres', dir]);
  }
  const dataDir = path.join(dir, 'data');
  run(INITDB, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=60`;
  const pidFile = path.join(dataDir, 'postmaster.pid');

  const start = () => {
    // After a SIGKILL the old backends notice the postmaster's death and exit within moments;
    // until they have, a new postmaster refuses to start on the same data directory.
    for (let attempt = 0; ; attempt++) {
      const [file, ...rest] = asClusterOwner(PG_CTL, [
        '-D',
        dataDir,
        '-o',
        options,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        'start',
      ]);
      const result = spawnSync(file as string, rest, { encoding: 'utf8' });
      if (result.status === 0) {
        return;
      }
      if (attempt >= 40) {
        throw new Error(`pg_ctl start failed: ${result.stderr}\n${tail(path.join(dir, 'server.log'))}`);
      }
      spawnSync('sleep', ['0.25']);
    }
  };

  start();
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    killPostmaster: () => {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
    },
    start,
    destroy: () => {
      const [file, ...rest] = asClusterOwner(PG_CTL, ['-D', dataDir, '-m', 'immediate', 'stop']);
      spawnSync(file as string, rest);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
