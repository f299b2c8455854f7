import { AppError } from '../../platform/http/errors.ts';

export const citizenErrors = {
  badContact: () =>
    new AppError(
      'CONTACT_INVALID',
      400,
      {
        vi: 'Nhập số điện thoại di động (ví dụ 0912345678) hoặc địa chỉ thư điện tử hợp lệ.',
        en: 'Enter a mobile number (e.g. 0912345678) or a valid e-mail address.',
      },
      'contact',
    ),
  codeInvalid: () =>
    new AppError(
      'CODE_INVALID',
      400,
      {
        vi: 'Mã xác thực không đúng, đã hết hạn hoặc đã dùng quá số lần thử. Hãy yêu cầu gửi mã mới.',
        en: 'The code is wrong, expired or has had too many attempts. Ask for a new code.',
      },
      'code',
    ),
  tooManyCodes: () =>
    new AppError('CODE_RATE_LIMITED', 429, {
      vi: 'Đã gửi 3 mã trong 15 phút. Vui lòng đợi rồi thử lại.',
      en: 'Three codes were sent in 15 minutes. Please wait and try again.',
    }),
  taxCode: (field = 'organisation/taxCode') =>
    new AppError(
      'TAX_CODE_INVALID',
      400,
      {
        vi: 'Mã số thuế không hợp lệ (sai chữ số kiểm tra).',
        en: 'The tax code is not valid (wrong check digit).',
      },
      field,
    ),
  organisationDetails: () =>
    new AppError(
      'ORGANISATION_DETAILS_REQUIRED',
      400,
      {
        vi: 'Tài khoản tổ chức cần mã số thuế và người đại diện.',
        en: 'An organisation account needs a tax code and a representative.',
      },
      'organisation',
    ),
  idNumber: (problem: string) =>
    new AppError(
      'ID_NUMBER_INVALID',
      400,
      problem === 'birth_year'
        ? {
            vi: 'Số CCCD không khớp năm sinh (chữ số thứ 4–6 ghi thế kỷ và năm sinh).',
            en: 'The ID number does not match the year of birth (digits 4–6 encode century and year).',
          }
        : problem === 'province'
          ? {
              vi: 'Ba chữ số đầu của số CCCD không phải mã tỉnh hợp lệ.',
              en: 'The first three digits of the ID number are not a valid province code.',
            }
          : { vi: 'Số CCCD phải gồm đúng 12 chữ số.', en: 'The ID number must have exactly 12 digits.' },
      'idNumber',
    ),
  dateOfBirth: () =>
    new AppError(
      'DATE_OF_BIRTH_INVALID',
      400,
      { vi: 'Ngày sinh không hợp lệ.', en: 'The date of birth is not valid.' },
      'dateOfBirth',
    ),
};
