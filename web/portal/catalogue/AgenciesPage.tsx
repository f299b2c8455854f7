// Agencies directory (R1): each agency with its one-stop desk, address, e-mail, hotline and the
// number of procedures it performs, linking to them.
import { catalogueApi } from '../../api/catalogue.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import '../../ui/catalogue.css';

export function AgenciesPage() {
  const { m, pick } = useI18n();
  const c = m.catalogue;
  const data = useAsync(() => Promise.all([catalogueApi.agencies(), catalogueApi.stats()]), 'agencies');
  if (data.status !== 'ready') {
    return (
      <div className="page">
        <h1>{c.agenciesTitle}</h1>
        {data.status === 'error' ? <Alert kind="error">{c.loadError}</Alert> : <p>{m.common.loading}</p>}
      </div>
    );
  }
  const [agencies, stats] = data.data;
  const counts = new Map(stats.byAgency.map((a) => [a.agencyId, a.procedures]));
  const byId = new Map(agencies.items.map((a) => [a.id, a]));
  const shown = agencies.items.filter((a) => a.kind !== 'unit');
  const groups = (['province', 'district', 'commune'] as const)
    .map((level) => ({ level, items: shown.filter((a) => a.level === level) }))
    .filter((g) => g.items.length > 0);
  return (
    <div className="page">
      <h1>{c.agenciesTitle}</h1>
      <p>{c.agenciesLead}</p>
      {groups.map((group) => (
        <section key={group.level} className="proc-section" aria-labelledby={`level-${group.level}`}>
          <h2 id={`level-${group.level}`}>{c.levels[group.level]}</h2>
          <ul className="agency-list">
            {group.items.map((agency) => {
              const count = counts.get(agency.id) ?? 0;
              const desk = agency.deskAgencyId ? byId.get(agency.deskAgencyId) : undefined;
              return (
                <li key={agency.id} id={agency.code} className="card">
                  <h3>{pick({ vi: agency.name, en: agency.nameEn ?? agency.name })}</h3>
                  <dl className="proc-facts">
                    <dt>{c.agencyCode}</dt>
                    <dd>{agency.code}</dd>
                    {agency.address ? (
                      <>
                        <dt>{c.address}</dt>
                        <dd>{agency.address}</dd>
                      </>
                    ) : null}
                    {agency.email ? (
                      <>
                        <dt>{c.email}</dt>
                        <dd>
                          <a href={`mailto:${agency.email}`}>{agency.email}</a>
                        </dd>
                      </>
                    ) : null}
                    {agency.hotline ? (
                      <>
                        <dt>{c.hotline}</dt>
                        <dd>
                          <a href={`tel:${agency.hotline.replace(/[^0-9+]/g, '')}`}>{agency.hotline}</a>
                        </dd>
                      </>
                    ) : null}
                    {desk ? (
                      <>
                        <dt>{c.desk}</dt>
                        <dd>{c.deskAt(pick({ vi: desk.name, en: desk.nameEn ?? desk.name }))}</dd>
                      </>
                    ) : null}
                  </dl>
                  <p>
                    {count > 0 ? (
                      <Link href={`/thu-tuc?agency=${encodeURIComponent(agency.code)}`}>
                        {c.proceduresOf(count)}
                      </Link>
                    ) : (
                      <span className="hint">{c.noProcedures}</span>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
