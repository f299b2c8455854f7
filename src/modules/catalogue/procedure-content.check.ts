// Checks of a version's content that a JSON schema cannot express: references to sectors, agencies
// and form files exist; dossier component keys are unique; a conditional component states its
// condition; the online level agrees with the ways of doing it; e-forms are consistent. Texts are
// stored NFC without invisible characters (security goal 13).
import { cleanLine, cleanText } from '../../domain/text/vietnamese.ts';
import { errors } from '../../platform/http/errors.ts';
import type { Executor } from './catalogue.repository.ts';
import { eformProblems } from './eform.service.ts';
import type { ProcedureContent } from './procedure-content.schemas.ts';

const LINE_KEYS = new Set(['name', 'nameEn', 'title', 'decidingAuthority', 'vi', 'en']);

function clean(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    return LINE_KEYS.has(key) ? cleanLine(value) : cleanText(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => clean(item, key));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, k)]));
  }
  return value;
}

const fail = (field: string, vi: string, en: string) => errors.validation(field, { vi, en });

export async function checkContent(
  db: Executor,
  procedureId: string | null,
  raw: ProcedureContent,
): Promise<ProcedureContent> {
  const content = clean(raw) as ProcedureContent;
  if (!content.name) {
    throw fail('name', 'Vui lòng nhập tên thủ tục.', 'Please enter the procedure name.');
  }
  const sector = await db
    .selectFrom('sectors')
    .select('id')
    .where('id', '=', content.sectorId)
    .executeTakeFirst();
  if (!sector) {
    throw fail('sectorId', 'Lĩnh vực không tồn tại.', 'The sector or field does not exist.');
  }
  const agencyIds = [
    ...content.performingAgencyIds,
    ...(content.deskAgencyId ? [content.deskAgencyId] : []),
    ...(content.decidingAgencyId ? [content.decidingAgencyId] : []),
  ];
  if (agencyIds.length > 0) {
    const found = await db.selectFrom('agencies').select('id').where('id', 'in', agencyIds).execute();
    const known = new Set(found.map((a) => a.id));
    const missing = agencyIds.find((id) => !known.has(id));
    if (missing) {
      throw fail('performingAgencyIds', 'Cơ quan không tồn tại.', `Agency ${missing} does not exist.`);
    }
  }
  const keys = new Set<string>();
  for (const [index, component] of content.components.entries()) {
    if (keys.has(component.key)) {
      throw fail(
        `components/${index}/key`,
        'Mã thành phần hồ sơ bị trùng.',
        'Two dossier components share a key.',
      );
    }
    keys.add(component.key);
    if (!component.required && !component.condition) {
      throw fail(
        `components/${index}/condition`,
        'Thành phần hồ sơ không bắt buộc phải ghi rõ trường hợp phải nộp.',
        'A conditional dossier component must state its condition.',
      );
    }
    if (component.eform) {
      const problems = eformProblems(component.eform);
      const first = problems[0];
      if (first) {
        throw errors.validation(`components/${index}/eform/${first.path}`, first.message);
      }
    }
  }
  const fileIds = content.components.flatMap((c) => c.formFileIds);
  if (fileIds.length > 0) {
    const files = await db
      .selectFrom('procedureFiles')
      .select('id')
      .where('id', 'in', fileIds)
      .where('procedureId', '=', procedureId ?? '00000000-0000-0000-0000-000000000000')
      .execute();
    if (files.length !== new Set(fileIds).size) {
      throw fail(
        'components',
        'Tệp mẫu đơn không thuộc thủ tục này.',
        'A form file does not belong to this procedure.',
      );
    }
  }
  const online = content.ways.some((w) => w.channel === 'online');
  if (online !== (content.onlineLevel !== 'none')) {
    throw fail(
      'onlineLevel',
      'Mức độ trực tuyến phải khớp với cách thức thực hiện (có hoặc không có nộp trực tuyến).',
      'The online level must agree with the ways of doing it (online or not).',
    );
  }
  if (
    content.processingTime.unit === 'immediate' &&
    (content.processingTime.value !== 0 || !content.immediateResult)
  ) {
    throw fail(
      'processingTime',
      'Thủ tục giải quyết ngay phải có thời hạn 0 và đánh dấu trả kết quả ngay.',
      'An immediate procedure has a time limit of 0 and the immediate-result flag.',
    );
  }
  const ways = new Set(content.ways.map((w) => w.channel));
  if (ways.size !== content.ways.length) {
    throw fail('ways', 'Cách thức thực hiện bị lặp.', 'A way of doing it appears twice.');
  }
  return content;
}
