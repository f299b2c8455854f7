import { AppError } from '../../platform/http/errors.ts';

export const notificationErrors = {
  notFound: () =>
    new AppError('NOTIFICATION_NOT_FOUND', 404, {
      vi: 'Không tìm thấy thông báo.',
      en: 'No such notification.',
    }),
  notRetryable: () =>
    new AppError('NOTIFICATION_NOT_RETRYABLE', 409, {
      vi: 'Chỉ gửi lại được thông báo đang lỗi hoặc đã dừng gửi.',
      en: 'Only failed or dead notifications can be retried.',
    }),
  znsNotMapped: () =>
    new AppError('ZNS_TEMPLATE_NOT_MAPPED', 404, {
      vi: 'Sự kiện này chưa được gắn mẫu ZNS nên không có gì để bỏ.',
      en: 'This event has no ZNS template mapped, so there is nothing to remove.',
    }),
};
