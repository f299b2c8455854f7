// Catalogue search (R3): over the versions in force on a day, ignoring diacritics and case
// (search_key = f_unaccent(lower(name)), stored; the query folded with foldVietnamese), exact and
// prefix matches first, then phrase and all-words matches, then near matches by trigram word
// similarity (a typo). Vietnamese alphabetical order uses sort_key, the collation key computed in
// the application (PGlite has no ICU), compared bytewise; so the database can page in order.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from './catalogue.repository.ts';

export interface SearchFilters {
  /** Folded query (foldVietnamese), or undefined for browsing. */
  folded?: string;
  /** The query as typed, trimmed (for code matches). */
  raw?: string;
  sectorIds?: string[];
  level?: 'province' | 'district' | 'commune';
  agencyId?: string;
  online?: 'full' | 'partial' | 'none' | 'any';
  immediate?: boolean;
  today: string;
}

export type SortOrder = 'relevance' | 'name' | 'views';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
// Many published names start with "Thủ tục …"; exact and prefix matches ignore that word pair.
const PREFIX = 'thu tuc ';
// Near matches (a typo) are looked for only when no name contains every word; at most MAX_NEAR.
const MAX_NEAR = 50;
// National code (1.001193) or a local code with a digit (AH-LLTP-01).
const CODE_LIKE = /^(?:[0-9]\.[0-9]{6}|[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*[._-][0-9]+)$/;

function baseQuery(db: Executor, filters: SearchFilters) {
  const { today } = filters;
  let query = db
    .selectFrom('procedureVersions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedureId')
    .where('v.status', '<>', 'draft')
    .where('v.effectiveFrom', '<=', today)
    .where((eb) => eb.or([eb('v.effectiveTo', 'is', null), eb('v.effectiveTo', '>', today)]));
  if (filters.sectorIds) {
    query = query.where(
      'v.sectorId',
      'in',
      filters.sectorIds.length > 0 ? filters.sectorIds : ['00000000-0000-0000-0000-000000000000'],
    );
  }
  if (filters.level) {
    query = query.where(sql<SqlBool>`${filters.level} = ANY(v.levels)`);
  }
  if (filters.agencyId) {
    const agencyId = filters.agencyId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('procedureVersionAgencies as a')
          .select('a.agencyId')
          .whereRef('a.versionId', '=', 'v.id')
          .where('a.agencyId', '=', agencyId),
      ),
    );
  }
  if (filters.online === 'any') {
    query = query.where('v.onlineLevel', '<>', 'none');
  } else if (filters.online) {
    query = query.where('v.onlineLevel', '=', filters.online);
  }
  if (filters.immediate !== undefined) {
    query = query.where('v.immediateResult', '=', filters.immediate);
  }
  return query;
}

/** One page of matching versions in order, and how many match in all. */
export async function searchPage(
  db: Executor,
  filters: SearchFilters,
  order: SortOrder,
  page: number,
  pageSize: number,
): Promise<{ versionIds: string[]; total: number }> {
  const folded = filters.folded ?? '';
  const words = folded.split(' ').filter((w) => w.length > 0);
  let query = baseQuery(db, filters);
  const base = query;
  let rank: Expression<number> | undefined;
  let fuzzyQuery: typeof query | undefined;
  let fuzzyOrder: Expression<number> | undefined;

  const code = (filters.raw ?? '').trim();
  if (words.length > 0 && CODE_LIKE.test(code)) {
    // A procedure code: looked up by code only (a national code is never a name).
    query = query.where((eb) =>
      eb.or([eb('p.nationalCode', '=', code), eb('p.localCode', '=', code.toUpperCase())]),
    );
  } else if (words.length > 0) {
    // Every word of three letters or more must appear (the GIN trigram index can answer that;
    // shorter words have no trigram and only count for the ranking).
    const like = escapeLike(folded);
    const containsAll = (list: string[]) =>
      sql<SqlBool>`(${sql.join(
        list.map((w) => sql`v.search_key LIKE ${`%${escapeLike(w)}%`}`),
        sql` AND `,
      )})`;
    const long = words.filter((w) => w.length >= 3);
    const strict = containsAll(long.length > 0 ? long : [folded]);
    const exact = sql<SqlBool>`(v.search_key = ${folded} OR v.search_key = ${PREFIX + folded})`;
    const prefix = sql<SqlBool>`(v.search_key LIKE ${`${like}%`} OR v.search_key LIKE ${`${PREFIX}${like}%`})`;
    const phrase = sql<SqlBool>`v.search_key LIKE ${`%${like}%`}`;
    query = query.where(strict);
    rank = sql<number>`CASE WHEN ${exact} THEN 0 WHEN ${prefix} THEN 1 WHEN ${phrase} THEN 2 WHEN ${containsAll(words)} THEN 3 ELSE 4 END`;
    // Near matches (a typo): trigram word similarity, only looked for when few names contain every word.
    fuzzyQuery = base.where(sql<SqlBool>`${folded} <% v.search_key`);
    fuzzyOrder = sql<number>`word_similarity(${folded}, v.search_key)`;
  }

  const ordered = (() => {
    const q = query.select('v.id');
    if (order === 'relevance' && rank) {
      return q.orderBy(rank).orderBy(sql`v.sort_key COLLATE "C"`).orderBy('v.id');
    }
    if (order === 'views') {
      return q.orderBy('p.viewCount', 'desc').orderBy(sql`v.sort_key COLLATE "C"`).orderBy('v.id');
    }
    return q.orderBy(sql`v.sort_key COLLATE "C"`).orderBy('v.id');
  })();

  if (words.length > 0) {
    // A text search reads every match anyway (to rank them): count them in the same query.
    const rows = await ordered
      .select(sql<number>`count(*) OVER ()`.as('total'))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && page > 1) {
      const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      total = Number(counted?.n ?? 0);
    }
    if (total === 0 && fuzzyQuery && fuzzyOrder) {
      const near = await fuzzyQuery
        .select('v.id')
        .orderBy(fuzzyOrder, 'desc')
        .orderBy(sql`v.sort_key COLLATE "C"`)
        .limit(MAX_NEAR)
        .execute();
      return {
        versionIds: near.slice((page - 1) * pageSize, page * pageSize).map((r) => r.id),
        total: near.length,
      };
    }
    return { versionIds: rows.map((r) => r.id), total };
  }
  // Browsing: the page and the count are separate queries, so the page can walk the sort-key index.
  const [rows, counted] = await Promise.all([
    ordered
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  const total = Number(counted?.n ?? 0);
  return { versionIds: rows.map((r) => r.id), total };
}
