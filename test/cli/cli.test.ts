// `npx motcua …` as an operator runs it: a real process on a fresh embedded data directory.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/motcua.js');
let dataDir: string;

async function motcua(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, MOTCUA_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('motcua CLI', () => {
  it('migrate, create-admin, audit verify and doctor on a fresh data directory', async () => {
    const migrate = await motcua('migrate');
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('0001_foundation');
    expect(migrate.stdout).toContain('default working calendar: đã tạo / created');

    const admin = await motcua('create-admin', '--username', 'admin.tinh', '--full-name', 'Nguyễn Văn Quản');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/temporary password: \S{12,}/);
    expect((await motcua('create-admin', '--username', 'admin.tinh', '--full-name', 'X')).code).toBe(1);

    const verify = await motcua('audit', 'verify');
    expect(verify.code).toBe(0);
    // The default calendar (created + three yearly proposals) and the administrator.
    expect(verify.stdout).toContain('audit chain intact: 5');

    const doctor = await motcua('doctor');
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain('PGlite');
    expect(doctor.stdout).toMatch(/pending: 0/);
  }, 120_000);

  it('[goal 23] keys status, rotate and retire on the key file', async () => {
    const status = await motcua('keys', 'status');
    expect(status.code, status.stderr).toBe(0);
    const first = /current master key: (\S+)/.exec(status.stdout)?.[1] as string;
    expect(first).toMatch(/^mk-/);
    expect(fs.statSync(path.join(dataDir, 'keyring.json')).mode & 0o777).toBe(0o600);
    const rotate = await motcua('keys', 'rotate');
    expect(rotate.code, rotate.stderr).toBe(0);
    expect(rotate.stdout).toContain('new master key added');
    const second = /new master key added: (\S+)/.exec(rotate.stdout)?.[1] as string;
    expect(second).not.toBe(first);
    const rewrap = await motcua('keys', 'rewrap');
    expect(rewrap.code, rewrap.stderr).toBe(0);
    expect(rewrap.stdout).toContain('re-wrapped 0');
    expect(rewrap.stdout).not.toContain('new master key added');
    expect((await motcua('keys', 'retire', '--key-id', second)).code).toBe(2);
    const retire = await motcua('keys', 'retire', '--key-id', first);
    expect(retire.code, retire.stdout).toBe(0);
    expect((await motcua('keys', 'status')).stdout).toContain(`master keys held: ${second}\n`);
  }, 120_000);

  it('refuses unknown commands and missing options with exit code 2', async () => {
    expect((await motcua('bogus')).code).toBe(2);
    expect((await motcua('create-admin', '--username', 'x')).code).toBe(2);
    expect((await motcua('create-admin', '--nonsense')).code).toBe(2);
  }, 60_000);
});
