import { AppError } from '../../platform/http/errors.ts';

export const channelErrors = {
  badSignature: () =>
    new AppError('CHANNEL_SIGNATURE_INVALID', 401, {
      vi: 'Chữ ký của yêu cầu không hợp lệ hoặc đã hết hạn.',
      en: 'The request signature is missing, invalid or expired.',
    }),
};
