// The signatures of a PDF as written in the file, before any cryptography: each /ByteRange with the
// /Contents it leaves out and the signature dictionary's text. Shared by the verifier and by the
// B-LT extension, which needs each signature's /Contents (the VRI key) and CMS.
import type { X509Certificate } from 'node:crypto';
import type { ParsedCms } from './cms.ts';

/** PDF date string `D:YYYYMMDDHHmmSS+07'00'` (or Z) to a Date. */
export function parsePdfDate(raw: string): Date | null {
  const m = /D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(raw);
  if (!m) {
    return null;
  }
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign === '+' || sign === '-' ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  return new Date(utc - offset * 60_000);
}

/** A literal string value `(…)` of a key in the signature dictionary text, unescaped simply. */
export function literal(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dict);
  if (!m?.[1]) {
    return null;
  }
  const raw = m[1].replace(/\\([()\\])/g, '$1');
  // Strings written as UTF-16BE with a BOM (how PDF writers store Vietnamese names).
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return bytes.subarray(2).swap16().toString('utf16le');
  }
  return raw;
}

export interface RawSignature {
  byteRange: number[];
  contents: Buffer | null;
  dict: string;
}

/** Finds every /ByteRange … /Contents <…> pair; the dictionary text around it gives /M, /Name… */
export function findSignatures(pdf: Buffer): RawSignature[] {
  const found: RawSignature[] = [];
  const text = pdf.toString('latin1');
  const rangeRe = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = rangeRe.exec(text); m; m = rangeRe.exec(text)) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    const dictStart = text.lastIndexOf('obj', m.index);
    const dictEnd = text.indexOf('endobj', m.index);
    const dict = text.slice(Math.max(0, dictStart), dictEnd < 0 ? m.index + 2000 : dictEnd);
    const start = byteRange[1] as number;
    const end = byteRange[2] as number;
    let contents: Buffer | null = null;
    if (
      text[start] === '<' &&
      text[end - 1] === '>' &&
      /^[0-9a-fA-F]*$/.test(text.slice(start + 1, end - 1))
    ) {
      contents = Buffer.from(text.slice(start + 1, end - 1), 'hex');
    }
    found.push({ byteRange, contents, dict });
  }
  return found;
}

/** The signer's certificate among the CMS certificates: the one the SignerInfo's serial names. */
export function signerOf(cms: ParsedCms, certs: X509Certificate[]): X509Certificate | undefined {
  const sid = cms.signerInfo.sid as { serialNumber?: { valueBlock: { valueHexView: Uint8Array } } };
  const serialHex = sid.serialNumber
    ? Buffer.from(sid.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase()
    : '';
  return (
    certs.find((cert) => cert.serialNumber.replace(/^0+/, '') === serialHex.replace(/^0+/, '')) ?? certs[0]
  );
}
