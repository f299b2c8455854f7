// R24, goal 27: what one verified signature is (signer, time, PAdES level, timestamp, revocation,
// long-term validation data, problems), shared by the officer's check page and the dossier's
// signed-result panel so both say the same thing in the same words. `detailed` adds the issuer and
// the certificate chain (the check page, where an officer judges a file from outside).
import type { VerificationView } from '../../src/modules/signatures/signatures.schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';

type SignatureView = VerificationView['signatures'][number];
type DocumentTimestampView = VerificationView['documentTimestamps'][number];

export function SignatureFacts({
  signature: s,
  when,
  last,
  detailed = false,
}: {
  signature: SignatureView;
  when: (iso: string | null) => string;
  /** The file's last signature: only after it can bytes be "only a DSS". */
  last: boolean;
  detailed?: boolean;
}) {
  const { m } = useI18n();
  const t = m.documents;
  const dss = s.validationData;
  // Only a DSS after the signature (nothing else) is allowed: say so rather than a bare "no".
  const dssOnlyAfter =
    last && !s.coversWholeDocument && dss !== null && !s.problems.includes('modified_after_signing');
  const missing = (dss?.missing ?? [])
    .map((item) => (item.kind === 'crl' ? t.missingCrl(item.subject) : t.missingCertificate(item.subject)))
    .join('; ');
  return (
    <dl className="facts">
      <dt>{t.signer}</dt>
      <dd>{s.signer?.commonName ?? '—'}</dd>
      <dt>{t.signedAt}</dt>
      <dd data-testid="signed-at">{when(s.signedAt) || '—'}</dd>
      {detailed ? (
        <>
          <dt>{t.issuer}</dt>
          <dd>{s.signer?.issuer ?? '—'}</dd>
        </>
      ) : null}
      <dt>{t.level}</dt>
      <dd data-testid="signature-level">{t.levelName[s.level] ?? s.level}</dd>
      <dt>{t.timestamp}</dt>
      <dd>
        {s.timestamp
          ? s.timestamp.valid
            ? t.timestampValid(s.timestamp.tsa ?? '—')
            : t.problem.timestamp_invalid
          : t.timestampNone}
      </dd>
      <dt>{t.revocation}</dt>
      <dd>{t.revocationStatus[s.revocation] ?? s.revocation}</dd>
      <dt>{t.validationData}</dt>
      <dd>
        {dss === null
          ? t.validationDataNone
          : dss.complete
            ? t.validationDataComplete
            : t.validationDataMissing(missing)}
      </dd>
      <dt>{t.wholeFile}</dt>
      <dd>
        {s.coversWholeDocument
          ? t.yes
          : dssOnlyAfter
            ? s.level === 'B-LTA'
              ? t.wholeFileArchived
              : t.wholeFileDssOnly
            : t.no}
      </dd>
      {detailed ? (
        <>
          <dt>{t.chain}</dt>
          <dd>
            <ol>
              {s.chain.map((c) => (
                <li key={c.serialNumber}>
                  {c.commonName ?? c.subject}
                  {c.trustedRoot ? ` (${t.trustedRoot})` : ''}
                </li>
              ))}
            </ol>
          </dd>
        </>
      ) : null}
      {s.problems.length > 0 ? (
        <>
          <dt>{t.problems}</dt>
          <dd>
            <ul>
              {s.problems.map((p) => (
                <li key={p}>{t.problem[p] ?? p}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * The file's document timestamps (PAdES B-LTA), one line each: the time and TSA when valid, else
 * why not. Shown apart from the signatures, which they are not (the signature count leaves them out).
 */
export function DocumentTimestamps({
  timestamps,
  when,
}: {
  timestamps: DocumentTimestampView[];
  when: (iso: string | null) => string;
}) {
  const { m } = useI18n();
  const t = m.documents;
  return (
    <>
      {timestamps.map((ts, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: document timestamps keep their order in the file.
        <p key={i} data-testid="document-timestamp">
          {t.documentTimestamp}:{' '}
          {ts.valid
            ? t.documentTimestampValid(when(ts.time) || '—', ts.tsa ?? '—')
            : [
                t.documentTimestampInvalid,
                ...ts.problems.filter((p) => p !== 'timestamp_invalid').map((p) => t.problem[p] ?? p),
              ].join(' ')}
        </p>
      ))}
    </>
  );
}
