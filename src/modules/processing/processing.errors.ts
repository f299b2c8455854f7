// Processing errors: stable codes, Vietnamese and English messages, the field at fault.
import { AppError } from '../../platform/http/errors.ts';

export const processingErrors = {
  noProcess: () =>
    new AppError('NO_PROCESS', 409, {
      vi: 'Thủ tục chưa có quy trình nội bộ được phê duyệt; chưa thể chuyển xử lý.',
      en: 'The procedure has no approved internal process yet; the dossier cannot be forwarded.',
    }),
  noNextStep: () =>
    new AppError('NO_NEXT_STEP', 409, {
      vi: 'Không có bước tiếp theo để chuyển (bước ký duyệt phải phê duyệt kết quả).',
      en: 'There is no next step to forward to (the signing step approves the result).',
    }),
  noPreviousStep: () =>
    new AppError('NO_PREVIOUS_STEP', 409, {
      vi: 'Không có bước trước để trả lại.',
      en: 'There is no previous step to send the dossier back to.',
    }),
  chooseOfficer: (names: string) =>
    new AppError(
      'CHOOSE_OFFICER',
      422,
      {
        vi: `Bước tiếp theo có nhiều cán bộ xử lý, vui lòng chọn một người: ${names}.`,
        en: `Several officers can take the next step; please choose one: ${names}.`,
      },
      'assignTo',
    ),
  noOfficer: () =>
    new AppError(
      'NO_OFFICER',
      422,
      {
        vi: 'Không có cán bộ nào được phân công cho bước tiếp theo.',
        en: 'No officer is assigned to the next step.',
      },
      'assignTo',
    ),
  notCandidate: () =>
    new AppError(
      'NOT_CANDIDATE',
      422,
      {
        vi: 'Cán bộ được chọn không phụ trách bước tiếp theo.',
        en: 'The chosen officer does not handle the next step.',
      },
      'assignTo',
    ),
  handoverOutsideUnit: () =>
    new AppError(
      'HANDOVER_OUTSIDE_UNIT',
      422,
      {
        vi: 'Chỉ được bàn giao cho cán bộ khác cùng đơn vị.',
        en: 'A dossier may only be handed over to another officer of the same unit.',
      },
      'handoverTo',
    ),
  apology: (reason: string) =>
    new AppError(
      `APOLOGY_${reason.toUpperCase()}`,
      422,
      reason === 'limit_reached'
        ? {
            vi: 'Hồ sơ đã có phiếu xin lỗi và hẹn lại; chỉ được hẹn lại một lần.',
            en: 'This dossier already has an apology; only one is allowed.',
          }
        : reason === 'too_late'
          ? {
              vi: 'Phiếu xin lỗi phải được gửi trước hạn trả kết quả ít nhất một ngày làm việc.',
              en: 'The apology must be sent at least one working day before the due time.',
            }
          : reason === 'new_date_not_later'
            ? {
                vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.',
                en: 'The new appointment must be later than the current one.',
              }
            : {
                vi: 'Không tính được thời gian theo lịch làm việc.',
                en: 'The working calendar could not be applied.',
              },
      'newDueAt',
    ),
  resultFile: () =>
    new AppError(
      'RESULT_FILE_UNUSABLE',
      422,
      {
        vi: 'Tệp kết quả không hợp lệ (phải do chính người ký tải lên và đã được kiểm tra).',
        en: 'The result file is not usable (it must be uploaded by the signer and checked clean).',
      },
      'resultFileId',
    ),
  processInvalid: (problems: unknown[]) =>
    new AppError(
      'PROCESS_INVALID',
      422,
      {
        vi: `Quy trình chưa hợp lệ: ${JSON.stringify(problems)}`,
        en: `The process is not valid: ${JSON.stringify(problems)}`,
      },
      'steps',
    ),
  processNotFound: () =>
    new AppError('PROCESS_NOT_FOUND', 404, {
      vi: 'Không tìm thấy quy trình.',
      en: 'The process was not found.',
    }),
  notDraft: () =>
    new AppError('PROCESS_NOT_DRAFT', 409, {
      vi: 'Chỉ phiên bản nháp mới được sửa hoặc công bố.',
      en: 'Only a draft version may be edited or published.',
    }),
  notHolder: () =>
    new AppError('NOT_STEP_HOLDER', 403, {
      vi: 'Chỉ cán bộ đang giữ bước xử lý mới được đánh dấu đã nhận hồ sơ giấy.',
      en: 'Only the officer holding the step may mark the paper dossier received.',
    }),
};
