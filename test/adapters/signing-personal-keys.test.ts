// Officers' personal keys (NĐ 30/2020: the competent person signs before the agency): the manifest
// is data (username → PKCS#12 + passphrase file + title), re-read on each lookup; the demo issues a
// key from its CA with the person's Vietnamese name in the certificate and never re-issues one.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChain, loadRoots } from '../../src/adapters/signing/chain.ts';
import { ensureLocalPki, generateLocalPki } from '../../src/adapters/signing/local-pki.ts';
import { ensureDemoPersonalKeys, manifestPersonalSigners } from '../../src/adapters/signing/personal-keys.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-personal-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('[goal 27] personal signing keys', () => {
  it('a manifest entry gives the signer and its title; unknown users get null; changes count at once', async () => {
    const dir = tempDir();
    const pki = generateLocalPki();
    fs.mkdirSync(path.join(dir, 'keys'));
    fs.writeFileSync(path.join(dir, 'keys', 'leader.p12'), pki.leaderSignerP12);
    fs.writeFileSync(path.join(dir, 'keys', 'pw'), `${pki.password}\n`);
    const manifest = path.join(dir, 'personal-keys.json');
    const write = (entries: unknown) => fs.writeFileSync(manifest, JSON.stringify(entries));
    write({ 'lanhdao.stp': { p12: 'keys/leader.p12', passwordFile: 'keys/pw', title: 'KT. GIÁM ĐỐC' } });
    const signers = manifestPersonalSigners(manifest);
    const found = await signers.signerFor('lanhdao.stp');
    expect(found?.title).toBe('KT. GIÁM ĐỐC');
    const [leaf] = (await found?.signer.certificateChain()) ?? [];
    expect(new X509Certificate(leaf as Buffer).subject).toContain('CN=Nguyen Van Lanh Dao (DEMO)');
    expect(await signers.signerFor('chuyenvien.stp')).toBeNull();
    // Withdrawn by the operator: the next lookup has no key, no restart needed.
    write({});
    expect(await signers.signerFor('lanhdao.stp')).toBeNull();
    // A wrong passphrase is an error, not a silent "no key".
    fs.writeFileSync(path.join(dir, 'keys', 'pw'), 'wrong');
    write({ 'lanhdao.stp': { p12: 'keys/leader.p12', passwordFile: 'keys/pw' } });
    await expect(signers.signerFor('lanhdao.stp')).rejects.toMatchObject({ code: 'P12_UNREADABLE' });
    write({ '../x': { p12: 'a', passwordFile: 'b' } });
    await expect(signers.signerFor('../x')).rejects.toThrow(/bad entry/);
    // No manifest file: nobody has a key.
    expect(await manifestPersonalSigners(path.join(dir, 'none.json')).signerFor('lanhdao.stp')).toBeNull();
  });

  it('the demo issues a leader key from its own CA (UTF-8 name, title), encrypted, once', async () => {
    const dataDir = tempDir();
    const demo = ensureLocalPki(dataDir);
    const dir = path.dirname(demo.p12File);
    const person = {
      username: 'lanhdao.stp',
      fullName: 'Đỗ Văn Hùng (demo)',
      title: 'Giám đốc',
      organisation: 'So Tu phap',
    };
    const manifest = ensureDemoPersonalKeys(dir, demo.authority, [person]);
    const p12File = path.join(dir, 'personal', 'lanhdao.stp.p12');
    const first = fs.readFileSync(p12File);
    expect(fs.statSync(p12File).mode & 0o077).toBe(0);
    expect(fs.statSync(path.join(dir, 'personal', 'lanhdao.stp.password')).mode & 0o077).toBe(0);
    // The private key is not in the clear in the file (PKCS#12 shrouded key bag).
    expect(first.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    const found = await manifestPersonalSigners(manifest).signerFor('lanhdao.stp');
    expect(found?.title).toBe('GIÁM ĐỐC');
    const chain = (await found?.signer.certificateChain()) ?? [];
    const leaf = new X509Certificate(chain[0] as Buffer);
    expect(leaf.subject).toContain('CN=Đỗ Văn Hùng (demo)');
    expect(leaf.subject).toContain('title=Giám đốc');
    const roots = loadRoots({ trustedRoots: [fs.readFileSync(demo.trustFile, 'utf8')] });
    const built = buildChain(
      leaf,
      chain.map((der) => new X509Certificate(der)),
      roots,
    );
    expect(built.trusted).toBe(true);
    expect(built.chain.map((l) => l.cert.subject.split('CN=')[1])).toContain('MotCua Demo Agency CA');
    // A second start keeps the same key.
    ensureDemoPersonalKeys(dir, demo.authority, [person]);
    expect(fs.readFileSync(p12File).equals(first)).toBe(true);
  });
});
