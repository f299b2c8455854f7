// R24: officers check the digital signatures of a PDF (an uploaded dossier component or an issued
// result) and see the result: signer, signing time, chain, and what is wrong if anything.
import { createHash } from 'node:crypto';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import './app-deps.ts';
import type { PdfVerification } from '../../adapters/signing/verify.ts';
import { VerificationSchema, type VerificationView } from './signatures.schemas.ts';

export function toVerificationView(
  report: PdfVerification,
  pdf: Buffer,
  demoTrust: boolean,
): VerificationView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const cert = (c: PdfVerification['signatures'][number]['chain'][number]) => ({
    ...c,
    validFrom: c.validFrom.toISOString(),
    validTo: c.validTo.toISOString(),
  });
  return {
    valid: report.valid,
    signatures: report.signatures.map((s) => ({
      ...s,
      signer: s.signer ? cert(s.signer) : null,
      signedAt: iso(s.signedAt),
      chain: s.chain.map(cert),
      timestamp: s.timestamp ? { ...s.timestamp, time: iso(s.timestamp.time) } : null,
    })),
    documentTimestamps: report.documentTimestamps.map((t) => ({ ...t, time: iso(t.time) })),
    limitations: report.limitations,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    demoTrust,
  };
}

export async function signaturesRoutes(app: App): Promise<void> {
  // The PDF is the body itself (application/pdf), bounded by the upload limit; this parser exists
  // only inside this plugin.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: app.deps.config.uploadLimit },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/signatures/verify',
    {
      schema: {
        tags: ['signatures'],
        summary: 'Verify the digital signatures of a PDF / Kiểm tra chữ ký số của tệp PDF',
        description:
          'Send the PDF itself as the body with Content-Type: application/pdf. The file is not stored.',
        response: {
          200: VerificationSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const pdf = request.body;
      if (!Buffer.isBuffer(pdf) || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw errors.validation(undefined, {
          vi: 'Tệp gửi lên không phải PDF.',
          en: 'The file is not a PDF.',
        });
      }
      return toVerificationView(await app.deps.signing.verify(pdf), pdf, app.deps.signing.demo);
    },
  );
}
