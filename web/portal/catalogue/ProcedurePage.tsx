// The procedure page (R2; TT 32/2017 Điều 5): every component of the version in force — steps,
// ways, dossier components with forms, time limit, subjects, agencies, result, fees in VND,
// requirements, legal basis and publication decision, responsibilities — and the online button.
import type { ProcedureDetail } from '../../api/catalogue.ts';
import { catalogueApi } from '../../api/catalogue.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { feeText, formatDate, timeLimitText } from '../../catalogue/format.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import '../../ui/catalogue.css';

export function ProcedurePage({ id }: { id: string }) {
  const { m, lang } = useI18n();
  const data = useAsync(() => catalogueApi.procedure(id), id);
  if (data.status === 'loading') {
    return (
      <p className="page" aria-live="polite">
        {m.common.loading}
      </p>
    );
  }
  if (data.status === 'error') {
    const gone = data.error instanceof ApiError && [404, 410].includes(data.error.status);
    return (
      <div className="page">
        <h1>{m.catalogue.searchTitle}</h1>
        <Alert kind="error">
          {gone ? `${errorMessage(data.error, lang)} ${m.catalogue.notFound}` : m.catalogue.loadError}
        </Alert>
        <Link href="/thu-tuc">{m.catalogue.allProcedures}</Link>
      </div>
    );
  }
  return <ProcedureView p={data.data} />;
}

