// The catalogue on the portal home (R3, R6): browse by sector, by level, by agency, and the most
// viewed procedures.
import { catalogueApi } from '../../api/catalogue.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../ui/router.tsx';
import '../../ui/catalogue.css';

export function BrowseBySector() {
  const { m, pick } = useI18n();
  const c = m.catalogue;
  const data = useAsync(() => Promise.all([catalogueApi.sectors(), catalogueApi.stats()]), 'home-sectors');
  if (data.status !== 'ready') {
    return <p className="hint">{data.status === 'error' ? c.loadError : m.common.loading}</p>;
  }
  const [sectors, stats] = data.data;
  const count = new Map(stats.bySector.map((s) => [s.sectorId, s.procedures]));
  const top = sectors.items.filter((s) => !s.parentId && (count.get(s.id) ?? 0) > 0);
  return (
    <>
      <ul className="sector-grid">
        {top.map((sector) => (
          <li key={sector.id}>
            <Link href={`/thu-tuc?sector=${encodeURIComponent(sector.code)}`}>
              <span>{pick({ vi: sector.name, en: sector.nameEn ?? sector.name })}</span>
              <span className="count">{c.procedureCount(count.get(sector.id) ?? 0)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <h3 className="proc-section">{c.browseLevelTitle}</h3>
      <ul className="sector-grid">
        {stats.byLevel.map((level) => (
          <li key={level.level}>
            <Link href={`/thu-tuc?level=${level.level}`}>
              <span>{c.levels[level.level]}</span>
              <span className="count">{c.procedureCount(level.procedures)}</span>
            </Link>
          </li>
        ))}
        {stats.byOnlineLevel
          .filter((o) => o.onlineLevel !== 'none')
          .map((o) => (
            <li key={o.onlineLevel}>
              <Link href={`/thu-tuc?online=${o.onlineLevel}`}>
                <span>{c.online[o.onlineLevel]}</span>
                <span className="count">{c.procedureCount(o.procedures)}</span>
              </Link>
            </li>
          ))}
      </ul>
      <h3 className="proc-section">{c.browseAgencyTitle}</h3>
      <p>
        <Link href="/co-quan">{c.browseAgencyLink}</Link>
      </p>
    </>
  );
}

export function PopularProcedures() {
  const { m, pick } = useI18n();
  const c = m.catalogue;
  const data = useAsync(() => catalogueApi.search({ sort: 'views', pageSize: 6 }), 'home-popular');
  if (data.status !== 'ready') {
    return <p className="hint">{data.status === 'error' ? c.loadError : m.common.loading}</p>;
  }
  return (
    <>
      <ol className="link-list">
        {data.data.items.map((item) => (
          <li key={item.id}>
            <Link href={`/thu-tuc/${item.id}`}>{pick({ vi: item.name, en: item.nameEn ?? item.name })}</Link>{' '}
            <span className="count">({c.views(item.views)})</span>
          </li>
        ))}
      </ol>
      <p>
        <Link href="/thu-tuc">{c.allProcedures}</Link>
      </p>
    </>
  );
}
