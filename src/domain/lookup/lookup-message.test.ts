import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDossierCode } from '../dossier/dossier-code.ts';
import { MAX_LOOKUP_MESSAGE_LENGTH, parseLookupMessage, readDossierCode } from './lookup-message.ts';
import { composeLookupReply, type DossierLookupResult, lookupUrl, replyRateLimited } from './lookup-reply.ts';

const CODE = '000.00.06.H99-260505-0001';
const OPTIONS = { publicUrl: 'https://dichvucong.anhoa.gov.vn' };

describe('[R38] SMS/chat lookup syntax', () => {
  it.each([
    ['TC 000.00.06.H99-260505-0001', 'TC'],
    ['tc 000.00.06.h99-260505-0001', 'TC'],
    ['TC000.00.06.H99-260505-0001', 'TC'],
    ['Tc: 000.00.06.H99-260505-0001.', 'TC'],
    ['  TC   000.00.06.H99-260505-0001 !!! ', 'TC'],
    ['TC "000.00.06.H99-260505-0001"', 'TC'],
    ['TRACUU 000.00.06.H99-260505-0001', 'TRACUU'],
    ['tracuu000.00.06.h99-260505-0001', 'TRACUU'],
    ['TRA CUU 000.00.06.H99-260505-0001', 'TRACUU'],
    ['tra cứu 000.00.06.H99-260505-0001', 'TRACUU'],
    ['Tra cứu: 000.00.06.H99-260505-0001?', 'TRACUU'],
    ['TRA-CỨU #000.00.06.H99-260505-0001', 'TRACUU'],
    // NFD (decomposed accents, as typed on some phones) reads the same as NFC.
    ['tra cứu 000.00.06.H99-260505-0001'.normalize('NFD'), 'TRACUU'],
    // Full-width characters from some Asian keyboards.
    ['ＴＣ ０００.００.０６.Ｈ９９-２６０５０５-０００１', 'TC'],
    // Spaces and other separators inside the code, or none at all.
    ['TC 000.00.06.H99 - 260505 - 0001', 'TC'],
    ['TC 000 00 06 H99 260505 0001', 'TC'],
    ['TC 0000006H992605050001', 'TC'],
    ['TC 000,00,06,H99/260505/0001', 'TC'],
    // Invisible characters pasted in are ignored.
    ['TC\u200b 000.00.06.H99-260505-0001\u200f', 'TC'],
    // The bare code printed on the slip.
    ['000.00.06.H99-260505-0001', 'none'],
    [' 000.00.06.h99-260505-0001 ', 'none'],
  ])('[R38] reads %j', (text, keyword) => {
    expect(parseLookupMessage(text)).toEqual({ ok: true, code: CODE, keyword });
  });

  it('[R38] agency codes starting with a letter work without a space after TC', () => {
    expect(parseLookupMessage('TCG12.34.56.H99-260101-0042')).toEqual({
      ok: true,
      code: 'G12.34.56.H99-260101-0042',
      keyword: 'TC',
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['?!.,', 'empty'],
    ['\u200b\u200b', 'empty'],
    ['Xin chào', 'unknown_command'],
    ['HELLO 000.00.06.H99-260505-0001', 'unknown_command'],
    ['DK 000.00.06.H99-260505-0001', 'unknown_command'],
    ['TC', 'missing_code'],
    ['tra cứu', 'missing_code'],
    ['TC: ...', 'missing_code'],
    ['TC 12345', 'invalid_code'],
    ['TC 000.00.06.H99-260230-0001', 'invalid_code'], // 30 February
    ['TC 000.00.06.H99-260505-0000', 'invalid_code'], // sequence 0
    ['TC 000.00.06.999-260505-0001', 'invalid_code'], // level letter missing
    ['TC 000.00.06.H99-260505-00011', 'invalid_code'],
    ['TC <script>alert(1)</script>', 'invalid_code'],
    ["TC ' OR 1=1--", 'invalid_code'],
    ['000.00.06.H99-260505', 'unknown_command'],
  ])('[R38] refuses %j as %s', (text, reason) => {
    expect(parseLookupMessage(text)).toEqual({ ok: false, reason });
  });

  it('[goal 10] a message longer than any lookup is refused before parsing', () => {
    expect(parseLookupMessage(`TC ${CODE}${' '.repeat(MAX_LOOKUP_MESSAGE_LENGTH)}`)).toEqual({
      ok: false,
      reason: 'unknown_command',
    });
  });

  const agencyCode = fc
    .tuple(
      fc.stringMatching(/^[0-9A-Z]{3}$/),
      fc.stringMatching(/^[0-9A-Z]{2}$/),
      fc.stringMatching(/^[0-9A-Z]{2}$/),
      fc.stringMatching(/^[A-Z][0-9]{2}$/),
    )
    .map((parts) => parts.join('.'));
  const validCode = fc
    .tuple(
      agencyCode,
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.integer({ min: 1, max: 9999 }),
    )
    .map(([agency, date, sequence]) =>
      formatDossierCode({ agencyCode: agency, date: date.toISOString().slice(0, 10), sequence }),
    );
  const keyword = fc.constantFrom('TC', 'tc', 'Tc', 'TRACUU', 'tracuu', 'tra cứu', 'Tra Cứu', 'TRA CUU', '');
  const separator = fc.constantFrom('', ' ', '  ', ': ', ' - ', '\t', '#');
  const trailer = fc.constantFrom('', '.', '!', ' ?', ' ', '...', ')');
  const casing = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toLowerCase(),
    (s) => s.normalize('NFD'),
  );

  it('[R38] every valid code survives any tolerated spelling of the message (property)', () => {
    fc.assert(
      fc.property(validCode, keyword, separator, trailer, casing, (code, kw, sep, tail, transform) => {
        const text = transform(`${kw}${kw ? sep : ''}${code}${tail}`);
        const parsed = parseLookupMessage(text);
        expect(parsed.ok && parsed.code).toBe(code);
      }),
    );
  });

  it('[R38] the parser never throws and only ever returns a valid canonical code (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseLookupMessage(text);
        if (parsed.ok) {
          expect(readDossierCode(parsed.code)).toBe(parsed.code);
        } else {
          expect(['empty', 'unknown_command', 'missing_code', 'invalid_code']).toContain(parsed.reason);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('[R38] lookup replies', () => {
  const found: DossierLookupResult = {
    code: CODE,
    statusName: 'Đang xử lý',
    // 16:30 on 15/05/2026 in Vietnam (09:30 UTC).
    dueAt: new Date('2026-05-15T09:30:00Z'),
    procedureName: 'Đăng ký khai sinh',
  };

  it('[R38] a found dossier: code, status name, appointment in Vietnam time and the lookup link', () => {
    const reply = composeLookupReply(parseLookupMessage(`tc ${CODE}`), found, OPTIONS);
    expect(reply).toBe(
      `Hồ sơ ${CODE} (Đăng ký khai sinh): Đang xử lý. Hẹn trả kết quả: 16:30 ngày 15/05/2026. ` +
        `Chi tiết: https://dichvucong.anhoa.gov.vn/tra-cuu?ma=${CODE}`,
    );
  });

  it('[R38] a ready result says so; no appointment line without one', () => {
    const reply = composeLookupReply(
      parseLookupMessage(CODE),
      { code: CODE, statusName: 'Đã xử lý xong', dueAt: null, resultReady: true },
      OPTIONS,
    );
    expect(reply).toContain('Đã xử lý xong');
    expect(reply).toContain('mời ông/bà đến nhận');
    expect(reply).not.toContain('Hẹn trả');
  });

  it('[R38] unknown code, garbage and missing code get helpful replies with the syntax', () => {
    expect(composeLookupReply(parseLookupMessage(`TC ${CODE}`), null, OPTIONS)).toContain(
      `Không tìm thấy hồ sơ mã ${CODE}`,
    );
    expect(
      composeLookupReply(parseLookupMessage(`TC ${CODE}`), null, { ...OPTIONS, hotline: '1900 1234' }),
    ).toContain('1900 1234');
    for (const text of ['xin chao', 'TC', 'TC 123']) {
      expect(composeLookupReply(parseLookupMessage(text), null, OPTIONS)).toContain('Soạn TC <mã hồ sơ>');
    }
    expect(replyRateLimited()).toContain('quá nhiều lần');
  });

  it('[goal 10] the reply carries no more than the public facts it was given', () => {
    const reply = composeLookupReply(parseLookupMessage(CODE), found, OPTIONS);
    expect(Object.keys(found).sort()).toEqual(['code', 'dueAt', 'procedureName', 'statusName']);
    expect(reply.length).toBeLessThan(320);
  });

  it('the lookup link encodes the code and tolerates a trailing slash on the public URL', () => {
    expect(lookupUrl('http://localhost:3000/', CODE)).toBe(`http://localhost:3000/tra-cuu?ma=${CODE}`);
  });
});