function ProcedureView({ p }: { p: ProcedureDetail }) {
  const { m, pick } = useI18n();
  const c = m.catalogue;
  const v = p.version;
  const name = pick({ vi: v.name, en: v.nameEn ?? v.name });
  const files = new Map(p.files.map((f) => [f.id, f]));
  const online = v.onlineLevel !== 'none';
  const agencyName = (a: { name: string; nameEn: string | null }) =>
    pick({ vi: a.name, en: a.nameEn ?? a.name });

  return (
    <article className="page" aria-labelledby="procedure-title">
      <nav className="breadcrumb" aria-label={c.breadcrumb}>
        <ol>
          <li>
            <Link href="/">{m.portal.navHome}</Link>
          </li>
          <li>
            <Link href="/thu-tuc">{c.searchTitle}</Link>
          </li>
          {p.field ? (
            <li>
              <Link href={`/thu-tuc?sector=${encodeURIComponent(p.field.code)}`}>
                {pick({ vi: p.field.name, en: p.field.nameEn ?? p.field.name })}
              </Link>
            </li>
          ) : null}
        </ol>
      </nav>
      <header className="proc-header">
        <div>
          <h1 id="procedure-title">{name}</h1>
          <ul className="tags">
            <li className={`tag tag--${v.onlineLevel}`}>{c.online[v.onlineLevel]}</li>
            <li className="tag">{c.legacy(v.legacyLevel)}</li>
            {v.immediateResult ? <li className="tag tag--immediate">{c.immediate}</li> : null}
          </ul>
          <p className="result-meta">
            {c.code}: {p.code}
            {p.nationalCode && p.nationalCode !== p.localCode ? ` · ${p.localCode}` : ''} · {c.views(p.views)}
          </p>
        </div>
        {online ? (
          <Link className="button button--primary" href={`/nop-truc-tuyen/${p.id}`}>
            {c.submitOnline}
          </Link>
        ) : null}
      </header>
      {!online ? <Alert kind="info">{c.notOnline}</Alert> : null}
      {p.upcoming?.effectiveFrom ? (
        <Alert kind="info">
          {c.upcoming(formatDate(p.upcoming.effectiveFrom), p.upcoming.decisionNumber ?? '')}
        </Alert>
      ) : null}

      <section className="proc-section card" aria-labelledby="summary-title">
        <h2 id="summary-title">{c.summary}</h2>
        <dl className="proc-facts">
          <dt>{c.fieldLabel}</dt>
          <dd>
            {[p.sector, p.field]
              .filter((s) => s !== null)
              .map((s) => pick({ vi: s.name, en: s.nameEn ?? s.name }))
              .join(' › ')}
          </dd>
          <dt>{c.levelLabel}</dt>
          <dd>{v.levels.map((l) => c.levels[l]).join(', ')}</dd>
          <dt>{c.timeLimit}</dt>
          <dd>
            {timeLimitText(c, v.processingTime)}
            {v.processingTime.note ? <span className="hint"> — {v.processingTime.note}</span> : null}
          </dd>
          <dt>{c.fees}</dt>
          <dd>
            {v.fees.length === 0
              ? c.noFees
              : v.fees.map((fee) => (
                  <div key={fee.name}>
                    {c.feeKind[fee.kind]}: {fee.name} — <strong>{feeText(c, fee.amountVnd)}</strong>
                    {fee.exemptions ? <span className="hint"> ({fee.exemptions})</span> : null}
                  </div>
                ))}
          </dd>
          <dt>{c.whereToSubmit}</dt>
          <dd>
            {p.deskAgency ? (
              <>
                <strong>{agencyName(p.deskAgency)}</strong>
                {p.deskAgency.address ? `, ${p.deskAgency.address}` : ''}
                {p.deskAgency.hotline ? ` · ${c.hotline}: ${p.deskAgency.hotline}` : ''}
              </>
            ) : (
              v.whereToSubmit
            )}
          </dd>
          <dt>{c.performingAgencies}</dt>
          <dd>
            {p.performingAgencies.length === 0
              ? v.decidingAuthority
              : p.performingAgencies.map((a) => (
                  <div key={a.id}>
                    <Link href={`/co-quan#${a.code}`}>{agencyName(a)}</Link>
                  </div>
                ))}
          </dd>
          <dt>{c.decidingAuthority}</dt>
          <dd>{v.decidingAuthority}</dd>
          <dt>{c.subjectsLabel}</dt>
          <dd>{v.subjects.map((s) => c.subjects[s]).join(', ')}</dd>
          <dt>{c.result}</dt>
          <dd>{v.result.name}</dd>
        </dl>
      </section>

      <section className="proc-section" aria-labelledby="steps-title">
        <h2 id="steps-title">{c.steps}</h2>
        <ol>
          {v.steps.map((step) => (
            <li key={step.title}>
              <strong>{step.title}.</strong> {step.description}
            </li>
          ))}
        </ol>
      </section>

      <section className="proc-section" aria-labelledby="ways-title">
        <h2 id="ways-title">{c.ways}</h2>
        <ul>
          {v.ways.map((way) => (
            <li key={way.channel}>
              <strong>{c.channel[way.channel]}</strong>
              {way.note ? `: ${way.note}` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section className="proc-section" aria-labelledby="components-title">
        <h2 id="components-title">{c.components}</h2>
        {v.components.length === 0 ? (
          <p>{c.noRequirements}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{c.componentName}</th>
                  <th scope="col">{c.kind}</th>
                  <th scope="col">{c.quantity}</th>
                  <th scope="col">{c.forms}</th>
                </tr>
              </thead>
              <tbody>
                {v.components.map((component) => (
                  <tr key={component.key}>
                    <td>
                      {component.name}
                      <div className="hint">
                        {component.required ? c.required : c.conditional(component.condition ?? '')}
                      </div>
                      {component.eform ? <div className="tag tag--partial">{c.hasEform}</div> : null}
                    </td>
                    <td data-label={c.kind}>{c.copyKind[component.copyKind]}</td>
                    <td data-label={c.quantity}>{component.quantity}</td>
                    <td data-label={c.forms}>
                      {component.formFileIds.map((fileId) => {
                        const file = files.get(fileId);
                        return file ? (
                          <a key={fileId} href={file.url} download={file.fileName}>
                            {c.download(file.fileName)} ({Math.max(1, Math.round(file.size / 1024))} KB)
                          </a>
                        ) : null;
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="proc-section" aria-labelledby="requirements-title">
        <h2 id="requirements-title">{c.requirements}</h2>
        {v.requirements.length === 0 ? (
          <p>{c.noRequirements}</p>
        ) : (
          <ul>
            {v.requirements.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="proc-section" aria-labelledby="legal-title">
        <h2 id="legal-title">{c.legalBasis}</h2>
        <ul>
          {v.legalBasis.map((law) => (
            <li key={law}>{law}</li>
          ))}
        </ul>
        {v.decisionNumber && v.effectiveFrom ? (
          <p className="hint">
            {c.publication(v.decisionNumber, formatDate(v.decisionDate), formatDate(v.effectiveFrom))}
          </p>
        ) : null}
      </section>

      {v.responsibilities.length > 0 ? (
        <section className="proc-section" aria-labelledby="resp-title">
          <h2 id="resp-title">{c.responsibilities}</h2>
          <ul>
            {v.responsibilities.map((r) => (
              <li key={r.party}>
                <strong>{c.party[r.party]}:</strong> {r.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
