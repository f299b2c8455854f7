import { type Static, Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const CertificateSchema = Type.Object({
  subject: Type.String(),
  commonName: Nullable(Type.String()),
  organisation: Nullable(Type.String()),
  issuer: Type.String(),
  serialNumber: Type.String(),
  validFrom: Type.String({ format: 'date-time' }),
  validTo: Type.String({ format: 'date-time' }),
  trustedRoot: Type.Boolean(),
});

export const SignatureProblemSchema = Type.Union(
  [
    Type.Literal('byte_range_invalid'),
    Type.Literal('cms_malformed'),
    Type.Literal('digest_mismatch'),
    Type.Literal('signature_invalid'),
    Type.Literal('weak_algorithm'),
    Type.Literal('untrusted_chain'),
    Type.Literal('certificate_expired_at_signing'),
    Type.Literal('certificate_not_yet_valid_at_signing'),
    Type.Literal('modified_after_signing'),
    Type.Literal('certificate_revoked'),
    Type.Literal('revocation_unknown'),
    Type.Literal('timestamp_invalid'),
  ],
  { description: 'Why a signature is not valid' },
);

export const VerificationSchema = Type.Object({
  valid: Type.Boolean({
    description: 'At least one signature, every signature valid, nothing added after the last',
  }),
  signatures: Type.Array(
    Type.Object({
      valid: Type.Boolean(),
      signer: Type.Union([CertificateSchema, Type.Null()]),
      signedAt: Nullable(Type.String({ format: 'date-time' })),
      chain: Type.Array(CertificateSchema),
      problems: Type.Array(SignatureProblemSchema),
      name: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      location: Nullable(Type.String()),
      subFilter: Nullable(Type.String()),
      coversWholeDocument: Type.Boolean(),
      level: Type.Union(
        [Type.Literal('B-B'), Type.Literal('B-T'), Type.Literal('B-LT'), Type.Literal('B-LTA')],
        {
          description:
            'PAdES baseline level: B-T with a valid RFC 3161 signature timestamp; B-LT when the DSS also holds every certificate and CRL needed to validate the signer and TSA chains offline; B-LTA when a valid document timestamp after the DSS covers the signature and that DSS',
        },
      ),
      timestamp: Type.Union([
        Type.Object({
          time: Nullable(Type.String({ format: 'date-time' })),
          tsa: Nullable(Type.String()),
          valid: Type.Boolean(),
        }),
        Type.Null(),
      ]),
      revocation: Type.Union(
        [Type.Literal('good'), Type.Literal('revoked'), Type.Literal('unknown'), Type.Literal('not_checked')],
        { description: 'CRL status of the signer chain (from the DSS alone at B-LT)' },
      ),
      validationData: Type.Union(
        [
          Type.Object({
            complete: Type.Boolean({ description: 'The DSS alone validates the signer and TSA chains' }),
            vri: Type.Boolean({ description: 'A /VRI entry names this signature' }),
            missing: Type.Array(
              Type.Object({
                kind: Type.Union([Type.Literal('certificate'), Type.Literal('crl')]),
                subject: Type.String({ description: 'Common name of the certificate concerned' }),
              }),
            ),
          }),
          Type.Null(),
        ],
        { description: 'The Document Security Store for this signature; null when the file has none' },
      ),
    }),
  ),
  documentTimestamps: Type.Array(
    Type.Object({
      valid: Type.Boolean(),
      time: Nullable(Type.String({ format: 'date-time' })),
      tsa: Nullable(Type.String({ description: 'Common name of the time-stamping authority' })),
      problems: Type.Array(
        Type.Union([
          Type.Literal('byte_range_invalid'),
          Type.Literal('timestamp_invalid'),
          Type.Literal('modified_after_signing'),
        ]),
      ),
      coversWholeDocument: Type.Boolean(),
    }),
    {
      description:
        'Document timestamps (PAdES B-LTA, ISO 32000-2 12.8.5): RFC 3161 tokens over the whole file before them; not signatures',
    },
  ),
  limitations: Type.Array(
    Type.Union([
      Type.Literal('revocation_not_checked'),
      Type.Literal('signing_time_claimed'),
      Type.Literal('ocsp_not_read'),
    ]),
    {
      description:
        'What this check does not cover: revocation_not_checked (no CRL source configured), signing_time_claimed (a B-B signature: the time is only claimed), ocsp_not_read (revocation from CRLs only)',
    },
  ),
  sha256: Type.String({ description: 'SHA-256 of the file checked' }),
  demoTrust: Type.Boolean({ description: 'True when the only trusted root is the generated demo CA' }),
});
export type VerificationView = Static<typeof VerificationSchema>;
