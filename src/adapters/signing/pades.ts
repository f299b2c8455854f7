// R24: sign a PDF with a PAdES signature (SubFilter ETSI.CAdES.detached): an incremental update adds
// the signature field and dictionary (signer name, reason, location, /M signing time) with a
// reserved /Contents, the /ByteRange covers every byte except that hole, and the detached CMS over
// those bytes fills it. The bytes before the update are never rewritten (goal 27: never rewrite a
// signed PDF), so an already signed PDF can take a second signature.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { findByteRange, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { addAppearance, type SignatureAppearance } from './appearance.ts';
import { buildDetachedCms, type TimestampAuthority } from './cms.ts';
import { checkSigningCertificate } from './preflight.ts';
import { type Signer, SigningError } from './signer.ts';
import type { TrustOptions } from './verify.ts';

export interface SignPdfOptions {
  /** Shown by PDF readers: the signer's name or title. */
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  signingTime?: Date;
  /** PAdES B-T: the signature timestamp comes from this TSA. */
  tsa?: TimestampAuthority;
  /** NĐ 30/2020 visible appearance; without it the signature is invisible. */
  appearance?: SignatureAppearance;
  /** Check the certificate (chain, validity, revocation) before signing; refuse if it fails. */
  preflight?: TrustOptions;
}

/** Bytes reserved for the CMS (hex doubles it): room for a chain of several RSA-4096 certificates. */
export const SIGNATURE_BYTES = 16_384;

export async function signPdf(pdf: Buffer, signer: Signer, options: SignPdfOptions): Promise<Buffer> {
  // @signpdf writes dictionary strings as UTF-8 bytes, which PDF readers misread outside ASCII, so
  // reason, name and location are written without diacritics (the signer's name is in the certificate).
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '?');
  if (options.preflight) {
    await checkSigningCertificate(await signer.certificateChain(), options.preflight);
  }
  let prepared: Buffer;
  try {
    prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: ascii(options.reason),
      contactInfo: ascii(options.contactInfo ?? ''),
      name: ascii(options.name),
      location: ascii(options.location),
      signingTime: options.signingTime ?? new Date(),
      signatureLength: SIGNATURE_BYTES,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'MotCua',
      ...(options.appearance ? { widgetRect: options.appearance.rect } : {}),
    });
    if (options.appearance) {
      prepared = await addAppearance(prepared, pdf.length - 2, options.appearance);
    }
  } catch (error) {
    throw new SigningError(
      'PDF_UNSUPPORTED',
      `cannot add a signature field to this PDF: ${(error as Error).message}`,
    );
  }
  return fillPlaceholder(prepared, (signed) => buildDetachedCms(signed, signer, options.tsa));
}

/**
 * Writes the real /ByteRange over the placeholder's (same length) and fills /Contents with what
 * `contentsFor` makes of the covered bytes: a CMS signature, or a timestamp token for a document
 * timestamp (ISO 32000-2 §12.8.5, same hole and range rules).
 */
export async function fillPlaceholder(
  prepared: Buffer,
  contentsFor: (covered: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  const { byteRangePlaceholder, byteRangePlaceholderPosition } = findByteRange(prepared);
  if (!byteRangePlaceholder || byteRangePlaceholderPosition === undefined) {
    throw new SigningError('PDF_UNSUPPORTED', 'no signature placeholder found');
  }
  const byteRangeEnd = byteRangePlaceholderPosition + byteRangePlaceholder.length;
  const contentsTag = prepared.indexOf('/Contents ', byteRangeEnd);
  const holeStart = prepared.indexOf('<', contentsTag);
  const holeEnd = prepared.indexOf('>', holeStart) + 1;
  const byteRange = [0, holeStart, holeEnd, prepared.length - holeEnd];
  const actual = `/ByteRange [${byteRange.join(' ')}]`.padEnd(byteRangePlaceholder.length, ' ');
  let out = Buffer.concat([
    prepared.subarray(0, byteRangePlaceholderPosition),
    Buffer.from(actual),
    prepared.subarray(byteRangeEnd),
  ]);
  const signed = Buffer.concat([out.subarray(0, holeStart), out.subarray(holeEnd)]);
  const cms = await contentsFor(signed);
  const hex = cms.toString('hex');
  const room = holeEnd - holeStart - 2;
  if (hex.length > room) {
    throw new SigningError(
      'SIGNATURE_TOO_LARGE',
      `the signature needs ${hex.length / 2} bytes, ${room / 2} reserved`,
    );
  }
  out = Buffer.concat([
    out.subarray(0, holeStart + 1),
    Buffer.from(hex.padEnd(room, '0')),
    out.subarray(holeEnd - 1),
  ]);
  return out;
}
