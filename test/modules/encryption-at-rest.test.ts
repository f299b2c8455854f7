// Security goal 23 (TCVN 14423 5.4.2.4 [P]; NĐ 356/2025 Đ4.2; ASVS 11.2.2, 11.3.2): ID numbers and
// ID-card files are encrypted at rest. Sentinel CCCDs and a sentinel file go in through the real API
// (profile, online dossier with e-form, desk dossier with applicant and owner, draft, upload); then
// every column of every table, the raw database dump (PGlite data directory / pg_dump) and the blob
// directories are searched for them in plaintext, hex and base64: 0 hits. The master key is then
// rotated and the old one retired, and every field and file is read back through the API: 100 %.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateMasterKey } from '../../src/cli/commands/keys.ts';
import { pdf } from '../../src/domain/files/test-files.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { dataProtection } from '../../src/platform/crypto/data-protection.ts';
import { loadKeyring, removeMasterKeyFromFile } from '../../src/platform/crypto/keyring.ts';
import { getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { pdfText } from '../helpers/poppler.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

// Valid CCCDs (province 079, century digit and year agree) that appear nowhere else.
const CCCD = {
  profile: '079205731946',
  form: '079203918274',
  deskApplicant: '079094731955',
  deskOwner: '079187654329',
  draft: '079301112233',
};
const FILE_SENTINEL = 'MOTCUA-SENTINEL-ANH-CCCD-5f2b9e';
const SENTINELS = [...Object.values(CCCD), FILE_SENTINEL];

/** The sentinel as plaintext, hex and base64 (all three alignments), as they could appear in a dump. */
function encodedForms(value: string): string[] {
  const forms = [value, Buffer.from(value).toString('hex')];
  for (const pad of ['', 'x', 'xy']) {
    const b64 = Buffer.from(pad + value).toString('base64');
    forms.push(b64.slice(pad ? 4 : 0, -4));
  }
  return forms;
}

function countHits(haystack: string | Buffer): number {
  const text = Buffer.isBuffer(haystack) ? haystack.toString('latin1') : haystack;
  const lower = text.toLowerCase();
  let hits = 0;
  for (const sentinel of SENTINELS) {
    for (const form of encodedForms(sentinel)) {
      // Hex may be printed in either case; base64 and the plaintext are compared exactly.
      hits += (/^[0-9a-f]+$/.test(form) ? lower : text).split(form).length - 1;
    }
  }
  return hits;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

let system: TestSystem;
let keyDir: string;
let env: Record<string, string>;
let citizen: string;
let desk: string;
const ids = { online: '', desk: '', draft: '', file: '', citizenId: '' };
const fileContent = pdf(`/SentinelNote (${FILE_SENTINEL})`);

/** Every column of every table, each row as text (bytea as hex, jsonb as JSON). */
async function scanAllTables(): Promise<{ tables: number; rows: number; hits: number }> {
  const db = system.database.db;
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`.execute(db);
  let rows = 0;
  let hits = 0;
  for (const table of tables) {
    const result = await sql<{
      row: string;
    }>`select t::text as row from ${sql.table(`${table.schema}.${table.name}`)} t`.execute(db);
    rows += result.rows.length;
    for (const row of result.rows) {
      hits += countHits(row.row);
    }
  }
  return { tables: tables.length, rows, hits };
}

async function rawDatabaseDump(): Promise<Buffer> {
  const handle = system.database;
  if (handle.pglite) {
    await handle.pglite.query('CHECKPOINT');
    const tar = await handle.pglite.dumpDataDir('none');
    return Buffer.from(await tar.arrayBuffer());
  }
  return execFileSync('pg_dump', ['--no-owner', handle.url as string], { maxBuffer: 1024 * 1024 * 1024 });
}

beforeAll(async () => {
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-goal23-'));
  env = { MOTCUA_KEYRING_FILE: path.join(keyDir, 'keyring.json') };
  system = await startTestSystem(env);
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
}, 120_000);
afterAll(async () => {
  await system?.close();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

describe('[goal 23] encryption at rest of ID numbers and ID-card files', () => {
  it('takes the sentinels in through the real API', async () => {
    const profile = await system.app.inject({
      method: 'PUT',
      url: '/api/v1/accounts/me/profile',
      headers: { ...JSON_HEADERS, cookie: citizen },
      payload: {
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '2005-03-14',
        idNumber: CCCD.profile,
        address: 'An Hòa',
      },
    });
    expect(profile.statusCode, profile.body).toBe(200);
    ids.citizenId = JSON.parse(profile.body).id;

    const upload = multipartFile('anh-cccd.pdf', fileContent);
    const uploaded = await system.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...upload.headers, cookie: citizen },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    ids.file = JSON.parse(uploaded.body).id;

    const body = await onlineSubmission(system, citizen, 'AH-LLTP-01');
    for (const data of Object.values(body.formData)) {
      for (const [name, value] of Object.entries(data)) {
        if (value === '001090012345') {
          data[name] = CCCD.form;
        }
      }
    }
    const [first] = body.components;
    if (first) {
      first.fileIds = [ids.file];
    } else {
      body.components.push({ componentKey: 'to-khai', fileIds: [ids.file] });
    }
    const online = await postDossier(system, citizen, body, 'goal23-online-0001');
    expect(online.status, JSON.stringify(online.body)).toBe(201);
    ids.online = online.body.id;

    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    const walkIn = await postDossier(system, desk, {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: { fullName: 'Trần Văn Bình', idNumber: CCCD.deskApplicant, phone: '0987654321' },
      owner: { fullName: 'Lê Thị Chủ', idNumber: CCCD.deskOwner },
      delivery: { method: 'desk' },
    });
    expect(walkIn.status, JSON.stringify(walkIn.body)).toBe(201);
    ids.desk = walkIn.body.id;

    const draft = await system.app.inject({
      method: 'POST',
      url: '/api/v1/dossier-drafts',
      headers: { ...JSON_HEADERS, cookie: citizen },
      payload: { procedureId: procedure.id, data: { formData: { soDinhDanh: CCCD.draft } } },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    ids.draft = JSON.parse(draft.body).id;
  });

  it('0 plaintext, hex or base64 sentinel hits in any table, the raw database dump, the blobs or the logs', async () => {
    const tables = await scanAllTables();
    const dump = await rawDatabaseDump();
    const blobFiles = [
      ...filesUnder(path.join(system.dataDir, 'blobs')),
      ...filesUnder(path.join(system.dataDir, 'quarantine')),
    ];
    const blobHits = blobFiles.reduce((n, file) => n + countHits(fs.readFileSync(file)), 0);
    const logHits = countHits(system.rawLogs.join('\n'));
    console.info(
      `[goal 23] sentinel hits: tables ${tables.hits} (${tables.tables} tables, ${tables.rows} rows), ` +
        `raw dump ${countHits(dump)} (${dump.length} bytes), blobs ${blobHits} (${blobFiles.length} files), logs ${logHits}`,
    );
    expect(tables.rows).toBeGreaterThan(100);
    expect(tables.hits).toBe(0);
    expect(countHits(dump)).toBe(0);
    expect(blobFiles.length).toBeGreaterThan(0);
    expect(blobHits).toBe(0);
    expect(logHits).toBe(0);
  });

  it('the scan would see a sentinel stored in clear (so the zeros above can fail)', async () => {
    await sql`create table goal23_canary (note text)`.execute(system.database.db);
    await sql`insert into goal23_canary values (${`x ${CCCD.profile} y`})`.execute(system.database.db);
    expect((await scanAllTables()).hits).toBe(1);

    expect(countHits(await rawDatabaseDump())).toBeGreaterThan(0);
    await sql`drop table goal23_canary`.execute(system.database.db);
  });

  it('officers still find the dossiers and the account by exact CCCD (blind index)', async () => {
    const byApplicant = await getJson(system, desk, `/api/v1/dossiers?q=${CCCD.deskApplicant}`);
    expect(byApplicant.body.items.map((d: { id: string }) => d.id)).toEqual([ids.desk]);
    const byOwner = await getJson(system, desk, `/api/v1/dossiers?q=${CCCD.deskOwner}`);
    expect(byOwner.body.items.map((d: { id: string }) => d.id)).toEqual([ids.desk]);
    const byProfile = await getJson(system, desk, `/api/v1/dossiers?q=${CCCD.profile}`);
    expect(byProfile.body.items.map((d: { id: string }) => d.id)).toEqual([ids.online]);
    const account = await getJson(system, desk, `/api/v1/admin/citizens?q=${CCCD.profile}`);
    expect(account.body.items.map((c: { id: string }) => c.id)).toEqual([ids.citizenId]);
    expect((await getJson(system, desk, '/api/v1/admin/citizens?q=079205731947')).body.items).toEqual([]);
  });

  it('after rotating the master key and retiring the old one, 100 % of fields and files read back', async () => {
    const config = loadConfig({ NODE_ENV: 'test', MOTCUA_DATA_DIR: system.dataDir, ...env });
    const oldId = loadKeyring(config.keyring).currentId;
    const summary = await rotateMasterKey(config, system.database.db);
    expect(summary.newMasterKeyId).not.toBe(oldId);
    expect(summary.dataKeys.rewrapped).toBeGreaterThanOrEqual(3);
    expect(summary.dataKeys.perMasterKey).toEqual({ [summary.newMasterKeyId]: expect.any(Number) });
    const blobs = summary.files.find((f) => f.dir.endsWith('blobs'));
    expect(blobs?.rewrapped).toBeGreaterThan(0);
    // Retire the old key and forget every unwrapped data key: only the new master key remains.
    removeMasterKeyFromFile(config.keyring.file, oldId);
    dataProtection().reload(loadKeyring(config.keyring));
    expect([...dataProtection().keyring.masterKeys.keys()]).toEqual([summary.newMasterKeyId]);

    const checks: Array<[string, boolean]> = [];
    const profile = await getJson(system, citizen, '/api/v1/accounts/me/profile');
    checks.push(['profile.idNumber', profile.body.idNumber === CCCD.profile]);
    const online = (await getJson(system, citizen, `/api/v1/dossiers/${ids.online}`)).body;
    checks.push(['online.applicant.idNumber', online.applicant.idNumber === CCCD.profile]);
    checks.push(['online.formData CCCD', JSON.stringify(online.formData).includes(CCCD.form)]);
    const walkIn = (await getJson(system, desk, `/api/v1/dossiers/${ids.desk}`)).body;
    checks.push(['desk.applicant.idNumber', walkIn.applicant.idNumber === CCCD.deskApplicant]);
    checks.push(['desk.owner.idNumber', walkIn.owner.idNumber === CCCD.deskOwner]);
    const draft = (await getJson(system, citizen, `/api/v1/dossier-drafts/${ids.draft}`)).body;
    checks.push(['draft.data', draft.data.formData.soDinhDanh === CCCD.draft]);
    const receipt = await system.app.inject({
      url: `/api/v1/dossiers/${ids.desk}/documents/receipt`,
      headers: { cookie: desk },
    });
    checks.push([
      // Mẫu 01 does not print the CCCD; it renders from the opened dossier.
      'receipt PDF renders',
      receipt.statusCode === 200 && pdfText(receipt.rawPayload).includes('Trần Văn Bình'),
    ]);
    const search = await getJson(system, desk, `/api/v1/dossiers?q=${CCCD.deskOwner}`);
    checks.push(['search by CCCD after rotation', search.body.items.length === 1]);
    const link = await system.app.inject({
      method: 'POST',
      url: `/api/v1/files/${ids.file}/link`,
      headers: { ...JSON_HEADERS, cookie: citizen },
    });
    const content = await system.app.inject({
      url: JSON.parse(link.body).url,
      headers: { cookie: citizen },
    });
    checks.push([
      'sentinel file content',
      content.statusCode === 200 && content.rawPayload.equals(fileContent),
    ]);
    const meta = (await getJson(system, citizen, `/api/v1/files/${ids.file}`)).body;
    checks.push([
      'file sha256 of the plaintext',
      meta.sha256 === (await import('node:crypto')).createHash('sha256').update(fileContent).digest('hex'),
    ]);
    // Every other file in the dossiers (the demo's and the uploads) reads back in full too.
    const others = [
      ...(await system.database.db.selectFrom('files').select(['id', 'sha256', 'blobKey']).execute()),
      ...(await system.database.db
        .selectFrom('procedureFiles')
        .select(['id', 'sha256', 'blobKey'])
        .execute()),
    ];
    const store = path.join(system.dataDir, 'blobs');
    let filesRead = 0;
    for (const file of others) {
      if (!fs.existsSync(path.join(store, file.blobKey))) {
        continue;
      }
      const readable = await readStored(file.blobKey);
      checks.push([`file ${file.id}`, readable === file.sha256]);
      filesRead += 1;
    }
    const failed = checks.filter(([, ok]) => !ok).map(([name]) => name);
    console.info(
      `[goal 23] after rotation: ${checks.length - failed.length}/${checks.length} checks readable (${filesRead} stored files re-hashed)`,
    );
    expect(failed).toEqual([]);
  });
});

async function readStored(blobKey: string): Promise<string> {
  const { createLocalBlobStore } = await import('../../src/platform/blobs/local-blob-store.ts');
  const { createHash } = await import('node:crypto');
  const store = createLocalBlobStore(path.join(system.dataDir, 'blobs'), {
    encryption: { keyring: () => dataProtection().keyring },
  });
  const stream = await store.open(blobKey);
  const hash = createHash('sha256');
  for await (const chunk of stream ?? []) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
