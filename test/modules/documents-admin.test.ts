// Administrators change a form's wording and header without code changes, per rule set and agency,
// and preview the result as a PDF (issue 8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-password.ts';
import { pdfText } from '../helpers/poppler.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let admin: string;

beforeAll(async () => {
  system = await startTestSystem({ MOTCUA_PUBLIC_URL: 'http://dichvucong.anhoa.test' });
  admin = await loginAs(system, 'quantri', DEMO_PASSWORD);
});
afterAll(async () => system?.close());

const preview = (name: string, query = '') =>
  system.app.inject({
    method: 'GET',
    url: `/api/v1/admin/documents/templates/${name}/preview${query}`,
    headers: { cookie: admin },
  });

describe('[R19] form templates administration', () => {
  it('lists every form with its number under each rule set', async () => {
    const res = await system.app.inject({
      method: 'GET',
      url: '/api/v1/admin/documents/templates',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ name: string; formNumber: Record<string, string | null> }>;
    expect(items.find((i) => i.name === 'control_slip')?.formNumber).toEqual({
      tt01_2018: 'Mẫu số 05',
      nd118_2025: 'Mẫu số 06',
    });
    expect(items.find((i) => i.name === 'stop_notice')?.formNumber.tt01_2018).toBeNull();
  });

  it('previews every form as a PDF with sample data', async () => {
    for (const name of [
      'receipt',
      'completion_request',
      'refusal',
      'apology',
      'stop_notice',
      'control_slip',
      'tracking_book',
      'result_handover',
      'paper_conversion_mark',
    ]) {
      const res = await preview(name, '?ruleSet=nd118_2025');
      expect(res.statusCode, name).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const receipt = pdfText((await preview('receipt')).rawPayload);
    expect(receipt).toContain('http://dichvucong.anhoa.test/tra-cuu?');
  });

  it('[R19] the 2025 stop notice does not exist under TT 01/2018', async () => {
    const res = await preview('stop_notice', '?ruleSet=tt01_2018');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('DOCUMENT_NOT_IN_RULE_SET');
  });

  it('[R19] wording and header overrides apply to every agency, then one agency overrides again', async () => {
    const put = (body: Record<string, unknown>) =>
      system.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/documents/templates/receipt',
        headers: { ...JSON_HEADERS, cookie: admin },
        payload: body,
      });
    const global = await put({
      ruleSet: 'nd118_2025',
      texts: { deliveryLine: '6. Nơi nhận kết quả: {deliveryPlace} (mang theo giấy này).'.normalize('NFD') },
      header: { governingAgency: 'Ủy ban nhân dân tỉnh An Hòa' },
    });
    expect(global.statusCode).toBe(200);
    expect(global.json().overridden).toEqual(['deliveryLine']);
    expect(global.json().texts.deliveryLine).toBe(
      '6. Nơi nhận kết quả: {deliveryPlace} (mang theo giấy này).',
    );

    const local = await put({
      ruleSet: 'nd118_2025',
      agencyCode: '000.00.11.H99',
      texts: { receiverSign: 'CÔNG CHỨC TIẾP NHẬN' },
      header: { agencyName: 'Sở Tư pháp tỉnh An Hòa' },
    });
    expect(local.statusCode).toBe(200);

    const all = pdfText((await preview('receipt', '?ruleSet=nd118_2025')).rawPayload).replace(/\s+/g, ' ');
    expect(all).toContain('6. Nơi nhận kết quả: Bộ phận tiếp nhận và trả kết quả');
    expect(all).toContain('ỦY BAN NHÂN DÂN TỈNH AN HÒA');
    expect(all).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    const agency = pdfText(
      (await preview('receipt', '?ruleSet=nd118_2025&agencyCode=000.00.11.H99')).rawPayload,
    ).replace(/\s+/g, ' ');
    expect(agency).toContain('CÔNG CHỨC TIẾP NHẬN');
    expect(agency).toContain('SỞ TƯ PHÁP TỈNH AN HÒA');
    expect(agency).toContain('6. Nơi nhận kết quả:');
    // The old rule set is untouched.
    const old = pdfText((await preview('receipt', '?ruleSet=tt01_2018')).rawPayload).replace(/\s+/g, ' ');
    expect(old).toContain('6. Đăng ký nhận kết quả tại:');
  });

  it('[goal 12] refuses unknown text keys, unknown agencies and strangers', async () => {
    const bad = await system.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/documents/templates/receipt',
      headers: { ...JSON_HEADERS, cookie: admin },
      payload: { ruleSet: 'nd118_2025', texts: { nope: 'x' }, header: {} },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('DOCUMENT_TEXT_UNKNOWN');
    const agency = await preview('receipt', '?agencyCode=999.99.99.H99');
    expect(agency.statusCode).toBe(404);
    const anonymous = await system.app.inject({
      method: 'GET',
      url: '/api/v1/admin/documents/templates/receipt/preview',
    });
    expect(anonymous.statusCode).toBe(401);
    const unknownName = await preview('nope');
    expect(unknownName.statusCode).toBe(400);
  });
});

describe('[R24] signature verification for officers', () => {
  it('[R24] a signed preview (demo CA generated into the data directory) verifies; a tampered copy does not', async () => {
    const signed = await preview('result_handover', '?ruleSet=nd118_2025&signed=true');
    expect(signed.statusCode).toBe(200);
    const verify = (pdf: Buffer) =>
      system.app.inject({
        method: 'POST',
        url: '/api/v1/signatures/verify',
        headers: { 'content-type': 'application/pdf', 'x-requested-with': 'motcua', cookie: admin },
        payload: pdf,
      });
    const ok = await verify(signed.rawPayload);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, demoTrust: true });
    expect(ok.json().signatures[0].signer.commonName).toContain('(DEMO)');
    const tampered = Buffer.from(signed.rawPayload);
    const at = tampered.indexOf('/Producer');
    tampered[at + 3] = tampered[at + 3] === 0x41 ? 0x42 : 0x41;
    const bad = await verify(tampered);
    expect(bad.json().valid).toBe(false);
    expect(bad.json().signatures[0].problems).toContain('digest_mismatch');
    const notPdf = await verify(Buffer.from('hello'));
    expect(notPdf.statusCode).toBe(400);
    const anonymous = await system.app.inject({
      method: 'POST',
      url: '/api/v1/signatures/verify',
      headers: { 'content-type': 'application/pdf', 'x-requested-with': 'motcua' },
      payload: signed.rawPayload,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
