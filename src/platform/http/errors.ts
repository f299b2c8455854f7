// The one error type. Services throw AppError; the HTTP error handler is the only place that turns
// it (and Fastify's own errors) into a response: { code, message: { vi, en }, field? }.

export interface LocalizedText {
  vi: string;
  en: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly localized: LocalizedText;
  readonly field: string | undefined;
  /** 429 answers: seconds until the client may try again (sent as Retry-After). */
  retryAfterSeconds: number | undefined;

  constructor(code: string, status: number, localized: LocalizedText, field?: string) {
    super(localized.en);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.localized = localized;
    this.field = field;
  }
}

export function rateLimitedText(retryAfterSeconds: number): LocalizedText {
  return {
    vi: `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    en: `Too many requests. Please try again in ${retryAfterSeconds} seconds.`,
  };
}

/** Platform-wide codes; each module adds its own in `<module>.errors.ts`. */
export const errors = {
  validation: (field: string | undefined, localized: LocalizedText) =>
    new AppError('VALIDATION', 400, localized, field),
  malformedJson: () =>
    new AppError('MALFORMED_JSON', 400, {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    }),
  badRequest: () =>
    new AppError('BAD_REQUEST', 400, { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' }),
  unauthenticated: () =>
    new AppError('UNAUTHENTICATED', 401, {
      vi: 'Vui lòng đăng nhập để tiếp tục.',
      en: 'Please sign in to continue.',
    }),
  forbidden: () =>
    new AppError('FORBIDDEN', 403, {
      vi: 'Bạn không có quyền thực hiện thao tác này.',
      en: 'You are not allowed to do this.',
    }),
  csrf: () =>
    new AppError('CSRF_REJECTED', 403, {
      vi: 'Yêu cầu bị từ chối vì không đến từ ứng dụng MotCua.',
      en: 'The request was refused because it did not come from the MotCua application.',
    }),
  notFound: () =>
    new AppError('NOT_FOUND', 404, {
      vi: 'Không tìm thấy địa chỉ hoặc dữ liệu yêu cầu.',
      en: 'The requested address or record was not found.',
    }),
  methodNotAllowed: () =>
    new AppError('METHOD_NOT_ALLOWED', 405, {
      vi: 'Phương thức không được hỗ trợ.',
      en: 'Method not allowed.',
    }),
  conflict: (localized: LocalizedText) => new AppError('CONFLICT', 409, localized),
  payloadTooLarge: () =>
    new AppError('PAYLOAD_TOO_LARGE', 413, {
      vi: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.',
      en: 'The request body is larger than allowed.',
    }),
  unsupportedMediaType: () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', 415, {
      vi: 'Định dạng nội dung không được hỗ trợ.',
      en: 'The content type is not supported.',
    }),
  rateLimited: (retryAfterSeconds: number) =>
    Object.assign(new AppError('RATE_LIMITED', 429, rateLimitedText(retryAfterSeconds)), {
      retryAfterSeconds,
    }),
  internal: () =>
    new AppError('INTERNAL', 500, {
      vi: 'Hệ thống gặp sự cố. Vui lòng thử lại sau; nếu vẫn lỗi, hãy báo bộ phận hỗ trợ kèm mã yêu cầu.',
      en: 'Something went wrong. Please try again later; if it persists, contact support with the request id.',
    }),
  unavailable: () =>
    new AppError('SERVICE_UNAVAILABLE', 503, {
      vi: 'Hệ thống đang khởi động hoặc bảo trì. Vui lòng thử lại sau.',
      en: 'The system is starting or under maintenance. Please try again later.',
    }),
};
