// Which official documents a real dossier has (issue 8), decided from its history alone so that the
// list the back office shows and the PDF endpoint agree: a slip exists once the event it records is in
// the history (reception, completion request, refusal, apology, stop, return of the result).
import { AppError } from '../../platform/http/errors.ts';
import type { DossierRow, HistoryRow } from '../dossiers/dossier.repository.ts';
import type { RuleSet, TemplateName } from './document-models.ts';
import { templateExists } from './render-document.ts';
import { TEMPLATE_CATALOGUE } from './templates/template-catalogue.ts';

export const DESK_DOCUMENT_KINDS = ['receipt', 'completion_request', 'refusal', 'apology'] as const;
export type DeskDocumentKind = (typeof DESK_DOCUMENT_KINDS)[number];

export const DOSSIER_DOCUMENT_KINDS = [
  ...DESK_DOCUMENT_KINDS,
  'stop_notice',
  'control_slip',
  'result_handover',
  'paper_conversion_mark',
] as const satisfies readonly TemplateName[];
export type DossierDocumentKind = (typeof DOSSIER_DOCUMENT_KINDS)[number];

/** Hand-overs on paper: the electronic result is printed and marked as converted (ND 45/2020 Đ18). */
export const PAPER_DELIVERIES = new Set(['desk', 'post']);

const REASONS: Record<DossierDocumentKind, { vi: string; en: string }> = {
  receipt: {
    vi: 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    en: 'The dossier has not been received yet, so there is no receipt.',
  },
  completion_request: {
    vi: 'Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện.',
    en: 'No completion was requested for this dossier.',
  },
  refusal: { vi: 'Hồ sơ không bị từ chối tiếp nhận.', en: 'The dossier was not refused.' },
  apology: { vi: 'Hồ sơ chưa có văn bản xin lỗi, hẹn lại.', en: 'No apology was issued for this dossier.' },
  stop_notice: {
    vi: 'Hồ sơ không bị dừng giải quyết.',
    en: 'Processing of this dossier was not stopped.',
  },
  control_slip: {
    vi: 'Hồ sơ chưa được tiếp nhận nên chưa có Phiếu kiểm soát quá trình giải quyết.',
    en: 'The dossier has not been received yet, so there is no control slip.',
  },
  result_handover: {
    vi: 'Hồ sơ chưa trả kết quả.',
    en: 'The result has not been handed over yet.',
  },
  paper_conversion_mark: {
    vi: 'Hồ sơ không có kết quả điện tử được trả bằng bản giấy.',
    en: 'The dossier has no electronic result handed over on paper.',
  },
};

export const documentNotAvailable = (kind: DossierDocumentKind) =>
  new AppError('DOSSIER_DOCUMENT_NOT_AVAILABLE', 409, REASONS[kind]);

const has = (history: HistoryRow[], action: string) => history.some((h) => h.action === action);

/** The approval with a result file: the electronic result. */
export const approvalWithResult = (history: HistoryRow[]) =>
  [...history]
    .reverse()
    .find((h) => h.action === 'approve' && ((h.attachments as unknown[]) ?? []).length > 0);

/** How the result was (or will be) handed over: recorded at return, else the registered delivery. */
export function handoverMethod(dossier: DossierRow): string {
  const delivery = (dossier.delivery ?? {}) as { method?: string; returnedHow?: string };
  return delivery.returnedHow ?? delivery.method ?? 'desk';
}

/** Whether the history holds the event the document records (the form set decides the stop notice). */
export function documentAvailable(
  kind: DossierDocumentKind,
  dossier: DossierRow,
  history: HistoryRow[],
  formSet: RuleSet,
): boolean {
  const received = dossier.receivedAt !== null && (has(history, 'accept') || has(history, 'receive'));
  switch (kind) {
    case 'receipt':
    case 'control_slip':
      return received;
    case 'completion_request':
      return has(history, 'request_completion');
    case 'refusal':
      return has(history, 'refuse');
    case 'apology':
      return dossier.receivedAt !== null && history.some((h) => h.action === 'apologize' && h.dueAfter);
    case 'stop_notice':
      return has(history, 'stop') && templateExists('stop_notice', formSet);
    case 'result_handover':
      return has(history, 'return_result');
    case 'paper_conversion_mark':
      return (
        has(history, 'return_result') &&
        approvalWithResult(history) !== undefined &&
        PAPER_DELIVERIES.has(handoverMethod(dossier))
      );
  }
}

export function availableDocuments(dossier: DossierRow, history: HistoryRow[], formSet: RuleSet) {
  return DOSSIER_DOCUMENT_KINDS.filter((kind) => documentAvailable(kind, dossier, history, formSet)).map(
    (kind) => ({
      kind,
      formNumber: TEMPLATE_CATALOGUE[kind].formNumber[formSet],
      label: TEMPLATE_CATALOGUE[kind].label,
    }),
  );
}
