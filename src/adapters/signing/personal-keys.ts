// NĐ 30/2020 Phụ lục I: an administrative document carries the competent person's own signature
// before the agency's. Officers' personal keys are found by username behind `PersonalSigners`: here
// PKCS#12 files listed in a manifest (MOTCUA_SIGNING_PERSONAL_KEYS, like MOTCUA_SIGNING_P12 for the
// agency), each encrypted by its own passphrase kept in a separate file (a secret mount in
// production); a USB token or remote signing service implements the same interface.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { DemoAuthority } from './local-pki.ts';
import { issueCertificate, toP12 } from './local-pki.ts';
import { createP12Signer } from './p12-signer.ts';
import type { Signer } from './signer.ts';

export interface PersonalSigner {
  signer: Signer;
  /** Shown above the name in the signature block ("GIÁM ĐỐC", "KT. GIÁM ĐỐC"), when known. */
  title: string | null;
}

export interface PersonalSigners {
  /** The officer's own key, or null when none has been issued to them. */
  signerFor(username: string): Promise<PersonalSigner | null>;
}

/** One entry of the manifest; relative paths are resolved against the manifest's directory. */
interface ManifestEntry {
  p12: string;
  passwordFile: string;
  title?: string;
}

const USERNAME = /^[A-Za-z0-9._@-]{1,100}$/;

function readManifest(file: string): Record<string, ManifestEntry> {
  if (!fs.existsSync(file)) {
    return {};
  }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManifestEntry>;
  for (const [username, entry] of Object.entries(parsed)) {
    if (
      !USERNAME.test(username) ||
      typeof entry?.p12 !== 'string' ||
      typeof entry.passwordFile !== 'string'
    ) {
      throw new Error(`personal key manifest ${file}: bad entry for "${username}"`);
    }
  }
  return parsed;
}

/** The X.509 title attribute (2.5.4.12) of the signer certificate, if it has one. */
function certificateTitle(der: Buffer | undefined): string | null {
  if (!der) {
    return null;
  }
  return /(?:^|\n)title=([^\n]*)/i.exec(new X509Certificate(der).subject)?.[1] ?? null;
}

/**
 * Keys listed in `manifestFile`. The manifest is read on each lookup (approvals are rare) so a key
 * issued or withdrawn by the administrator counts from the next approval without a restart.
 */
export function manifestPersonalSigners(manifestFile: string): PersonalSigners {
  const base = path.dirname(manifestFile);
  const cache = new Map<string, { stamp: string; value: PersonalSigner }>();
  return {
    async signerFor(username) {
      const entry = readManifest(manifestFile)[username];
      if (!entry) {
        return null;
      }
      const p12File = path.resolve(base, entry.p12);
      const passwordFile = path.resolve(base, entry.passwordFile);
      const stamp = `${p12File}:${fs.statSync(p12File).mtimeMs}:${entry.title ?? ''}`;
      const cached = cache.get(username);
      if (cached?.stamp === stamp) {
        return cached.value;
      }
      const signer = createP12Signer(fs.readFileSync(p12File), fs.readFileSync(passwordFile, 'utf8').trim());
      const [leaf] = await signer.certificateChain();
      const value = { signer, title: entry.title ?? certificateTitle(leaf) };
      cache.set(username, { stamp, value });
      return value;
    },
  };
}

export const noPersonalSigners: PersonalSigners = { signerFor: async () => null };

export interface DemoPerson {
  username: string;
  fullName: string;
  title: string;
  organisation: string;
}

/**
 * Demo only: issues each person a key from the demo CA's intermediate (the agency's CA) when they
 * have none, into `<dir>/personal/`, and lists it in `<dir>/personal-keys.json`.
 */
export function ensureDemoPersonalKeys(dir: string, authority: DemoAuthority, people: DemoPerson[]): string {
  const manifestFile = path.join(dir, 'personal-keys.json');
  const manifest = readManifest(manifestFile);
  const keyDir = path.join(dir, 'personal');
  let changed = false;
  for (const person of people) {
    if (manifest[person.username] || !USERNAME.test(person.username)) {
      continue;
    }
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const intermediate = {
      cert: forge.pki.certificateFromPem(authority.intermediateCertPem),
      key: forge.pki.privateKeyFromPem(authority.intermediateKeyPem) as forge.pki.rsa.PrivateKey,
      certPem: authority.intermediateCertPem,
      keyPem: authority.intermediateKeyPem,
    };
    const now = Date.now();
    const issued = issueCertificate({
      commonName: person.fullName,
      title: person.title,
      organisation: person.organisation,
      issuer: intermediate,
      ca: false,
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 2 * 365 * 86_400_000),
    });
    const password = forge.util.encode64(forge.random.getBytesSync(12));
    const root = { cert: forge.pki.certificateFromPem(authority.rootCertPem) };
    const p12 = toP12(issued, [intermediate, root], password);
    fs.writeFileSync(path.join(keyDir, `${person.username}.p12`), p12, { mode: 0o600 });
    fs.writeFileSync(path.join(keyDir, `${person.username}.password`), password, { mode: 0o600 });
    manifest[person.username] = {
      p12: `personal/${person.username}.p12`,
      passwordFile: `personal/${person.username}.password`,
      title: person.title.toLocaleUpperCase('vi'),
    };
    changed = true;
  }
  if (changed || !fs.existsSync(manifestFile)) {
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2), { mode: 0o600 });
  }
  return manifestFile;
}
