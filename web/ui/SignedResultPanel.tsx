// R24: the dossier's signed result — a download link and the verification of the signed copy (signer,
// time, integrity, chain to a trusted root). For the processing screen and the applicant's pages:
// <SignedResultPanel dossierId={id} />. Shows nothing until the dossier has an electronic result.
import { useEffect, useId, useState } from 'react';
import type { VerificationView } from '../../src/modules/signatures/signatures.schemas.ts';
import { request } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatVietnamTime } from './form-kit.tsx';
import { Alert } from './layout.tsx';
import { DocumentTimestamps, SignatureFacts } from './SignatureFacts.tsx';

export function SignedResultPanel({ dossierId }: { dossierId: string }) {
  const { m } = useI18n();
  const t = m.documents;
  const titleId = useId();
  const [result, setResult] = useState<VerificationView | null>(null);
  const base = `/api/v1/dossiers/${encodeURIComponent(dossierId)}/result`;

  useEffect(() => {
    let live = true;
    request<VerificationView>('GET', `${base}/verification`).then(
      (value) => live && setResult(value),
      () => live && setResult(null),
    );
    return () => {
      live = false;
    };
  }, [base]);

  if (!result) {
    return null;
  }
  // Several signatures (leader, then the agency seal): the panel summarises each.
  return (
    <section className="card" aria-labelledby={titleId} data-testid="signed-result">
      <h2 id={titleId}>{m.lookup.signedResultTitle}</h2>
      <p>
        <a href={base} download>
          {m.lookup.signedResultDownload}
        </a>
      </p>
      <Alert kind={result.valid ? 'success' : 'error'}>
        <p>{result.signatures.length === 0 ? t.noSignature : result.valid ? t.valid : t.invalid}</p>
        {result.signatures.length > 0 ? (
          <p data-testid="signature-count">
            {t.signatureCount(result.signatures.filter((s) => s.valid).length, result.signatures.length)}
          </p>
        ) : null}
      </Alert>
      {result.signatures.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: signatures keep their order in the file.
        <div key={i} className="signature-part" data-testid="signature">
          <h3>
            {t.signatureN(i + 1)}: {s.valid ? t.valid : t.invalid}
          </h3>
          <SignatureFacts signature={s} when={formatVietnamTime} last={i === result.signatures.length - 1} />
        </div>
      ))}
      <DocumentTimestamps timestamps={result.documentTimestamps} when={formatVietnamTime} />
      {result.demoTrust ? <p className="hint">{t.demoTrust}</p> : null}
    </section>
  );
}
