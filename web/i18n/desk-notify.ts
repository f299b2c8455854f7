// Texts of the desk's notification choice (R37): how the walk-in or postal applicant wants to be told
// about each status change. Kept apart from intake.ts, which is already long.
import type { Catalogue } from './vi.ts';

export const deskNotifyVi = {
  email: 'Thư điện tử (nếu có)',
  emailInvalid: 'Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@example.vn.',
  legend: 'Người nộp muốn nhận thông báo về hồ sơ qua',
  hint: 'Mỗi lần hồ sơ đổi trạng thái, hệ thống gửi thông báo qua các kênh được chọn: SMS và Zalo đến số điện thoại, thư đến địa chỉ thư điện tử ở trên.',
  channel: { sms: 'Tin nhắn SMS', email: 'Gửi thư điện tử', chat: 'Tin nhắn Zalo' },
  short: { sms: 'SMS', email: 'Thư điện tử', chat: 'Zalo' },
  emailMissing: 'Đã chọn thông báo qua thư điện tử: vui lòng nhập địa chỉ thư điện tử hoặc bỏ chọn kênh này.',
  phoneMissing: 'Đã chọn thông báo qua SMS hoặc Zalo: vui lòng nhập số điện thoại hoặc bỏ chọn các kênh này.',
  chosen: 'Nhận thông báo qua',
  none: 'Không nhận thông báo',
};

export const deskNotifyEn: Catalogue<typeof deskNotifyVi> = {
  email: 'E-mail (if any)',
  emailInvalid: 'The e-mail address is not valid, e.g. name@example.vn.',
  legend: 'The applicant wants to be told about the dossier by',
  hint: 'Each time the dossier changes status, a notification goes out on the chosen channels: SMS and Zalo to the phone number, mail to the e-mail address above.',
  channel: { sms: 'SMS text message', email: 'Send an e-mail', chat: 'Zalo message' },
  short: { sms: 'SMS', email: 'E-mail', chat: 'Zalo' },
  emailMissing: 'E-mail notifications are chosen: please enter an e-mail address or untick that channel.',
  phoneMissing: 'SMS or Zalo notifications are chosen: please enter a phone number or untick those channels.',
  chosen: 'Notifications by',
  none: 'No notifications',
};
