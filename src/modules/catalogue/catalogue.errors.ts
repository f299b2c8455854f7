// Catalogue errors: each with a stable code and a message in Vietnamese and English.
import { AppError, errors } from '../../platform/http/errors.ts';

const dmy = (date: string) => date.split('-').reverse().join('/');

export const catalogueErrors = {
  abolished: (from: string) =>
    new AppError('PROCEDURE_ABOLISHED', 410, {
      vi: `Thủ tục đã bãi bỏ từ ngày ${dmy(from)}.`,
      en: `The procedure was abolished on ${dmy(from)}.`,
    }),
  codeTaken: (field: 'nationalCode' | 'localCode') =>
    new AppError(
      'PROCEDURE_CODE_TAKEN',
      409,
      { vi: 'Mã thủ tục đã được sử dụng cho thủ tục khác.', en: 'This procedure code is already used.' },
      field,
    ),
  draftExists: () =>
    errors.conflict({
      vi: 'Thủ tục đang có một bản dự thảo; hãy sửa bản đó.',
      en: 'The procedure already has a draft; edit that one.',
    }),
  noDraft: () =>
    new AppError('PROCEDURE_NO_DRAFT', 409, {
      vi: 'Thủ tục không có bản dự thảo nào để sửa hoặc công bố.',
      en: 'The procedure has no draft to edit or publish.',
    }),
  abolishedNoChange: () =>
    new AppError('PROCEDURE_ABOLISHED', 409, {
      vi: 'Thủ tục đã bị bãi bỏ, không thể sửa đổi hoặc công bố thêm.',
      en: 'The procedure is abolished and cannot be changed or published.',
    }),
  timeline: (reason: string) => {
    const messages: Record<string, { vi: string; en: string; field?: string }> = {
      NOT_AFTER_LATEST: {
        vi: 'Ngày có hiệu lực phải sau ngày có hiệu lực của phiên bản đã công bố gần nhất.',
        en: 'The effective date must come after that of the latest published version.',
        field: 'effectiveFrom',
      },
      DECISION_AFTER_EFFECTIVE: {
        vi: 'Ngày ban hành quyết định không được sau ngày có hiệu lực.',
        en: 'The decision date cannot be after the effective date.',
        field: 'decisionDate',
      },
      INVALID_DATE: { vi: 'Ngày không hợp lệ.', en: 'Invalid date.', field: 'effectiveFrom' },
      NOT_PUBLISHED: {
        vi: 'Thủ tục chưa được công bố nên không thể bãi bỏ; hãy xóa bản dự thảo.',
        en: 'The procedure was never published, so it cannot be abolished; delete the draft instead.',
      },
    };
    const m = messages[reason] ?? { vi: 'Thao tác không hợp lệ.', en: 'Invalid operation.' };
    return new AppError(
      `PROCEDURE_${reason}`,
      reason === 'INVALID_DATE' ? 400 : 409,
      { vi: m.vi, en: m.en },
      m.field,
    );
  },
  invalidContent: (field: string, vi: string, en: string) => errors.validation(field, { vi, en }),
  fileNotFound: () => errors.notFound(),
  fileType: () =>
    new AppError(
      'FILE_TYPE_REFUSED',
      415,
      {
        vi: 'Chỉ nhận mẫu đơn dạng PDF, DOC, DOCX, XLS, XLSX hoặc ODT.',
        en: 'Form templates must be PDF, DOC, DOCX, XLS, XLSX or ODT files.',
      },
      'file',
    ),
};
