// Public reads of the catalogue (R2, R3, R6): search with filters and paging, the procedure page
// (the version in force, with agencies, forms and the next scheduled version), and counts for
// browsing by sector, level and agency.
import { sql } from 'kysely';
import { isPublished, upcomingVersion, versionInForce } from '../../domain/catalogue/versions.ts';
import { cleanText, foldVietnamese } from '../../domain/text/vietnamese.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { errors } from '../../platform/http/errors.ts';
import { catalogueErrors } from './catalogue.errors.ts';
import {
  countView,
  type Executor,
  findProcedure,
  listVersionRows,
  listVersions,
  summaryOf,
} from './catalogue.repository.ts';
import type {
  AgencyRef,
  CatalogueStats,
  FileRef,
  ProcedureDetail,
  ProcedureListItem,
  ProcedureListQuery,
} from './catalogue.schemas.ts';
import { type SearchFilters, searchPage } from './catalogue-search.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface SectorRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  parentId: string | null;
}

async function loadSectors(db: Executor): Promise<Map<string, SectorRow>> {
  const rows = await db.selectFrom('sectors').select(['id', 'code', 'name', 'nameEn', 'parentId']).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function sectorAndField(sectors: Map<string, SectorRow>, sectorId: string) {
  const own = sectors.get(sectorId);
  const ref = (s: SectorRow | undefined) =>
    s ? { id: s.id, code: s.code, name: s.name, nameEn: s.nameEn } : null;
  if (!own) {
    return { sector: null, field: null };
  }
  if (own.parentId) {
    return { sector: ref(sectors.get(own.parentId)), field: ref(own) };
  }
  return { sector: ref(own), field: null };
}

async function resolveFilters(
  db: Executor,
  query: ProcedureListQuery,
  today: string,
): Promise<SearchFilters> {
  const filters: SearchFilters = { today };
  // Control characters (NUL above all) would reach PostgreSQL in the raw-text match and fail there.
  const q = query.q === undefined ? undefined : cleanText(query.q);
  if (q) {
    filters.folded = foldVietnamese(q);
    filters.raw = q;
  }
  if (query.sector) {
    const sectors = await loadSectors(db);
    const match = [...sectors.values()].find(
      (s) => s.id === query.sector || s.code === query.sector?.toUpperCase(),
    );
    filters.sectorIds = match
      ? [match.id, ...[...sectors.values()].filter((s) => s.parentId === match.id).map((s) => s.id)]
      : [];
  }
  if (query.agency) {
    const agency = await db
      .selectFrom('agencies')
      .select('id')
      .where(UUID.test(query.agency) ? 'id' : 'code', '=', query.agency)
      .executeTakeFirst();
    filters.agencyId = agency?.id ?? '00000000-0000-0000-0000-000000000000';
  }
  if (query.level) {
    filters.level = query.level;
  }
  if (query.online) {
    filters.online = query.online;
  }
  if (query.immediate !== undefined) {
    filters.immediate = query.immediate;
  }
  return filters;
}

export async function searchProcedures(
  db: Executor,
  query: ProcedureListQuery,
  today = todayInVietnam(),
): Promise<{ items: ProcedureListItem[]; total: number; page: number; pageSize: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filters = await resolveFilters(db, query, today);
  const order = query.sort ?? (filters.folded ? 'relevance' : 'name');
  const { versionIds, total } = await searchPage(db, filters, order, page, pageSize);
  return { items: await hydrate(db, versionIds), total, page, pageSize };
}

async function hydrate(db: Executor, versionIds: string[]): Promise<ProcedureListItem[]> {
  if (versionIds.length === 0) {
    return [];
  }
  // One query: the versions, their field and sector, and their agencies (aggregated as JSON).
  const rows = await db
    .selectFrom('procedureVersions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedureId')
    .leftJoin('sectors as f', 'f.id', 'v.sectorId')
    .leftJoin('sectors as s', 's.id', 'f.parentId')
    .select([
      'p.id',
      'p.nationalCode',
      'p.localCode',
      'p.viewCount',
      'v.id as versionId',
      'v.name',
      'v.nameEn',
      'v.levels',
      'v.onlineLevel',
      'v.legacyLevel',
      'v.immediateResult',
      'v.timeValue',
      'v.timeUnit',
      'v.onlineTimeValue',
      sql<string | null>`v.content->>'timeNote'`.as('timeNote'),
      sql<SectorRow | null>`CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('id', f.id, 'code', f.code, 'name', f.name, 'nameEn', f.name_en, 'parentId', f.parent_id) END`.as(
        'own',
      ),
      sql<SectorRow | null>`CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'nameEn', s.name_en, 'parentId', s.parent_id) END`.as(
        'parent',
      ),
      sql<Array<{ id: string; code: string; name: string }>>`coalesce((
        SELECT json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name) ORDER BY a.sort_order, a.code)
        FROM procedure_version_agencies pva JOIN agencies a ON a.id = pva.agency_id
        WHERE pva.version_id = v.id), '[]'::json)`.as('agencies'),
    ])
    .where('v.id', 'in', versionIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.versionId, r]));
  return versionIds.flatMap((versionId) => {
    const r = byId.get(versionId);
    if (!r) {
      return [];
    }
    return [
      {
        id: r.id,
        versionId: r.versionId,
        code: r.nationalCode ?? r.localCode,
        nationalCode: r.nationalCode,
        localCode: r.localCode,
        name: r.name,
        nameEn: r.nameEn,
        ...sectorAndField(
          new Map([r.own, r.parent].flatMap((x) => (x ? [[x.id, x] as const] : []))),
          r.own?.id ?? '',
        ),
        levels: r.levels,
        onlineLevel: r.onlineLevel,
        legacyLevel: r.legacyLevel,
        immediateResult: r.immediateResult,
        processingTime: {
          value: r.timeValue,
          unit: r.timeUnit,
          onlineValue: r.onlineTimeValue,
          note: r.timeNote,
        },
        agencies: r.agencies,
        views: Number(r.viewCount),
      },
    ];
  });
}

