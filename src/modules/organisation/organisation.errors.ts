import { AppError } from '../../platform/http/errors.ts';

export const organisationErrors = {
  codeTaken: () =>
    new AppError(
      'AGENCY_CODE_TAKEN',
      409,
      { vi: 'Mã định danh đã tồn tại.', en: 'The identifier code already exists.' },
      'code',
    ),
  shortNameTaken: () =>
    new AppError(
      'SHORT_NAME_TAKEN',
      409,
      { vi: 'Tên viết tắt đã được dùng.', en: 'The short name is already used.' },
      'shortName',
    ),
  unknownReference: (field: string) =>
    new AppError(
      'UNKNOWN_AGENCY',
      400,
      { vi: 'Cơ quan được tham chiếu không tồn tại.', en: 'The referenced agency does not exist.' },
      field,
    ),
  cycle: () =>
    new AppError(
      'AGENCY_CYCLE',
      409,
      {
        vi: 'Không thể đặt một cơ quan làm cấp dưới của chính nó.',
        en: 'An agency cannot be placed under itself.',
      },
      'parentId',
    ),
  alreadyClosed: () =>
    new AppError('AGENCY_CLOSED', 409, {
      vi: 'Cơ quan đã ngừng hoạt động.',
      en: 'The agency is already closed.',
    }),
  openChildren: () =>
    new AppError(
      'AGENCY_HAS_UNITS',
      409,
      {
        vi: 'Cơ quan còn đơn vị trực thuộc hoặc cán bộ: cần chọn cơ quan tiếp nhận.',
        en: 'The agency still has units or officers: choose the agency that takes over.',
      },
      'successorId',
    ),
  badDate: () =>
    new AppError(
      'BAD_VALID_TO',
      400,
      {
        vi: 'Ngày ngừng hoạt động không được trước ngày bắt đầu.',
        en: 'The closing date cannot be before the start date.',
      },
      'validTo',
    ),
  sectorCodeTaken: () =>
    new AppError(
      'SECTOR_CODE_TAKEN',
      409,
      { vi: 'Mã lĩnh vực đã tồn tại.', en: 'The sector code already exists.' },
      'code',
    ),
};
