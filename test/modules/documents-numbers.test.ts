// Issue 8: real numbers on the official slips, on both databases. Reception enters the dossier in
// the receiving unit's tracking book (Quyển số, Số thứ tự on the receipt and in the book, Mẫu 01 and
// 06/07); numbered slips (completion request …/HDHS, refusal, …) get the issuing agency's next number
// of the year inside the action's transaction. poppler reads the PDFs back.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { pdfText } from '../helpers/poppler.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let citizen: string;
let desk: string;
let procedureId: string;

const flat = (text: string) => text.replace(/\s+/g, ' ');
const yearOf = (at: Date) => String(new Date(at.getTime() + 7 * 3600 * 1000).getUTCFullYear());

async function pdf(cookie: string, url: string) {
  const res = await system.app.inject({ url, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return flat(pdfText(res.rawPayload));
}
const slip = (id: string, kind: string) => pdf(desk, `/api/v1/dossiers/${id}/documents/${kind}`);

const walkIn = (fullName: string) =>
  postDossier(system, desk, {
    procedureId,
    channel: 'desk',
    applicant: { fullName, phone: '0987654321', address: 'Xã An Phú, tỉnh An Hòa' },
    delivery: { method: 'desk' },
  });

async function bookEntry(id: string) {
  return system.database.db
    .selectFrom('dossiers')
    .select(['bookVolume', 'bookLine', 'receivingAgencyId', 'receivedAt'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function onlineDossier() {
  const { status, body } = await postDossier(
    system,
    citizen,
    await onlineSubmission(system, citizen, 'AH-LLTP-01'),
  );
  expect(status).toBe(201);
  return body as { id: string; code: string };
}

const completionOf = (id: string) =>
  act(system, desk, id, {
    action: 'request_completion',
    items: [{ componentKey: 'tp-2', name: 'Bản chụp CCCD', reason: 'Ảnh mờ' }],
    note: 'Thiếu giấy tờ',
  });

beforeAll(async () => {
  system = await startTestSystem();
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  procedureId = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body.id;
});
afterAll(async () => system?.close());

describe('[Mẫu 01, 06/07] tracking-book entry at reception', () => {
  it('the seeded receptions are in the desk’s book: lines 1…N per volume, no gap, counter at N', async () => {
    const db = system.database.db;
    const books = await db
      .selectFrom('dossiers')
      .select(['receivingAgencyId', 'bookVolume'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('bookLine').as('last')])
      .where('receivedAt', 'is not', null)
      .groupBy(['receivingAgencyId', 'bookVolume'])
      .execute();
    expect(books.length).toBeGreaterThan(0);
    expect(books.every((b) => b.bookVolume !== null)).toBe(true);
    for (const book of books) {
      expect(Number(book.last)).toBe(Number(book.n));
      const counter = await db
        .selectFrom('documentNumberCounters')
        .select('lastValue')
        .where('agencyId', '=', book.receivingAgencyId)
        .where('series', '=', 'tracking_book')
        .where('period', '=', book.bookVolume as string)
        .executeTakeFirstOrThrow();
      expect(counter.lastValue).toBe(Number(book.n));
    }
  });

  it('20 concurrent walk-ins get distinct consecutive lines with no gap; the receipt prints its own', async () => {
    const first = (await walkIn('Người Nộp Đầu')).body;
    const base = await bookEntry(first.id);
    const year = yearOf(new Date(base.receivedAt as Date));
    expect(base.bookVolume).toBe(year);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => walkIn(`Người Nộp ${i + 1}`)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const entries = await Promise.all(results.map((r) => bookEntry(r.body.id)));
    const lines = entries.map((e) => e.bookLine as number).sort((a, b) => a - b);
    expect(lines).toEqual(Array.from({ length: 20 }, (_, i) => (base.bookLine as number) + 1 + i));
    expect(new Set(entries.map((e) => e.bookVolume))).toEqual(new Set([year]));

    const [one] = results;
    const entry = entries[0] as { bookLine: number };
    const text = await slip(one?.body.id, 'receipt');
    expect(text).toContain(`Quyển số: ${year}, Số thứ tự: ${entry.bookLine}.`);
    expect(text).toContain(`Số: ${entry.bookLine}/TNHS`);
    // The control slip is attached to that receipt by its number.
    expect(await slip(one?.body.id, 'control_slip')).toContain(`hẹn trả kết quả số: ${entry.bookLine}/TNHS`);
  });

  it('an online dossier is entered when accepted, not when submitted; a reprint prints the same line', async () => {
    const dossier = await onlineDossier();
    expect((await bookEntry(dossier.id)).bookLine).toBeNull();
    expect((await act(system, desk, dossier.id, { action: 'accept' })).status).toBe(200);
    const entry = await bookEntry(dossier.id);
    expect(entry.bookLine).toBeGreaterThan(0);
    const printed = await slip(dossier.id, 'receipt');
    expect(printed).toContain(`Số thứ tự: ${entry.bookLine}.`);
    await walkIn('Người Nộp Sau');
    const reprinted = await slip(dossier.id, 'receipt');
    expect(reprinted).toContain(`Quyển số: ${entry.bookVolume}, Số thứ tự: ${entry.bookLine}.`);
    expect(reprinted.match(/Số: \S+/)?.[0]).toBe(printed.match(/Số: \S+/)?.[0]);
  });

  it('the tracking book shows each receipt’s Số thứ tự next to its code, and the volume', async () => {
    const { body: dossier } = await walkIn('Người Trong Sổ');
    const entry = await bookEntry(dossier.id);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(entry.receivedAt as Date),
    );
    const text = await pdf(
      desk,
      `/api/v1/documents/tracking-book?agencyId=${entry.receivingAgencyId}&from=${day}&to=${day}`,
    );
    expect(text).toContain(`Quyển số: ${entry.bookVolume}`);
    expect(text).toMatch(
      new RegExp(`(^| )${entry.bookLine} ${dossier.code.slice(0, 12).replace(/\./g, '\\.')}`),
    );
    // Every line of the unit's book issued today appears exactly once.
    const rows = await system.database.db
      .selectFrom('dossiers')
      .select(['code', 'bookLine'])
      .where('receivingAgencyId', '=', entry.receivingAgencyId)
      .where('bookVolume', '=', entry.bookVolume)
      .where('code', 'like', `%-${day.slice(2).replace(/-/g, '')}-%`)
      .execute();
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(text).toContain(row.code.slice(-4));
    }
  });
});

describe('[Mẫu 02–05] slip numbers per issuing agency, kind and year', () => {
  it('completion requests are numbered 1/HDHS-style in order; a reprint keeps the number', async () => {
    const a = await onlineDossier();
    const b = await onlineDossier();
    expect((await completionOf(a.id)).status).toBe(200);
    expect((await completionOf(b.id)).status).toBe(200);
    const numbers = await system.database.db
      .selectFrom('dossierDocumentNumbers')
      .select(['dossierId', 'seq', 'number', 'period'])
      .where('kind', '=', 'completion_request')
      .where('dossierId', 'in', [a.id, b.id])
      .execute();
    const ofA = numbers.find((n) => n.dossierId === a.id);
    const ofB = numbers.find((n) => n.dossierId === b.id);
    expect(ofB?.seq).toBe((ofA?.seq ?? 0) + 1);
    expect(ofA?.number).toBe(`${ofA?.seq}/HDHS`);
    const printed = await slip(a.id, 'completion_request');
    expect(printed).toContain(`Số: ${ofA?.seq}/HDHS`);
    expect(await slip(a.id, 'completion_request')).toContain(`Số: ${ofA?.seq}/HDHS`);
  });

  it('the symbol is the agency’s wording; a later change of wording does not renumber earlier slips', async () => {
    const a = await onlineDossier();
    await completionOf(a.id);
    const before = await slip(a.id, 'completion_request');
    const admin = await loginAs(system, 'quantri', 'Demo@2026');
    // The desk's own wording (agency code of the receiving unit, like the "Nội dung mẫu" screen).
    const unit = await system.database.db
      .selectFrom('agencies')
      .select('code')
      .where('id', '=', (await bookEntry(a.id)).receivingAgencyId)
      .executeTakeFirstOrThrow();
    const saved = await system.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/documents/templates/completion_request',
      headers: { cookie: admin, 'content-type': 'application/json', 'x-requested-with': 'motcua' },
      payload: {
        ruleSet: 'nd118_2025',
        agencyCode: unit.code,
        texts: { numberFormat: '{number}/{year}/PYC-TTHCC' },
        header: {},
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(await slip(a.id, 'completion_request')).toBe(before);
    const b = await onlineDossier();
    await completionOf(b.id);
    const after = await slip(b.id, 'completion_request');
    expect(after).toMatch(new RegExp(`Số: \\d+/${yearOf(new Date())}/PYC-TTHCC`));
  });

  it('the refusal gets its own series; an action rolled back after numbering gives its number back', async () => {
    const db = system.database.db;
    const refused = await onlineDossier();
    expect(
      (await act(system, desk, refused.id, { action: 'refuse', reasons: ['Không thuộc thẩm quyền'] })).status,
    ).toBe(200);
    const first = await db
      .selectFrom('dossierDocumentNumbers')
      .select(['seq', 'number'])
      .where('dossierId', '=', refused.id)
      .executeTakeFirstOrThrow();
    expect(first.number).toBe(`${first.seq}/TCHS`);
    expect(await slip(refused.id, 'refusal')).toContain(`Số: ${first.number}`);

    // A failure after the number was taken (here: the audit write) rolls the whole action back.
    const victim = await onlineDossier();
    await sql`CREATE FUNCTION test_fail_refusal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'dossier.refuse' THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END $$`.execute(
      db,
    );
    await sql`CREATE TRIGGER test_fail_refusal BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_refusal()`.execute(
      db,
    );
    const failed = await act(system, desk, victim.id, {
      action: 'refuse',
      reasons: ['Không thuộc thẩm quyền'],
    });
    await sql`DROP TRIGGER test_fail_refusal ON audit_log`.execute(db);
    await sql`DROP FUNCTION test_fail_refusal()`.execute(db);
    expect(failed.status).toBe(500);
    expect(
      await db
        .selectFrom('dossierDocumentNumbers')
        .select('seq')
        .where('dossierId', '=', victim.id)
        .execute(),
    ).toEqual([]);
    expect(
      (await act(system, desk, victim.id, { action: 'refuse', reasons: ['Không thuộc thẩm quyền'] })).status,
    ).toBe(200);
    const retried = await db
      .selectFrom('dossierDocumentNumbers')
      .select('seq')
      .where('dossierId', '=', victim.id)
      .executeTakeFirstOrThrow();
    expect(retried.seq).toBe(first.seq + 1);
  });

  it('20 concurrent completion requests get 20 consecutive numbers', async () => {
    const dossiers = await Promise.all(Array.from({ length: 20 }, () => onlineDossier()));
    const answers = await Promise.all(dossiers.map((d) => completionOf(d.id)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const seqs = (
      await system.database.db
        .selectFrom('dossierDocumentNumbers')
        .select('seq')
        .where('kind', '=', 'completion_request')
        .where(
          'dossierId',
          'in',
          dossiers.map((d) => d.id),
        )
        .execute()
    )
      .map((r) => r.seq)
      .sort((x, y) => x - y);
    const start = seqs[0] ?? 0;
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => start + i));
  });
});
