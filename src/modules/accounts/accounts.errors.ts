import { AppError } from '../../platform/http/errors.ts';

export const accountErrors = {
  usernameTaken: () =>
    new AppError(
      'USERNAME_TAKEN',
      409,
      { vi: 'Tên đăng nhập đã được sử dụng.', en: 'The username is already taken.' },
      'username',
    ),
  roleNotGrantable: (index: number) =>
    new AppError(
      'ROLE_NOT_GRANTABLE',
      403,
      {
        vi: 'Bạn không được giao vai trò này trên phạm vi đã chọn.',
        en: 'You may not grant this role on the chosen scope.',
      },
      `roles/${index}`,
    ),
  unitOutsideScope: () =>
    new AppError(
      'UNIT_OUTSIDE_SCOPE',
      403,
      {
        vi: 'Đơn vị đã chọn nằm ngoài phạm vi quản trị của bạn.',
        en: 'The chosen unit is outside the scope you administer.',
      },
      'unitId',
    ),
  unknownUnit: () =>
    new AppError(
      'UNKNOWN_UNIT',
      400,
      { vi: 'Đơn vị không tồn tại hoặc đã ngừng hoạt động.', en: 'The unit does not exist or has closed.' },
      'unitId',
    ),
  notYourself: () =>
    new AppError('NOT_ON_YOURSELF', 409, {
      vi: 'Không thể thực hiện thao tác này trên chính tài khoản của bạn.',
      en: 'You cannot do this to your own account.',
    }),
  notAnOfficer: () =>
    new AppError('NOT_AN_OFFICER', 409, {
      vi: 'Thao tác này chỉ áp dụng cho tài khoản cán bộ.',
      en: 'This applies to officer accounts only.',
    }),
};
