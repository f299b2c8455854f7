import { AppError } from '../../platform/http/errors.ts';

export const authErrors = {
  // The same answer for an unknown user and a wrong password (goal 4).
  invalid: () =>
    new AppError('AUTH_INVALID', 401, {
      vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      en: 'The username or password is incorrect.',
    }),
  // Goal 4: too many failures for this account name, known or not: the same answer for both.
  throttled: (retryAfterSeconds: number) =>
    Object.assign(
      new AppError('AUTH_THROTTLED', 429, {
        vi: `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
        en: `Too many failed sign-ins. Please try again in ${retryAfterSeconds} seconds.`,
      }),
      { retryAfterSeconds },
    ),
  lockedOut: () =>
    new AppError('AUTH_LOCKED', 423, {
      vi: 'Tài khoản tạm khóa do đăng nhập sai quá 5 lần. Liên hệ quản trị đơn vị để mở khóa, hoặc đặt lại mật khẩu (người dân).',
      en: 'The account is locked after more than 5 failed sign-ins. Ask your unit administrator to unlock it, or reset your password (citizens).',
    }),
  accountLocked: () =>
    new AppError('ACCOUNT_LOCKED', 423, {
      vi: 'Tài khoản đang bị khóa. Liên hệ quản trị đơn vị.',
      en: 'The account is locked. Contact your unit administrator.',
    }),
  accountDisabled: () =>
    new AppError('ACCOUNT_DISABLED', 403, {
      vi: 'Tài khoản đã bị vô hiệu hóa (ví dụ: không sử dụng quá 45 ngày). Liên hệ quản trị đơn vị.',
      en: 'The account is disabled (e.g. unused for more than 45 days). Contact your unit administrator.',
    }),
  notVerified: () =>
    new AppError('ACCOUNT_NOT_VERIFIED', 403, {
      vi: 'Tài khoản chưa được xác thực. Vui lòng nhập mã xác thực đã gửi đến bạn.',
      en: 'The account is not verified yet. Please enter the code that was sent to you.',
    }),
  passwordChangeRequired: () =>
    new AppError('PASSWORD_CHANGE_REQUIRED', 403, {
      vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
      en: 'You must change your password before continuing.',
    }),
  totpEnrolmentRequired: () =>
    new AppError('TOTP_ENROLMENT_REQUIRED', 403, {
      vi: 'Bạn cần thiết lập xác thực hai lớp (mã OTP) trước khi tiếp tục.',
      en: 'You must set up two-step verification (one-time codes) before continuing.',
    }),
  totpInvalid: () =>
    new AppError(
      'TOTP_INVALID',
      401,
      {
        vi: 'Mã xác thực không đúng hoặc đã được dùng.',
        en: 'The verification code is wrong or was already used.',
      },
      'code',
    ),
  secondFactorPending: () =>
    new AppError('SECOND_FACTOR_PENDING', 401, {
      vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
      en: 'The sign-in has expired; please sign in again.',
    }),
  wrongCurrentPassword: () =>
    new AppError(
      'WRONG_CURRENT_PASSWORD',
      400,
      {
        vi: 'Mật khẩu hiện tại không đúng.',
        en: 'The current password is incorrect.',
      },
      'currentPassword',
    ),
  samePassword: () =>
    new AppError(
      'PASSWORD_UNCHANGED',
      400,
      {
        vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
        en: 'The new password must differ from the current one.',
      },
      'newPassword',
    ),
};
