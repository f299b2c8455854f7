// Texts of the rule-set screen (brief: rules are data, with dates): which national or provincial
// rules govern dossiers received on each day, and how an administrator adds one from a day on.
import type { Catalogue } from './vi.ts';

export const rulesVi = {
  nav: 'Bộ quy tắc pháp lý',
  title: 'Bộ quy tắc pháp lý theo thời kỳ',
  lead:
    'Mỗi hồ sơ áp dụng bộ quy tắc có hiệu lực vào ngày tiếp nhận và giữ bộ đó đến khi kết thúc. ' +
    'Bộ quy tắc mới chỉ có hiệu lực từ hôm nay trở đi; bộ đang áp dụng hết hiệu lực vào ngày liền trước.',
  code: 'Mã',
  name: 'Tên',
  nameEn: 'Tên tiếng Anh',
  legalBasis: 'Căn cứ pháp lý (mỗi dòng một văn bản)',
  period: 'Thời kỳ áp dụng',
  from: (d: string) => `Từ ${d}`,
  fromTo: (a: string, b: string) => `${a} – ${b}`,
  national: 'Quốc gia',
  provincial: 'Của tỉnh',
  inForce: 'Đang áp dụng',
  formSet: 'Bộ biểu mẫu',
  formSets: {
    tt01_2018: 'Thông tư 01/2018/TT-VPCP (Mẫu 01–06)',
    tt03_2025: 'Thông tư 03/2025/TT-VPCP (Mẫu 01–07)',
  },
  supplementClock: 'Tính thời gian khi yêu cầu bổ sung trong quá trình giải quyết',
  clocks: {
    restart: 'Tính lại từ đầu khi người dân nộp bổ sung',
    pause: 'Tạm dừng: thời gian chờ bổ sung không tính vào thời hạn',
  },
  onlineHours: 'Giờ làm việc để tiếp nhận hồ sơ trực tuyến',
  apologyMax: 'Số lần xin lỗi, hẹn lại tối đa',
  apologyDays: 'Gửi văn bản xin lỗi trước hạn ít nhất (ngày làm việc)',
  effectiveFrom: 'Có hiệu lực từ ngày (dd/mm/yyyy)',
  addTitle: 'Thêm bộ quy tắc của tỉnh',
  addLead: 'Các thông số được điền sẵn theo bộ đang áp dụng; chỉ sửa những gì văn bản mới quy định khác.',
  add: 'Thêm bộ quy tắc',
  added: (code: string) => `Đã thêm bộ quy tắc ${code}.`,
  codeInvalid: 'Mã gồm 2–40 chữ thường không dấu, chữ số hoặc dấu gạch ngang.',
  nameMissing: 'Nhập tên (ít nhất 3 ký tự) bằng cả tiếng Việt và tiếng Anh.',
  basisMissing: 'Nhập ít nhất một văn bản làm căn cứ.',
  dateInvalid: 'Nhập ngày theo dạng dd/mm/yyyy.',
  numberInvalid: 'Nhập một số nguyên không âm.',
};

export const rulesEn: Catalogue<typeof rulesVi> = {
  nav: 'Legal rule sets',
  title: 'Legal rule sets by period',
  lead:
    'Each dossier follows the rule set in force on the day it was received and keeps it to the end. ' +
    'A new rule set takes effect from today at the earliest; the one in force then ends the day before.',
  code: 'Code',
  name: 'Name',
  nameEn: 'English name',
  legalBasis: 'Legal basis (one document per line)',
  period: 'Period',
  from: (d) => `From ${d}`,
  fromTo: (a, b) => `${a} – ${b}`,
  national: 'National',
  provincial: 'Provincial',
  inForce: 'In force',
  formSet: 'Form set',
  formSets: {
    tt01_2018: 'Circular 01/2018/TT-VPCP (forms 01–06)',
    tt03_2025: 'Circular 03/2025/TT-VPCP (forms 01–07)',
  },
  supplementClock: 'Time counting when a supplement is requested during processing',
  clocks: {
    restart: 'Starts again when the applicant supplies',
    pause: 'Paused: the waiting time does not count',
  },
  onlineHours: 'Working hours to receive an online dossier',
  apologyMax: 'Most apologies (new appointments) per dossier',
  apologyDays: 'Apology sent at least this many working days before the due time',
  effectiveFrom: 'In force from (dd/mm/yyyy)',
  addTitle: 'Add a provincial rule set',
  addLead: 'The settings start as those in force; change only what the new document rules differently.',
  add: 'Add the rule set',
  added: (code) => `Rule set ${code} added.`,
  codeInvalid: 'The code is 2–40 lower-case letters without diacritics, digits or dashes.',
  nameMissing: 'Enter the name (at least 3 characters) in Vietnamese and English.',
  basisMissing: 'Enter at least one legal document.',
  dateInvalid: 'Enter the date as dd/mm/yyyy.',
  numberInvalid: 'Enter a whole number, zero or more.',
};
