// Back-office reads: every procedure with its latest version (drafts, scheduled and abolished
// included), and one procedure with all its versions and files.
import { upcomingVersion, versionInForce } from '../../domain/catalogue/versions.ts';
import { compareVietnamese, foldVietnamese } from '../../domain/text/vietnamese.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { errors } from '../../platform/http/errors.ts';
import { type Executor, findProcedure, listVersions } from './catalogue.repository.ts';
import type { AdminListItem, AdminListQuery, AdminProcedure } from './catalogue-admin.schemas.ts';
import { fileUrl } from './catalogue-read.service.ts';

export async function listProceduresForAdmin(
  db: Executor,
  query: AdminListQuery,
  today = todayInVietnam(),
): Promise<{ items: AdminListItem[]; total: number; page: number; pageSize: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const [procedures, versions, agencies] = await Promise.all([
    db.selectFrom('procedures').selectAll().execute(),
    db
      .selectFrom('procedureVersions')
      .select(['id', 'procedureId', 'number', 'status', 'name', 'effectiveFrom', 'effectiveTo'])
      .execute(),
    db
      .selectFrom('procedureVersionAgencies as pva')
      .innerJoin('agencies as a', 'a.id', 'pva.agencyId')
      .select(['pva.versionId', 'a.id', 'a.code', 'a.name'])
      .execute(),
  ]);
  const byProcedure = new Map<string, typeof versions>();
  for (const v of versions) {
    byProcedure.set(v.procedureId, [...(byProcedure.get(v.procedureId) ?? []), v]);
  }
  const folded = query.q ? foldVietnamese(query.q) : '';
  const items: AdminListItem[] = [];
  for (const p of procedures) {
    const list = (byProcedure.get(p.id) ?? []).sort((a, b) => a.number - b.number);
    const latest = list.at(-1);
    if (!latest) {
      continue;
    }
    const inForce = versionInForce(list, today);
    const scheduled = upcomingVersion(list, today);
    const hasDraft = list.some((v) => v.status === 'draft');
    if (
      folded &&
      !foldVietnamese(latest.name).includes(folded) &&
      !(p.nationalCode ?? '').includes(folded) &&
      !p.localCode.toLowerCase().includes(folded)
    ) {
      continue;
    }
    if (query.status === 'in_force' && !inForce) {
      continue;
    }
    if (query.status === 'draft' && !hasDraft) {
      continue;
    }
    if (query.status === 'abolished' && !p.abolishedFrom) {
      continue;
    }
    if (query.status === 'scheduled' && !scheduled) {
      continue;
    }
    const shown = inForce ?? list.filter((v) => v.status !== 'draft').at(-1) ?? latest;
    items.push({
      id: p.id,
      code: p.nationalCode ?? p.localCode,
      nationalCode: p.nationalCode,
      localCode: p.localCode,
      name: latest.name,
      latestNumber: latest.number,
      latestStatus: latest.status,
      inForceNumber: inForce?.number ?? null,
      hasDraft,
      scheduledFrom: scheduled?.effectiveFrom ?? null,
      abolishedFrom: p.abolishedFrom,
      agencies: agencies
        .filter((a) => a.versionId === shown.id)
        .map(({ id, code, name }) => ({ id, code, name })),
      updatedAt: new Date(p.updatedAt).toISOString(),
    });
  }
  items.sort((a, b) => compareVietnamese(a.name, b.name));
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

export async function getProcedureForAdmin(
  db: Executor,
  id: string,
  today = todayInVietnam(),
): Promise<AdminProcedure> {
  const procedure = await findProcedure(db, id);
  if (!procedure) {
    throw errors.notFound();
  }
  const [versions, files] = await Promise.all([
    listVersions(db, procedure.id),
    db
      .selectFrom('procedureFiles')
      .select(['id', 'fileName', 'size', 'mediaType'])
      .where('procedureId', '=', procedure.id)
      .orderBy('createdAt')
      .execute(),
  ]);
  return {
    id: procedure.id,
    code: procedure.nationalCode ?? procedure.localCode,
    nationalCode: procedure.nationalCode,
    localCode: procedure.localCode,
    abolishedFrom: procedure.abolishedFrom,
    abolitionDecisionNumber: procedure.abolitionDecisionNumber,
    views: Number(procedure.viewCount),
    inForceVersionId: versionInForce(versions, today)?.id ?? null,
    versions,
    files: files.map((f) => ({ ...f, size: Number(f.size), url: fileUrl(f.id) })),
  };
}
