// Errors of the calendar module, bilingual, each naming the request field at fault where there is one.
import { describeError, type WorkingTimeError } from '../../domain/working-time/index.ts';
import { AppError } from '../../platform/http/errors.ts';

export const calendarErrors = {
  notConfigured: () =>
    new AppError('CALENDAR_NOT_CONFIGURED', 503, {
      vi: 'Chưa có lịch làm việc mặc định của tỉnh. Vui lòng khởi động lại hệ thống hoặc báo quản trị.',
      en: 'The province default working calendar is missing. Restart the system or contact the administrator.',
    }),
  invalidDate: (field: string) =>
    new AppError(
      'VALIDATION',
      400,
      {
        vi: `"${field}" phải là ngày có thật dạng yyyy-mm-dd (từ 1976 đến 2200).`,
        en: `"${field}" must be a real date written yyyy-mm-dd (1976 to 2200).`,
      },
      field,
    ),
  invalidInstant: () =>
    new AppError(
      'VALIDATION',
      400,
      {
        vi: 'Thời điểm "from" phải theo ISO 8601 có múi giờ, ví dụ 2026-02-13T16:00:00+07:00 hoặc …Z.',
        en: 'The instant "from" must be ISO 8601 with an offset, e.g. 2026-02-13T16:00:00+07:00 or …Z.',
      },
      'from',
    ),
  durationCount: () =>
    new AppError(
      'VALIDATION',
      400,
      {
        vi: 'Cần đúng một thời hạn: workingDays, workingHours, workingMinutes hoặc calendarDays.',
        en: 'Give exactly one duration: workingDays, workingHours, workingMinutes or calendarDays.',
      },
      'workingDays',
    ),
  unknownAgency: () =>
    new AppError(
      'CALENDAR_UNKNOWN_AGENCY',
      400,
      {
        vi: 'Không có cơ quan nào mang mã định danh này.',
        en: 'No agency has this identifier code.',
      },
      'agency',
    ),
  engine: (error: WorkingTimeError, field: string) =>
    error.code === 'invalidCalendar'
      ? new AppError('CALENDAR_INVALID', 500, describeError(error))
      : new AppError(
          error.code === 'noWorkingTime' ? 'CALENDAR_NO_WORKING_TIME' : 'VALIDATION',
          400,
          describeError(error),
          field,
        ),
  rejected: (issues: ReadonlyArray<{ path: string; message: { vi: string; en: string } }>) =>
    new AppError(
      'CALENDAR_REJECTED',
      400,
      {
        vi: `Thay đổi làm lịch không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message.vi}`).join('; ')}`,
        en: `The change would make the calendar invalid: ${issues.map((i) => `${i.path}: ${i.message.en}`).join('; ')}`,
      },
      issues[0]?.path,
    ),
  calendarNotFound: () =>
    new AppError('NOT_FOUND', 404, {
      vi: 'Không tìm thấy lịch làm việc.',
      en: 'Working calendar not found.',
    }),
  dayNotFound: () =>
    new AppError('NOT_FOUND', 404, {
      vi: 'Ngày này chưa có trong lịch (không phải ngày nghỉ hay ngày làm bù đã khai báo).',
      en: 'This date has no entry in the calendar (no declared day off or make-up day).',
    }),
  versionNotFound: () =>
    new AppError('NOT_FOUND', 404, {
      vi: 'Không tìm thấy phiên bản giờ làm việc.',
      en: 'Working-hours version not found.',
    }),
  versionExists: () =>
    new AppError(
      'CONFLICT',
      409,
      {
        vi: 'Đã có phiên bản giờ làm việc áp dụng từ ngày này.',
        en: 'A working-hours version already starts on this date.',
      },
      'effectiveFrom',
    ),
  versionInPast: () =>
    new AppError(
      'VALIDATION',
      400,
      {
        vi: 'Giờ làm việc mới chỉ áp dụng từ hôm nay trở đi; không sửa lịch đã dùng để tính hạn.',
        en: 'New working hours apply from today on; hours already used for due dates are not changed.',
      },
      'effectiveFrom',
    ),
  versionInForce: () =>
    new AppError('CONFLICT', 409, {
      vi: 'Chỉ xóa được phiên bản chưa có hiệu lực (và không phải phiên bản duy nhất).',
      en: 'Only a version not yet in force (and not the only one) can be removed.',
    }),
  agencyCalendarExists: () =>
    new AppError(
      'CONFLICT',
      409,
      { vi: 'Cơ quan này đã có lịch riêng.', en: 'This agency already has its own calendar.' },
      'agency',
    ),
  yearNotProposed: () =>
    new AppError('CONFLICT', 409, {
      vi: 'Năm này không ở trạng thái đề xuất (đã xác nhận hoặc chưa có lịch nghỉ).',
      en: 'This year is not in the proposed state (already confirmed, or no schedule yet).',
    }),
  yearExists: () =>
    new AppError('CONFLICT', 409, {
      vi: 'Năm này đã có lịch nghỉ; sửa từng ngày thay vì tạo lại đề xuất.',
      en: 'This year already has a schedule; edit its days instead of proposing again.',
    }),
  defaultCalendarOnly: () =>
    new AppError('CONFLICT', 409, {
      vi: 'Lịch nghỉ lễ theo năm được đề xuất và xác nhận trên lịch mặc định của tỉnh; lịch riêng của cơ quan dùng chung.',
      en: "A year's public-holiday schedule is proposed and confirmed on the province default calendar; agency calendars share it.",
    }),
};
