// Intake errors: stable codes, Vietnamese and English messages, the field at fault.
import { AppError } from '../../platform/http/errors.ts';

export const intakeErrors = {
  draftNotFound: () =>
    new AppError('DRAFT_NOT_FOUND', 404, {
      vi: 'Không tìm thấy bản nháp hồ sơ.',
      en: 'The draft was not found.',
    }),
  draftTooLarge: () =>
    new AppError(
      'DRAFT_TOO_LARGE',
      413,
      { vi: 'Bản nháp quá lớn (tối đa 256 KB).', en: 'The draft is too large (256 KB at most).' },
      'data',
    ),
  tooManyDrafts: (max: number) =>
    new AppError('TOO_MANY_DRAFTS', 409, {
      vi: `Bạn đã có ${max} bản nháp; vui lòng xoá bớt trước khi lưu bản mới.`,
      en: `You already have ${max} drafts; please delete some before saving a new one.`,
    }),
  draftChanged: () =>
    new AppError('DRAFT_CHANGED', 409, {
      vi: 'Bản nháp đã được lưu từ một thiết bị khác; vui lòng tải lại.',
      en: 'The draft was saved from another device; please reload it.',
    }),
  procedureNotFound: () =>
    new AppError(
      'PROCEDURE_NOT_FOUND',
      404,
      { vi: 'Không tìm thấy thủ tục hành chính.', en: 'The administrative procedure was not found.' },
      'procedureId',
    ),
  outageWindow: () =>
    new AppError(
      'OUTAGE_WINDOW_INVALID',
      422,
      {
        vi: 'Thời điểm kết thúc sự cố phải sau thời điểm bắt đầu, và không ở tương lai.',
        en: 'The outage must end after it starts, and not in the future.',
      },
      'endsAt',
    ),
  outageTooLong: () =>
    new AppError(
      'OUTAGE_TOO_LONG',
      422,
      { vi: 'Một sự cố không được dài quá 30 ngày.', en: 'An outage cannot last more than 30 days.' },
      'endsAt',
    ),
  outageReferenceTaken: () =>
    new AppError(
      'OUTAGE_REFERENCE_TAKEN',
      409,
      { vi: 'Số hiệu sự cố này đã được khai báo.', en: 'This incident reference is already declared.' },
      'reference',
    ),
};
