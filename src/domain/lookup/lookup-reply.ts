// R38 replies to SMS and chat lookups, in Vietnamese. Security goal 10: a code alone may reveal the
// status, the procedure and the appointment, never the applicant's name, address or phone.
import { formatDateVn, formatTimeVn, localDayOf } from '../working-time/civil-time.ts';
import type { LookupParse, LookupParseFailure } from './lookup-message.ts';

/** What the dossier module answers for a code: public, non-personal facts only. */
export interface DossierLookupResult {
  /** Canonical dossier code. */
  code: string;
  /** The national status name in Vietnamese (STATUS_NAMES[status].vi), e.g. "Đang xử lý". */
  statusName: string;
  /** The appointment to return the result (hẹn trả kết quả); null when there is none yet. */
  dueAt: Date | null;
  /** Procedure name, shortened by the caller if needed. */
  procedureName?: string;
  /** Status 9: the result is ready to collect. */
  resultReady?: boolean;
}

export interface ReplyOptions {
  /** MOTCUA_PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The centre's hotline, when configured. */
  hotline?: string | undefined;
}

/** The public lookup page for a code (the receipt's QR code points here too). */
export function lookupUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

/** "16:30 ngày 15/05/2026" in Vietnam time. */
export function formatAppointment(at: Date): string {
  return `${formatTimeVn(at.getTime())} ngày ${formatDateVn(localDayOf(at.getTime()))}`;
}

const HOW_TO = 'Soạn TC <mã hồ sơ> (ví dụ: TC 000.00.06.H99-260505-0001) để tra cứu.';

export function replyFound(result: DossierLookupResult, options: ReplyOptions): string {
  const parts = [`Hồ sơ ${result.code}`];
  if (result.procedureName) {
    parts.push(` (${result.procedureName})`);
  }
  parts.push(`: ${result.statusName}.`);
  if (result.resultReady) {
    parts.push(' Đã có kết quả, mời ông/bà đến nhận theo giấy hẹn.');
  }
  if (result.dueAt) {
    parts.push(` Hẹn trả kết quả: ${formatAppointment(result.dueAt)}.`);
  }
  parts.push(` Chi tiết: ${lookupUrl(options.publicUrl, result.code)}`);
  return parts.join('');
}

export function replyUnknownCode(code: string, options: ReplyOptions): string {
  const contact = options.hotline ? ` hoặc gọi ${options.hotline}` : '';
  return `Không tìm thấy hồ sơ mã ${code}. Vui lòng kiểm tra lại mã in trên Giấy tiếp nhận hồ sơ${contact}.`;
}

export function replyUnreadable(reason: LookupParseFailure, _options: ReplyOptions): string {
  switch (reason) {
    case 'missing_code':
      return `Thiếu mã hồ sơ. ${HOW_TO}`;
    case 'invalid_code':
      return `Mã hồ sơ không đúng định dạng (mã cơ quan-YYMMDD-số thứ tự). ${HOW_TO}`;
    default:
      return `Tin nhắn không đúng cú pháp. ${HOW_TO}`;
  }
}

export function replyRateLimited(): string {
  return 'Số điện thoại này đã tra cứu quá nhiều lần. Vui lòng thử lại sau 1 giờ.';
}

/**
 * The whole reply for one inbound message, given what the parser read and what the lookup found
 * (`null`: no dossier has that code; the caller must not distinguish "exists but hidden").
 */
export function composeLookupReply(
  parse: LookupParse,
  result: DossierLookupResult | null,
  options: ReplyOptions,
): string {
  if (!parse.ok) {
    return replyUnreadable(parse.reason, options);
  }
  return result ? replyFound(result, options) : replyUnknownCode(parse.code, options);
}
