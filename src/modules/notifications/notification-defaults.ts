// R37: the default wording of every dossier event, in Vietnamese and English, per channel: e-mail
// (subject and body), SMS and chat (short). Administrators override any of them
// (notification_templates). `{name}` placeholders are filled once; values are never re-scanned.

export const NOTIFICATION_EVENTS = [
  'received',
  'completion_requested',
  'refused',
  'supplement_requested',
  'apology',
  'financial_obligation',
  'stopped',
  'result_ready',
  'result_returned',
  // To the officer holding a step (R36, issue 7): written by the warnings job.
  'step_due_soon',
  'step_overdue',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** Events addressed to officers, not to the applicant: kept out of the dossier's applicant view. */
export const OFFICER_EVENTS: ReadonlySet<string> = new Set<NotificationEvent>([
  'step_due_soon',
  'step_overdue',
]);

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'chat'] as const;
export type Channel = (typeof NOTIFICATION_CHANNELS)[number];
export type Lang = 'vi' | 'en';

/** Placeholders every template may use; the dossier module fills what applies. */
export const TEMPLATE_PARAMS = [
  'code',
  'lookupUrl',
  'procedureName',
  'statusName',
  'agencyName',
  'dueAt',
  'newDueAt',
  'reason',
  'amount',
  'dossierUrl',
] as const;

export interface TemplateText {
  subject: string | null;
  body: string;
}

interface EventTexts {
  subject: string;
  body: string;
  short: string;
}

