// Dossier errors: stable codes, Vietnamese and English messages, the field at fault.
import { AppError } from '../../platform/http/errors.ts';

export const dossierErrors = {
  notFound: () =>
    new AppError('DOSSIER_NOT_FOUND', 404, { vi: 'Không tìm thấy hồ sơ.', en: 'The dossier was not found.' }),
  procedureNotFound: () =>
    new AppError(
      'PROCEDURE_NOT_FOUND',
      404,
      { vi: 'Không tìm thấy thủ tục hành chính.', en: 'The administrative procedure was not found.' },
      'procedureId',
    ),
  procedureNotInForce: () =>
    new AppError(
      'PROCEDURE_NOT_IN_FORCE',
      409,
      {
        vi: 'Thủ tục chưa có hiệu lực hoặc đã bị bãi bỏ nên không tiếp nhận hồ sơ mới.',
        en: 'The procedure is not in force (not yet, or abolished): no new dossiers.',
      },
      'procedureId',
    ),
  notOnline: () =>
    new AppError(
      'PROCEDURE_NOT_ONLINE',
      409,
      {
        vi: 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp tại Bộ phận Một cửa.',
        en: 'This procedure is not offered online; please submit it at the one-stop desk.',
      },
      'procedureId',
    ),
  agencyRequired: () =>
    new AppError(
      'AGENCY_REQUIRED',
      400,
      {
        vi: 'Vui lòng chọn cơ quan giải quyết (thủ tục do nhiều cơ quan thực hiện).',
        en: 'Please choose the agency (several agencies perform this procedure).',
      },
      'agencyId',
    ),
  agencyNotPerforming: () =>
    new AppError(
      'AGENCY_NOT_PERFORMING',
      400,
      {
        vi: 'Cơ quan đã chọn không thực hiện thủ tục này.',
        en: 'The chosen agency does not perform this procedure.',
      },
      'agencyId',
    ),
  applicantRequired: () =>
    new AppError(
      'APPLICANT_REQUIRED',
      400,
      { vi: 'Thiếu thông tin người nộp hồ sơ.', en: 'The applicant’s details are missing.' },
      'applicant',
    ),
  invalidField: (field: string, vi: string, en: string) => new AppError('VALIDATION', 400, { vi, en }, field),
  componentMissing: (name: string, key: string) =>
    new AppError(
      'COMPONENT_MISSING',
      400,
      {
        vi: `Thiếu thành phần hồ sơ bắt buộc: ${name}.`,
        en: `A required dossier component is missing: ${name}.`,
      },
      `components.${key}`,
    ),
  unknownComponent: (key: string) =>
    new AppError(
      'COMPONENT_UNKNOWN',
      400,
      {
        vi: `Thủ tục không có thành phần hồ sơ "${key}".`,
        en: `The procedure has no dossier component "${key}".`,
      },
      `components.${key}`,
    ),
  fileNotUsable: (fileId: string) =>
    new AppError(
      'FILE_NOT_USABLE',
      400,
      {
        vi: 'Tệp đính kèm không tồn tại, chưa được kiểm tra an toàn hoặc không thuộc về bạn.',
        en: 'An attached file does not exist, has not passed the checks, or is not yours.',
      },
      `files.${fileId}`,
    ),
  eformInvalid: (key: string, field: string, message: { vi: string; en: string }) =>
    new AppError('EFORM_INVALID', 400, message, `formData.${key}.${field}`),
  deliveryAddress: () =>
    new AppError(
      'DELIVERY_ADDRESS_REQUIRED',
      400,
      {
        vi: 'Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.',
        en: 'Please give the postal address for the result.',
      },
      'delivery.address',
    ),
  notAllowedNow: () =>
    new AppError('DOSSIER_STATE_CONFLICT', 409, {
      vi: 'Hồ sơ đã thay đổi trạng thái nên không thực hiện được thao tác này. Vui lòng tải lại.',
      en: 'The dossier’s state no longer allows this action. Please reload.',
    }),
  versionConflict: () =>
    new AppError('DOSSIER_VERSION_CONFLICT', 409, {
      vi: 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trước khi thao tác.',
      en: 'Someone else has just updated the dossier. Please reload first.',
    }),
  needs: (field: string, vi: string, en: string) =>
    new AppError('ACTION_INPUT_REQUIRED', 400, { vi, en }, field),
  backEntryRefused: (vi: string, en: string) =>
    new AppError('BACK_ENTRY_REFUSED', 422, { vi, en }, 'backEntry'),
  calendar: () =>
    new AppError('CALENDAR_UNAVAILABLE', 409, {
      vi: 'Không tính được thời hạn: lịch làm việc chưa được cấu hình cho thời điểm này.',
      en: 'The due time cannot be computed: no working calendar for that time.',
    }),
};
