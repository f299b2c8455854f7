// Issue 8: the official slips of one real dossier — Mẫu 01 receipt and appointment, 02 completion
// request, 03 refusal, 04 apology — built from the dossier row, its procedure version and its history,
// and rendered with the rule set the dossier was received under and the receiving agency's wording.

import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { DossierRow, HistoryRow } from '../dossiers/dossier.repository.ts';
import { listDossierFiles } from '../dossiers/dossier.repository.ts';
import { online, timeLimitOf, versionOf } from '../dossiers/dossier-context.ts';
import { revealDossier } from '../dossiers/dossier-protection.ts';
import type {
  AgencyHeader,
  ComponentLine,
  DocumentModels,
  PartyModel,
  RuleSet,
  TimeLimitModel,
} from './document-models.ts';
import { renderOfficialDocument } from './documents.service.ts';

export const DOSSIER_DOCUMENT_KINDS = ['receipt', 'completion_request', 'refusal', 'apology'] as const;
export type DossierDocumentKind = (typeof DOSSIER_DOCUMENT_KINDS)[number];

const notAvailable = (kind: DossierDocumentKind) =>
  new AppError('DOSSIER_DOCUMENT_NOT_AVAILABLE', 409, {
    vi:
      kind === 'receipt'
        ? 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.'
        : 'Hồ sơ chưa có thông tin để lập phiếu này.',
    en:
      kind === 'receipt'
        ? 'The dossier has not been received yet, so there is no receipt.'
        : 'The dossier has nothing this slip would record.',
  });

interface Person {
  fullName?: string;
  address?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
  taxCode?: string;
}

function party(raw: unknown): PartyModel {
  const p = (raw ?? {}) as Person;
  return {
    name: p.fullName ?? '',
    ...(p.address ? { address: p.address } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.idNumber || p.taxCode ? { idNumber: (p.idNumber ?? p.taxCode) as string } : {}),
  };
}

/** The rule set's form set: TT 01/2018 forms or the ND 118/2025 (TT 03/2025) renumbered set. */
export async function formSetOf(db: Db, dossier: DossierRow): Promise<RuleSet> {
  const row = await db
    .selectFrom('ruleSets')
    .select('settings')
    .where('id', '=', dossier.ruleSetId)
    .executeTakeFirst();
  const formSet = (row?.settings as { formSet?: string } | undefined)?.formSet;
  return formSet === 'tt01_2018' ? 'tt01_2018' : 'nd118_2025';
}

async function agencyHeader(db: Db, agencyId: string): Promise<AgencyHeader> {
  const agency = await db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parentId')
    .select(['a.name', 'p.name as parentName'])
    .where('a.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const site = await db
    .selectFrom('appSettings')
    .select('value')
    .where('key', '=', 'site')
    .executeTakeFirst();
  const raw = (site?.value as { provinceName?: string | { vi?: string } } | undefined)?.provinceName;
  const province = (typeof raw === 'string' ? raw : raw?.vi) ?? '';
  const place = province.replace(/^(tỉnh|thành phố)\s+/i, '') || '';
  return {
    governingAgency: (agency.parentName ?? (province ? `UBND ${province}` : '')).toUpperCase(),
    agencyName: agency.name,
    place,
  };
}

const COPY_KIND: Record<string, keyof Omit<ComponentLine, 'name'>> = {
  original: 'originals',
  original_or_certified_copy: 'originals',
  presented: 'originals',
  certified_copy: 'certifiedCopies',
  copy: 'photocopies',
};

function timeLimitModel(limit: { value: number; unit: string }): TimeLimitModel {
  const unit = limit.unit;
  return {
    amount: limit.value,
    unit: unit === 'calendar_days' ? 'days' : unit === 'working_hours' ? 'working_hours' : 'working_days',
  };
}

const DELIVERY_PLACE: Record<string, string> = {
  desk: 'Bộ phận Một cửa nơi nộp hồ sơ',
  post: 'Gửi qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến trên Cổng dịch vụ công',
};

/** The history with each officer's full name in place of the login label printed on the slips. */
async function historyOf(db: Db, dossierId: string): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('dossierHistory as h')
    .leftJoin('users as u', 'u.id', 'h.actorId')
    .selectAll('h')
    .select('u.fullName')
    .where('h.dossierId', '=', dossierId)
    .orderBy('h.seq')
    .execute();
  return rows.map(({ fullName, ...row }) => ({ ...row, actorLabel: fullName ?? row.actorLabel }));
}

const lastOf = (history: HistoryRow[], actions: string[]) =>
  [...history].reverse().find((h) => actions.includes(h.action));

