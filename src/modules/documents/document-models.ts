// The plain document models the dossier module fills in (issue 8). Renderers take these and nothing
// else: no database rows, no HTTP. Instants are Dates (shown in Vietnam time); every text is
// normalised to NFC without invisible characters when rendered, so callers may pass what they stored.

/** Legal rule sets the forms are versioned by (legal digest §0, §2.1). */
export const RULE_SETS = ['tt01_2018', 'nd118_2025'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

/** ND 118/2025 and TT 03/2025/TT-VPCP apply from 01/07/2025; earlier dossiers keep TT 01/2018. */
export function ruleSetOn(at: Date): RuleSet {
  return at.getTime() >= Date.UTC(2025, 5, 30, 17, 0, 0) ? 'nd118_2025' : 'tt01_2018';
}

export const TEMPLATE_NAMES = [
  'receipt',
  'completion_request',
  'refusal',
  'apology',
  'stop_notice',
  'control_slip',
  'tracking_book',
  'result_handover',
  'paper_conversion_mark',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The issuing agency as printed in the header: governing agency above, agency below (bold). */
export interface AgencyHeader {
  /** e.g. "UBND TỈNH AN HÒA". */
  governingAgency: string;
  /** e.g. "Trung tâm Phục vụ hành chính công tỉnh". */
  agencyName: string;
  /** Place in the place-and-date line, e.g. "An Hòa". */
  place: string;
}

export interface DocumentBase {
  agency: AgencyHeader;
  /** Document number and symbol, e.g. "125/TNHS"; a dotted line is printed when absent. */
  number?: string;
  /** Date printed in the place-and-date line. */
  issuedAt: Date;
}

export interface PartyModel {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
  /** Personal or organisation identifier (CCCD / mã số doanh nghiệp), printed only where the form asks. */
  idNumber?: string;
}

export interface TimeLimitModel {
  amount: number;
  unit: 'working_days' | 'days' | 'working_hours';
}

/** A dossier component line (Mẫu 01 item 1): quantities of originals, certified copies, photocopies. */
export interface ComponentLine {
  name: string;
  originals?: number;
  certifiedCopies?: number;
  photocopies?: number;
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptModel extends DocumentBase {
  code: string;
  applicant: PartyModel;
  /** Dossier owner when different from who submitted (chủ hồ sơ). */
  owner?: PartyModel;
  /** Content of the request: usually the procedure name. */
  requestContent: string;
  components: ComponentLine[];
  setCount: number;
  timeLimit: TimeLimitModel;
  receivedAt: Date;
  /** The appointment; absent for results given on the spot (ND 61 Đ17.5). */
  dueAt?: Date;
  /** Where (or how) the applicant registered to collect the result. */
  deliveryPlace: string;
  book?: { volume: string; line: string };
  receiverName: string;
  /** "Liên 1: Lưu" / "Liên 2: Giao người nộp". */
  copyLabel?: string;
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface CompletionRequestModel extends DocumentBase {
  code?: string;
  applicant: PartyModel;
  requestContent: string;
  items: Array<{ name: string; quantity?: number; note?: string }>;
  reason: string;
  contactOfficer?: { name: string; phone?: string };
  guideName: string;
}

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusalModel extends DocumentBase {
  code?: string;
  applicant: PartyModel;
  requestContent: string;
  reasons: string[];
  contactOfficer?: { name: string; phone?: string };
  officerName: string;
}

/** TT 01/2018 Mẫu 04 (apology, new appointment); ND 118/2025 Mẫu 04 (apology, extension request). */
export interface ApologyModel extends DocumentBase {
  addressee: string;
  receivedAt: Date;
  procedureName: string;
  code: string;
  originalDueAt: Date;
  reason: string;
  newDueAt: Date;
  signerTitle: string;
  signerName: string;
  /** ND 118/2025 only: to whom the extension is requested (the competent authority). */
  extensionRequestedFrom?: string;
}

/** ND 118/2025 Mẫu 05: Thông báo dừng giải quyết hồ sơ. */
export interface StopNoticeModel extends DocumentBase {
  addressee: string;
  code: string;
  procedureName: string;
  receivedAt: Date;
  reason: string;
  legalBasis?: string;
  signerTitle: string;
  signerName: string;
}

export type HandoverOutcome = 'early' | 'onTime' | 'overdue';

/** One hand-over of the dossier between units (a row of the control slip). */
export interface HandoverRow {
  from: string;
  to: string;
  at: Date;
  /** Classified by the working-time module (classifyFinish); absent while the step is still open. */
  outcome?: HandoverOutcome;
  note?: string;
  giverName?: string;
  receiverName?: string;
}

/** TT 01/2018 Mẫu 05 / ND 118/2025 Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSlipModel extends DocumentBase {
  code: string;
  receiptNumber?: string;
  applicantName: string;
  leadAgency: string;
  coordinatingAgencies: string[];
  timeLimit: TimeLimitModel;
  receivedAt: Date;
  dueAt: Date;
  handovers: HandoverRow[];
}

export interface TrackingBookRow {
  /** Số thứ tự: the line of the reception in the unit's book (as on its receipt); blank for rows
   * received by another unit. */
  line?: string;
  code: string;
  procedureName: string;
  setCount: number;
  applicantName: string;
  addressPhone: string;
  leadAgency: string;
  receivedAt: Date;
  dueAt?: Date;
  transferredAt?: Date;
  resultReceivedAt?: Date;
  returnedAt?: Date;
  note?: string;
}

/** TT 01/2018 Mẫu 06 / ND 118/2025 Mẫu 07: Sổ theo dõi hồ sơ, per unit and period. */
export interface TrackingBookModel extends DocumentBase {
  unitName: string;
  /** The book volumes (Quyển số) the listed receptions were entered in. */
  volumes?: string[];
  periodFrom: Date;
  periodTo: Date;
  rows: TrackingBookRow[];
}

/** Biên nhận trả kết quả: the applicant signs for the result (ND 61 Đ20). */
export interface ResultHandoverModel extends DocumentBase {
  code: string;
  applicant: PartyModel;
  procedureName: string;
  results: Array<{ name: string; quantity: number; form: 'paper' | 'electronic' }>;
  returnedAt: Date;
  collectorName: string;
  officerName: string;
}

/** ND 45/2020 Điều 18: the mark on a paper copy converted from an electronic result. */
export interface PaperConversionMarkModel {
  agencyName: string;
  converterName: string;
  converterTitle: string;
  convertedAt: Date;
  code?: string;
  /** SHA-256 of the electronic original, so the paper copy can be traced back. */
  originalSha256: string;
  /** The verification of the original's signature, e.g. "Chữ ký số hợp lệ: …, ký lúc …". */
  signatureSummary?: string;
}

export interface DocumentModels {
  receipt: ReceiptModel;
  completion_request: CompletionRequestModel;
  refusal: RefusalModel;
  apology: ApologyModel;
  stop_notice: StopNoticeModel;
  control_slip: ControlSlipModel;
  tracking_book: TrackingBookModel;
  result_handover: ResultHandoverModel;
  paper_conversion_mark: PaperConversionMarkModel;
}
