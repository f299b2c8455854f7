// Issue 8: the desk slips of one real dossier — Mẫu 01 receipt and appointment, 02 completion
// request, 03 refusal, 04 apology — built from the dossier row, its procedure version and its history.

import type { Db } from '../../platform/db/database.ts';
import type { DossierRow } from '../dossiers/dossier.repository.ts';
import { listDossierFiles } from '../dossiers/dossier.repository.ts';
import { online, timeLimitOf, versionOf } from '../dossiers/dossier-context.ts';
import { revealDossier } from '../dossiers/dossier-protection.ts';
import type { ComponentLine, DocumentModels } from './document-models.ts';
import { numberOf } from './document-numbers.ts';
import { agencyHeader, historyOf, lastOf, party, timeLimitModel } from './dossier-document-context.ts';
import { type DeskDocumentKind, documentNotAvailable as notAvailable } from './dossier-document-kinds.ts';

const COPY_KIND: Record<string, keyof Omit<ComponentLine, 'name'>> = {
  original: 'originals',
  original_or_certified_copy: 'originals',
  presented: 'originals',
  certified_copy: 'certifiedCopies',
  copy: 'photocopies',
};

const DELIVERY_PLACE: Record<string, string> = {
  desk: 'Bộ phận Một cửa nơi nộp hồ sơ',
  post: 'Gửi qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến trên Cổng dịch vụ công',
};

/** Builds the model of one slip; throws 409 when the dossier has no such event yet. */
export async function deskDocumentModel(db: Db, stored: DossierRow, kind: DeskDocumentKind) {
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
        ...(await numberOf(db, reception)),
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
        ...(dossier.bookVolume && dossier.bookLine
          ? { book: { volume: dossier.bookVolume, line: String(dossier.bookLine) } }
          : {}),
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
        ...(await numberOf(db, entry)),
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
        ...(await numberOf(db, entry)),
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
        ...(await numberOf(db, entry)),
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
