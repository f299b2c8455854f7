import { AppError } from '../../platform/http/errors.ts';

export const authErrors = {
  // The same answer for an unknown user and a wrong password (goal 4).
  invalid: () =>
    new AppError('AUTH_INVALID', 401, {
      vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      en: 'The username or password is incorrect.',
    }),
};