/** Builds the model of one slip; throws 409 when the dossier has no such event yet. */
export async function dossierDocumentModel(db: Db, stored: DossierRow, kind: DossierDocumentKind) {
  // The slips print the ID numbers, which are stored encrypted (goal 23).
  const dossier = await revealDossier(db, stored);
  const version = await versionOf(db, dossier);
  const agency = await agencyHeader(db, dossier.receivingAgencyId);
  const history = await historyOf(db, dossier.id);
  const applicant = party(dossier.applicant);
  const receiving = await db
    .selectFrom('agencies')
    .select('hotline')
    .where('id', '=', dossier.receivingAgencyId)
    .executeTakeFirst();
  const hotline = receiving?.hotline ?? null;
  switch (kind) {
    case 'receipt': {
      const reception = lastOf(history, ['receive', 'accept']);
      if (!reception || !dossier.receivedAt) {
        throw notAvailable(kind);
      }
      const files = (await listDossierFiles(db, dossier.id)).filter((f) => f.supersededByHistoryId === null);
      const withFiles = new Set(files.map((f) => f.componentKey));
      const formKeys = new Set(Object.keys(dossier.formData as Record<string, unknown>));
      const received = version.components.filter((c) => withFiles.has(c.key) || formKeys.has(c.key));
      const listed = received.length > 0 ? received : version.components.filter((c) => c.required);
      const components: ComponentLine[] = listed.map((c) => ({
        name: c.name,
        [COPY_KIND[c.copyKind] ?? 'originals']: c.quantity,
      }));
      const delivery = (dossier.delivery as { method?: string; address?: string }) ?? {};
      const model: DocumentModels['receipt'] = {
        agency,
        issuedAt: new Date(dossier.receivedAt),
        code: dossier.code,
        applicant,
        ...(dossier.owner ? { owner: party(dossier.owner) } : {}),
        requestContent: version.name,
        components,
        setCount: 1,
        timeLimit: timeLimitModel(timeLimitOf(version, online(dossier))),
        receivedAt: new Date(dossier.receivedAt),
        ...(dossier.dueAt ? { dueAt: new Date(dossier.dueAt) } : {}),
        deliveryPlace:
          delivery.method === 'post' && delivery.address
            ? `${DELIVERY_PLACE.post}: ${delivery.address}`
            : (DELIVERY_PLACE[delivery.method ?? 'desk'] ?? DELIVERY_PLACE.desk ?? ''),
        receiverName: reception.actorLabel,
        copyLabel: 'Liên 2: Giao người nộp hồ sơ',
      };
      return { kind, model };
    }
    case 'completion_request': {
      const entry = lastOf(history, ['request_completion']);
      if (!entry) {
        throw notAvailable(kind);
      }
      const items = (entry.items as Array<{ name: string; quantity?: number; reason?: string }>) ?? [];
      const model: DocumentModels['completion_request'] = {
        agency,
        issuedAt: new Date(entry.at),
        code: dossier.code,
        applicant,
        requestContent: version.name,
        items: items.map((i) => ({
          name: i.name,
          ...(i.quantity ? { quantity: i.quantity } : {}),
          ...(i.reason ? { note: i.reason } : {}),
        })),
        reason: entry.note ?? (entry.reasons as string[]).join('; '),
        contactOfficer: { name: entry.actorLabel, ...(hotline ? { phone: hotline } : {}) },
        guideName: entry.actorLabel,
      };
      return { kind, model };
    }
    case 'refusal': {
      const entry = lastOf(history, ['refuse']);
      if (!entry) {
        throw notAvailable(kind);
      }
      const reasons = (entry.reasons as string[]) ?? [];
      const model: DocumentModels['refusal'] = {
        agency,
        issuedAt: new Date(entry.at),
        code: dossier.code,
        applicant,
        requestContent: version.name,
        reasons: reasons.length > 0 ? reasons : [entry.note ?? ''],
        contactOfficer: { name: entry.actorLabel, ...(hotline ? { phone: hotline } : {}) },
        officerName: entry.actorLabel,
      };
      return { kind, model };
    }
    case 'apology': {
      const entry = lastOf(history, ['apologize']);
      if (!entry?.dueAfter || !dossier.receivedAt) {
        throw notAvailable(kind);
      }
      const handling = await agencyHeader(db, dossier.handlingAgencyId);
      const model: DocumentModels['apology'] = {
        agency: handling,
        issuedAt: new Date(entry.at),
        addressee: applicant.name,
        receivedAt: new Date(dossier.receivedAt),
        procedureName: version.name,
        code: dossier.code,
        originalDueAt: new Date(entry.dueBefore ?? dossier.originalDueAt ?? entry.dueAfter),
        reason: entry.note ?? (entry.reasons as string[]).join('; '),
        newDueAt: new Date(entry.dueAfter),
        signerTitle: 'Thủ trưởng cơ quan',
        signerName: entry.actorLabel,
      };
      return { kind, model };
    }
  }
}

export async function renderDossierDocument(
  db: Db,
  publicUrl: string,
  dossier: DossierRow,
  kind: DossierDocumentKind,
): Promise<Buffer> {
  const ruleSet = await formSetOf(db, dossier);
  const built = await dossierDocumentModel(db, dossier, kind);
  const agencyId = kind === 'apology' ? dossier.handlingAgencyId : dossier.receivingAgencyId;
  return renderOfficialDocument(db, publicUrl, built.kind, built.model as never, { ruleSet, agencyId });
}
