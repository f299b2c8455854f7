import { AppError } from '../../platform/http/errors.ts';

export const documentErrors = {
  unknownTextKey: (key: string) =>
    new AppError(
      'DOCUMENT_TEXT_UNKNOWN',
      400,
      {
        vi: `Mẫu không có nội dung "${key}".`,
        en: `The template has no text "${key}".`,
      },
      `/texts/${key}`,
    ),
  notInRuleSet: () =>
    new AppError('DOCUMENT_NOT_IN_RULE_SET', 404, {
      vi: 'Mẫu này không có trong bộ quy định đã chọn.',
      en: 'This form does not exist under the chosen rule set.',
    }),
  unknownAgency: () =>
    new AppError(
      'DOCUMENT_AGENCY_UNKNOWN',
      404,
      { vi: 'Không tìm thấy cơ quan theo mã định danh.', en: 'No agency has this identifier code.' },
      'agencyCode',
    ),
};