const VI: Record<NotificationEvent, EventTexts> = {
  received: {
    subject: 'Hồ sơ {code} đã được tiếp nhận',
    body: 'Kính gửi ông/bà,\n\n{agencyName} đã tiếp nhận hồ sơ {procedureName}, mã hồ sơ {code}.\nHẹn trả kết quả: {dueAt}.\n\nTra cứu tình trạng hồ sơ: {lookupUrl}\n\nĐây là thư tự động, vui lòng không trả lời.',
    short: 'Ho so {code} da duoc tiep nhan. Hen tra: {dueAt}. Tra cuu: {lookupUrl}',
  },
  completion_requested: {
    subject: 'Hồ sơ {code}: yêu cầu bổ sung, hoàn thiện',
    body: 'Kính gửi ông/bà,\n\nHồ sơ {procedureName} (mã {code}) cần bổ sung, hoàn thiện. Lý do: {reason}.\nChi tiết các giấy tờ cần bổ sung xem tại: {lookupUrl}\n\nĐây là thư tự động, vui lòng không trả lời.',
    short: 'Ho so {code} can bo sung, hoan thien: {reason}. Chi tiet: {lookupUrl}',
  },
  refused: {
    subject: 'Hồ sơ {code}: không được tiếp nhận',
    body: 'Kính gửi ông/bà,\n\n{agencyName} không tiếp nhận hồ sơ {procedureName} (mã {code}). Lý do: {reason}.\nChi tiết: {lookupUrl}\n\nĐây là thư tự động, vui lòng không trả lời.',
    short: 'Ho so {code} khong duoc tiep nhan. Ly do: {reason}. Chi tiet: {lookupUrl}',
  },
  supplement_requested: {
    subject: 'Hồ sơ {code}: yêu cầu bổ sung giấy tờ',
    body: 'Kính gửi ông/bà,\n\nTrong quá trình giải quyết hồ sơ {procedureName} (mã {code}), cơ quan giải quyết yêu cầu bổ sung giấy tờ. Lý do: {reason}.\nChi tiết: {lookupUrl}\n\nĐây là thư tự động, vui lòng không trả lời.',
    short: 'Ho so {code}: de nghi bo sung giay to. {reason}. Chi tiet: {lookupUrl}',
  },
  apology: {
    subject: 'Hồ sơ {code}: xin lỗi và hẹn lại ngày trả kết quả',
    body: 'Kính gửi ông/bà,\n\n{agencyName} chưa trả được kết quả hồ sơ {procedureName} (mã {code}) đúng hẹn. Lý do: {reason}.\nChúng tôi thành thật xin lỗi ông/bà. Ngày hẹn trả mới: {newDueAt}.\n\nTra cứu: {lookupUrl}',
    short: 'Xin loi ong/ba: ho so {code} tre han. Hen tra moi: {newDueAt}. Tra cuu: {lookupUrl}',
  },
  financial_obligation: {
    subject: 'Hồ sơ {code}: thực hiện nghĩa vụ tài chính',
    body: 'Kính gửi ông/bà,\n\nHồ sơ {procedureName} (mã {code}) cần thực hiện nghĩa vụ tài chính: {amount}.\nHướng dẫn thanh toán: {lookupUrl}\n\nĐây là thư tự động, vui lòng không trả lời.',
    short: 'Ho so {code}: de nghi nop {amount}. Huong dan: {lookupUrl}',
  },
  stopped: {
    subject: 'Hồ sơ {code}: dừng giải quyết',
    body: 'Kính gửi ông/bà,\n\n{agencyName} thông báo dừng giải quyết hồ sơ {procedureName} (mã {code}). Lý do: {reason}.\nChi tiết: {lookupUrl}',
    short: 'Ho so {code} da dung giai quyet. Ly do: {reason}. Chi tiet: {lookupUrl}',
  },
  result_ready: {
    subject: 'Hồ sơ {code}: đã có kết quả',
    body: 'Kính gửi ông/bà,\n\nHồ sơ {procedureName} (mã {code}) đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký.\nTra cứu: {lookupUrl}',
    short: 'Ho so {code} da co ket qua. Moi ong/ba den nhan. Tra cuu: {lookupUrl}',
  },
  result_returned: {
    subject: 'Hồ sơ {code}: đã trả kết quả',
    body: 'Kính gửi ông/bà,\n\nKết quả hồ sơ {procedureName} (mã {code}) đã được trả. Cảm ơn ông/bà đã sử dụng dịch vụ; mời ông/bà đánh giá mức độ hài lòng tại: {lookupUrl}',
    short: 'Ho so {code} da tra ket qua. Moi danh gia hai long: {lookupUrl}',
  },
  step_due_soon: {
    subject: 'Nhắc việc: hồ sơ {code} còn dưới một ngày làm việc',
    body: 'Kính gửi đồng chí,\n\nHồ sơ {code} ({procedureName}) đang ở bước đồng chí xử lý, hạn của bước: {dueAt} — còn dưới một ngày làm việc.\nMở hồ sơ: {dossierUrl}\n\nĐây là thư nhắc việc tự động của Hệ thống thông tin một cửa điện tử.',
    short: 'Nhac viec: ho so {code} con duoi 1 ngay lam viec (han buoc {dueAt}).',
  },
  step_overdue: {
    subject: 'Nhắc việc: hồ sơ {code} đã quá hạn ở bước của đồng chí',
    body: 'Kính gửi đồng chí,\n\nHồ sơ {code} ({procedureName}) đã quá hạn xử lý ở bước đồng chí đang giữ (hạn của bước: {dueAt}).\nMở hồ sơ: {dossierUrl}\n\nĐây là thư nhắc việc tự động của Hệ thống thông tin một cửa điện tử.',
    short: 'Nhac viec: ho so {code} da qua han o buoc cua dong chi (han {dueAt}).',
  },
};

