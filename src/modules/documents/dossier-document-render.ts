// Renders one official document of a real dossier under the form set of the rule set it was received
// under, with the issuing agency's wording and header (template overrides, migration 0010).
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DossierRow } from '../dossiers/dossier.repository.ts';
import { signedResult } from '../signatures/signed-result.ts';
import type { SigningService } from '../signatures/signing-service.ts';
import { documentErrors } from './documents.errors.ts';
import { convertToPaper, renderOfficialDocument } from './documents.service.ts';
import {
  controlSlipModel,
  paperConversionModel,
  resultHandoverModel,
  stopNoticeModel,
} from './dossier-closing-documents.ts';
import { type DocumentSource, formSetOf, historyOf } from './dossier-document-context.ts';
import {
  availableDocuments,
  DESK_DOCUMENT_KINDS,
  type DeskDocumentKind,
  type DossierDocumentKind,
  documentAvailable,
  documentNotAvailable,
} from './dossier-document-kinds.ts';
import { deskDocumentModel } from './dossier-documents.ts';
import { templateExists } from './render-document.ts';

export interface DossierDocumentDeps {
  db: Db;
  publicUrl: string;
  blobs: BlobStore;
  signing: SigningService;
}

async function sourceOf(db: Db, dossier: DossierRow): Promise<DocumentSource> {
  return { dossier, history: await historyOf(db, dossier.id), formSet: await formSetOf(db, dossier) };
}

export async function listDossierDocuments(db: Db, dossier: DossierRow) {
  const { history, formSet } = await sourceOf(db, dossier);
  return { formSet, items: availableDocuments(dossier, history, formSet) };
}

const isDesk = (kind: DossierDocumentKind): kind is DeskDocumentKind =>
  (DESK_DOCUMENT_KINDS as readonly string[]).includes(kind);

export async function renderDossierDocument(
  deps: DossierDocumentDeps,
  dossier: DossierRow,
  kind: DossierDocumentKind,
): Promise<Buffer> {
  const { db, publicUrl } = deps;
  const { history, formSet } = await sourceOf(db, dossier);
  if (!templateExists(kind, formSet)) {
    // A stop under TT 01/2018: that circular has no stop notice form.
    throw documentErrors.notInRuleSet();
  }
  if (!documentAvailable(kind, dossier, history, formSet)) {
    throw documentNotAvailable(kind);
  }
  const options = (agencyId: string) => ({ ruleSet: formSet, agencyId });
  if (isDesk(kind)) {
    const built = await deskDocumentModel(db, dossier, kind);
    const agencyId = kind === 'apology' ? dossier.handlingAgencyId : dossier.receivingAgencyId;
    return renderOfficialDocument(db, publicUrl, built.kind, built.model as never, options(agencyId));
  }
  switch (kind) {
    case 'stop_notice':
      return renderOfficialDocument(
        db,
        publicUrl,
        kind,
        await stopNoticeModel(db, dossier, history),
        options(dossier.handlingAgencyId),
      );
    case 'control_slip':
      return renderOfficialDocument(
        db,
        publicUrl,
        kind,
        await controlSlipModel(db, dossier, history),
        options(dossier.receivingAgencyId),
      );
    case 'result_handover':
      return renderOfficialDocument(
        db,
        publicUrl,
        kind,
        await resultHandoverModel(db, dossier, history),
        options(dossier.receivingAgencyId),
      );
    case 'paper_conversion_mark': {
      const original = await signedResult(deps, dossier);
      const model = await paperConversionModel(db, deps.signing, dossier, history, original.pdf);
      return convertToPaper(db, publicUrl, original.pdf, model, options(dossier.receivingAgencyId));
    }
  }
}
