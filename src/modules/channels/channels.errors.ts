import { AppError } from '../../platform/http/errors.ts';

export const channelErrors = {
  badSignature: () =>
    new AppError('CHANNEL_SIGNATURE_INVALID', 401, {
      vi: 'Chữ ký của yêu cầu không hợp lệ hoặc đã hết hạn.',
      en: 'The request signature is missing, invalid or expired.',
    }),
  zaloSignature: (field: 'X-ZEvent-Signature' | 'app_id') =>
    new AppError(
      'CHANNEL_SIGNATURE_INVALID',
      401,
      {
        vi: 'Chữ ký sự kiện Zalo (X-ZEvent-Signature) không hợp lệ.',
        en: 'The Zalo event signature (X-ZEvent-Signature) is missing or invalid.',
      },
      field,
    ),
  staleEvent: () =>
    new AppError(
      'CHANNEL_EVENT_STALE',
      401,
      {
        vi: 'Sự kiện đã quá cũ hoặc có thời điểm không hợp lệ (chống phát lại).',
        en: 'The event is too old or its timestamp is invalid (replay protection).',
      },
      'timestamp',
    ),
  webhookNotConfigured: () =>
    new AppError('CHANNEL_WEBHOOK_NOT_CONFIGURED', 401, {
      vi: 'Webhook Zalo OA chưa được cấu hình (MOTCUA_CHAT_APP_ID, MOTCUA_CHAT_OA_SECRET_KEY).',
      en: 'The Zalo OA webhook is not configured (MOTCUA_CHAT_APP_ID, MOTCUA_CHAT_OA_SECRET_KEY).',
    }),
  textMissing: () =>
    new AppError(
      'VALIDATION',
      400,
      {
        vi: 'Sự kiện user_send_text thiếu người gửi hoặc nội dung.',
        en: 'user_send_text lacks a sender or text.',
      },
      'message.text',
    ),
};