async function agencyRefs(db: Executor, ids: string[]): Promise<Map<string, AgencyRef>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'nameEn', 'level', 'address', 'email', 'hotline'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export function fileUrl(fileId: string): string {
  return `/api/v1/procedure-files/${fileId}`;
}

export async function fileRefs(db: Executor, ids: string[]): Promise<FileRef[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('procedureFiles')
    .select(['id', 'fileName', 'size', 'mediaType'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size), url: fileUrl(r.id) }));
}

/** The procedure page: the version in force on `onDate` (404 when none: not yet in force or abolished). */
export async function getProcedureDetail(
  db: Executor,
  idOrCode: string,
  options: { onDate?: string; versionId?: string; countView?: boolean } = {},
): Promise<ProcedureDetail> {
  const onDate = options.onDate ?? todayInVietnam();
  const procedure = await findProcedure(db, idOrCode);
  if (!procedure) {
    throw errors.notFound();
  }
  const versions = await listVersions(db, procedure.id);
  // A dossier is shown with the version it was received under (R34), even once that version has
  // been replaced or the procedure abolished.
  const version = options.versionId
    ? versions.find((v) => v.id === options.versionId && isPublished(v))
    : versionInForce(versions, onDate);
  if (!version && options.versionId) {
    throw errors.notFound();
  }
  if (!version) {
    throw procedure.abolishedFrom && procedure.abolishedFrom <= onDate
      ? catalogueErrors.abolished(procedure.abolishedFrom)
      : errors.notFound();
  }
  if (options.countView) {
    await countView(db, procedure.id);
  }
  const agencyIds = [
    ...version.performingAgencyIds,
    ...(version.deskAgencyId ? [version.deskAgencyId] : []),
    ...(version.decidingAgencyId ? [version.decidingAgencyId] : []),
  ];
  const [agencies, sectors, files] = await Promise.all([
    agencyRefs(db, agencyIds),
    loadSectors(db),
    fileRefs(
      db,
      version.components.flatMap((c) => c.formFileIds),
    ),
  ]);
  const rows = await listVersionRows(db, procedure.id);
  const next = upcomingVersion(rows, onDate);
  return {
    id: procedure.id,
    code: procedure.nationalCode ?? procedure.localCode,
    nationalCode: procedure.nationalCode,
    localCode: procedure.localCode,
    views: Number(procedure.viewCount) + (options.countView ? 1 : 0),
    abolishedFrom: procedure.abolishedFrom,
    version,
    ...sectorAndField(sectors, version.sectorId),
    performingAgencies: version.performingAgencyIds.flatMap((id) => agencies.get(id) ?? []),
    deskAgency: (version.deskAgencyId && agencies.get(version.deskAgencyId)) || null,
    decidingAgency: (version.decidingAgencyId && agencies.get(version.decidingAgencyId)) || null,
    files,
    upcoming: next ? summaryOf(next) : null,
  };
}

/** Counts of procedures in force, for browsing (home page, agencies directory). */
export async function catalogueStats(db: Executor, today = todayInVietnam()): Promise<CatalogueStats> {
  const inForce = db
    .selectFrom('procedureVersions as v')
    .where('v.status', '<>', 'draft')
    .where('v.effectiveFrom', '<=', today)
    .where((eb) => eb.or([eb('v.effectiveTo', 'is', null), eb('v.effectiveTo', '>', today)]));
  const [total, byAgency, bySector, byLevel, byOnline] = await Promise.all([
    inForce.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    inForce
      .innerJoin('procedureVersionAgencies as a', 'a.versionId', 'v.id')
      .select(['a.agencyId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('a.agencyId')
      .execute(),
    inForce
      .select(['v.sectorId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('v.sectorId')
      .execute(),
    inForce
      .select([sql<string>`unnest(v.levels)`.as('level'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`unnest(v.levels)`)
      .execute(),
    inForce
      .select(['v.onlineLevel', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('v.onlineLevel')
      .execute(),
  ]);
  // A field's procedures also count for its sector.
  const sectors = await loadSectors(db);
  const sectorCounts = new Map<string, number>();
  for (const row of bySector) {
    const own = sectors.get(row.sectorId);
    for (const id of [row.sectorId, own?.parentId].filter((x): x is string => Boolean(x))) {
      sectorCounts.set(id, (sectorCounts.get(id) ?? 0) + Number(row.n));
    }
  }
  return {
    procedures: Number(total?.n ?? 0),
    byAgency: byAgency.map((r) => ({ agencyId: r.agencyId, procedures: Number(r.n) })),
    bySector: [...sectorCounts].map(([sectorId, procedures]) => ({ sectorId, procedures })),
    byLevel: byLevel.map((r) => ({
      level: r.level as 'province' | 'district' | 'commune',
      procedures: Number(r.n),
    })),
    byOnlineLevel: byOnline.map((r) => ({ onlineLevel: r.onlineLevel, procedures: Number(r.n) })),
  };
}

/** Procedures in force per agency and per sector (a field counts for its sector too), as maps. */
export async function countProceduresInForce(
  db: Executor,
  today = todayInVietnam(),
): Promise<{ byAgency: Map<string, number>; bySector: Map<string, number> }> {
  const stats = await catalogueStats(db, today);
  return {
    byAgency: new Map(stats.byAgency.map((a) => [a.agencyId, a.procedures])),
    bySector: new Map(stats.bySector.map((s) => [s.sectorId, s.procedures])),
  };
}