const EN: Record<NotificationEvent, EventTexts> = {
  received: {
    subject: 'Dossier {code} received',
    body: 'Dear applicant,\n\n{agencyName} has received your dossier for {procedureName}, code {code}.\nResult expected: {dueAt}.\n\nTrack it at {lookupUrl}\n\nThis is an automatic message; please do not reply.',
    short: 'Dossier {code} received. Result expected {dueAt}. Track: {lookupUrl}',
  },
  completion_requested: {
    subject: 'Dossier {code}: please complete it',
    body: 'Dear applicant,\n\nYour dossier for {procedureName} (code {code}) needs to be completed. Reason: {reason}.\nDetails: {lookupUrl}',
    short: 'Dossier {code} must be completed: {reason}. Details: {lookupUrl}',
  },
  refused: {
    subject: 'Dossier {code}: not accepted',
    body: 'Dear applicant,\n\n{agencyName} did not accept your dossier for {procedureName} (code {code}). Reason: {reason}.\nDetails: {lookupUrl}',
    short: 'Dossier {code} not accepted. Reason: {reason}. Details: {lookupUrl}',
  },
  supplement_requested: {
    subject: 'Dossier {code}: more documents requested',
    body: 'Dear applicant,\n\nWhile processing your dossier for {procedureName} (code {code}), the agency asks for more documents. Reason: {reason}.\nDetails: {lookupUrl}',
    short: 'Dossier {code}: more documents requested. {reason}. Details: {lookupUrl}',
  },
  apology: {
    subject: 'Dossier {code}: our apologies and a new date',
    body: 'Dear applicant,\n\n{agencyName} could not return the result of your dossier for {procedureName} (code {code}) on time. Reason: {reason}.\nWe apologise. New date: {newDueAt}.\n\nTrack it at {lookupUrl}',
    short: 'We apologise: dossier {code} is late. New date {newDueAt}. Track: {lookupUrl}',
  },
  financial_obligation: {
    subject: 'Dossier {code}: payment requested',
    body: 'Dear applicant,\n\nYour dossier for {procedureName} (code {code}) requires a payment of {amount}.\nHow to pay: {lookupUrl}',
    short: 'Dossier {code}: please pay {amount}. How: {lookupUrl}',
  },
  stopped: {
    subject: 'Dossier {code}: processing stopped',
    body: 'Dear applicant,\n\n{agencyName} stopped processing your dossier for {procedureName} (code {code}). Reason: {reason}.\nDetails: {lookupUrl}',
    short: 'Dossier {code}: processing stopped. Reason: {reason}. Details: {lookupUrl}',
  },
  result_ready: {
    subject: 'Dossier {code}: the result is ready',
    body: 'Dear applicant,\n\nThe result of your dossier for {procedureName} (code {code}) is ready. Please collect it as you registered.\nTrack it at {lookupUrl}',
    short: 'Dossier {code}: result ready to collect. Track: {lookupUrl}',
  },
  result_returned: {
    subject: 'Dossier {code}: result returned',
    body: 'Dear applicant,\n\nThe result of your dossier for {procedureName} (code {code}) has been returned. Thank you; please rate the service at {lookupUrl}',
    short: 'Dossier {code}: result returned. Please rate us: {lookupUrl}',
  },
  step_due_soon: {
    subject: 'Reminder: dossier {code} has less than one working day left',
    body: 'Dear colleague,\n\nDossier {code} ({procedureName}) is at your step, due {dueAt}: less than one working day left.\nOpen it: {dossierUrl}\n\nAutomatic reminder from the one-stop electronic information system.',
    short: 'Reminder: dossier {code} due in under 1 working day ({dueAt}).',
  },
  step_overdue: {
    subject: 'Reminder: dossier {code} is overdue at your step',
    body: 'Dear colleague,\n\nDossier {code} ({procedureName}) is overdue at the step you hold (due {dueAt}).\nOpen it: {dossierUrl}\n\nAutomatic reminder from the one-stop electronic information system.',
    short: 'Reminder: dossier {code} is overdue at your step (due {dueAt}).',
  },
};

export function defaultTemplate(event: NotificationEvent, channel: Channel, lang: Lang): TemplateText {
  const texts = (lang === 'en' ? EN : VI)[event];
  // SMS: unaccented by default (brandname SMS rules, 160-character GSM segments); chat apps show
  // Unicode, so the chat text is the subject line with diacritics and the lookup link.
  if (channel === 'email') {
    return { subject: texts.subject, body: texts.body };
  }
  if (channel === 'chat') {
    return { subject: null, body: `${texts.subject}. ${lang === 'en' ? 'Track' : 'Tra cứu'}: {lookupUrl}` };
  }
  return { subject: null, body: texts.short };
}

/** Fills `{name}` placeholders once; unknown or missing ones print as "…". */
export function fillTemplate(text: string, params: Record<string, string>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (_whole, key: string) => params[key] ?? '…');
}
