// The default wording of every form, as data versioned by rule set (legal digest §0, §2.1):
// TT 01/2018/TT-VPCP Mẫu 01–06 and, from 01/07/2025, ND 118/2025 with TT 03/2025/TT-VPCP Mẫu 01–07
// (apology/extension 04, stop notice 05, control slip 06, book 07). Administrators override any text
// per rule set and per agency (table document_template_overrides) without code changes.
// Numbered slips carry `numberFormat` ("{number}/HDHS": the symbol is wording, so an agency changes
// it like any text); the receipt's `bookVolume` names the tracking-book volume ("{year}" by default).
// Both are read when the number is issued and the result is stored, so later edits never renumber.
// `{name}` placeholders are filled once from the model; values are never re-scanned, so a name like
// "{{7*7}}" prints literally (security goals §5.D).
import type { RuleSet, TemplateName } from '../document-models.ts';

export type TemplateTexts = Record<string, string>;

export interface TemplateDefinition {
  name: TemplateName;
  /** Short description for the administrators' list. */
  label: { vi: string; en: string };
  /** The form number under each rule set; null: the rule set has no such form. */
  formNumber: Record<RuleSet, string | null>;
  legalBasis: Record<RuleSet, string>;
  texts: TemplateTexts;
  /** Per-rule-set differences on top of `texts`. */
  ruleSetTexts?: Partial<Record<RuleSet, TemplateTexts>>;
}

const TT01 = 'Thông tư số 01/2018/TT-VPCP';
const TT03 = 'Thông tư số 03/2025/TT-VPCP';
const SIGN_NOTE = '(Ký và ghi rõ họ tên)';
const CONTACT =
  'Trường hợp cần thêm thông tin, ông/bà tra cứu quy định tại {portalUrl} hoặc liên hệ {contactName}, số điện thoại {contactPhone}.';

export const TEMPLATE_CATALOGUE: Record<TemplateName, TemplateDefinition> = {
  receipt: {
    name: 'receipt',
    label: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' },
    formNumber: { tt01_2018: 'Mẫu số 01', nd118_2025: 'Mẫu số 01' },
    legalBasis: { tt01_2018: TT01, nd118_2025: TT03 },
    texts: {
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      codeLabel: 'Mã hồ sơ',
      intro: 'Bộ phận tiếp nhận và trả kết quả {agencyName} đã tiếp nhận hồ sơ của:',
      applicantLabel: 'Ông/Bà',
      ownerLabel: 'Chủ hồ sơ',
      addressLabel: 'Địa chỉ',
      phoneLabel: 'Số điện thoại',
      emailLabel: 'Thư điện tử',
      requestLabel: 'Nội dung yêu cầu giải quyết',
      componentsHeading: '1. Thành phần hồ sơ nộp gồm:',
      colNo: 'TT',
      colName: 'Tên giấy tờ',
      colOriginal: 'Bản chính',
      colCertified: 'Bản chứng thực',
      colPhotocopy: 'Bản photo',
      setCountLine: '2. Số lượng hồ sơ: {setCount} bộ.',
      timeLimitLine: '3. Thời gian giải quyết hồ sơ theo quy định là: {timeLimit}.',
      receivedLine: '4. Thời gian nhận hồ sơ: {receivedAt}.',
      dueLine: '5. Thời gian trả kết quả giải quyết hồ sơ: {dueAt}.',
      onTheSpotLine: '5. Kết quả được giải quyết và trả ngay khi tiếp nhận.',
      deliveryLine: '6. Đăng ký nhận kết quả tại: {deliveryPlace}.',
      bookLine: 'Vào Sổ theo dõi hồ sơ, Quyển số: {volume}, Số thứ tự: {line}.',
      bookVolume: '{year}',
      numberFormat: '{number}/TNHS',
      lookupHint: 'Tra cứu tình trạng hồ sơ: quét mã QR, truy cập {lookupUrl} hoặc nhắn tin TC {code}.',
      qrCaption: 'Quét mã để tra cứu',
      applicantSign: 'NGƯỜI NỘP HỒ SƠ',
      receiverSign: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      signNote: SIGN_NOTE,
    },
  },
  completion_request: {
    name: 'completion_request',
    label: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Completion request' },
    formNumber: { tt01_2018: 'Mẫu số 02', nd118_2025: 'Mẫu số 02' },
    legalBasis: { tt01_2018: TT01, nd118_2025: TT03 },
    texts: {
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      numberFormat: '{number}/HDHS',
      intro: 'Bộ phận tiếp nhận và trả kết quả {agencyName} tiếp nhận hồ sơ của:',
      applicantLabel: 'Ông/Bà',
      addressLabel: 'Địa chỉ',
      phoneLabel: 'Số điện thoại',
      emailLabel: 'Thư điện tử',
      requestLabel: 'Nội dung yêu cầu giải quyết',
      codeLabel: 'Mã hồ sơ',
      itemsHeading: 'Yêu cầu ông/bà hoàn thiện hồ sơ gồm những nội dung sau:',
      colNo: 'TT',
      colName: 'Giấy tờ, nội dung cần bổ sung, hoàn thiện',
      colQuantity: 'Số lượng',
      colNote: 'Ghi chú',
      reasonLabel: 'Lý do',
      contact: CONTACT,
      closing: 'Bộ phận tiếp nhận chỉ yêu cầu bổ sung, hoàn thiện hồ sơ một lần.',
      guideSign: 'NGƯỜI HƯỚNG DẪN',
      signNote: SIGN_NOTE,
    },
  },
  refusal: {
    name: 'refusal',
    label: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal to receive a dossier' },
    formNumber: { tt01_2018: 'Mẫu số 03', nd118_2025: 'Mẫu số 03' },
    legalBasis: { tt01_2018: TT01, nd118_2025: TT03 },
    texts: {
      title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      numberFormat: '{number}/TCHS',
      intro: 'Bộ phận tiếp nhận và trả kết quả {agencyName} tiếp nhận hồ sơ của:',
      applicantLabel: 'Ông/Bà',
      addressLabel: 'Địa chỉ',
      phoneLabel: 'Số điện thoại',
      emailLabel: 'Thư điện tử',
      requestLabel: 'Nội dung yêu cầu giải quyết',
      decision:
        'Qua xem xét, {agencyName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      closing: 'Xin thông báo cho ông/bà được biết và thực hiện./.',
      contact: CONTACT,
      applicantSign: 'NGƯỜI NỘP HỒ SƠ',
      officerSign: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      signNote: SIGN_NOTE,
    },
  },
  apology: {
    name: 'apology',
    label: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
    formNumber: { tt01_2018: 'Mẫu số 04', nd118_2025: 'Mẫu số 04' },
    legalBasis: { tt01_2018: TT01, nd118_2025: TT03 },
    texts: {
      title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      numberFormat: '{number}/XLHS',
      addresseeLabel: 'Kính gửi',
      body:
        'Ngày {receivedAt}, {agencyName} tiếp nhận giải quyết hồ sơ đề nghị {procedureName} của ông/bà, ' +
        'mã hồ sơ {code}. Thời hạn trả kết quả giải quyết hồ sơ theo quy định là ngày {originalDueAt}.',
      delay: 'Tuy nhiên, đến nay {agencyName} chưa trả kết quả giải quyết hồ sơ cho ông/bà. Lý do: {reason}.',
      apology:
        'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại cho ông/bà. {agencyName} xin lỗi ông/bà và ' +
        'hẹn ngày trả kết quả giải quyết hồ sơ là {newDueAt}.',
      thanks: 'Trân trọng cảm ơn sự hợp tác của ông/bà./.',
      recipientsLabel: 'Nơi nhận:',
      recipients: '- Như trên;\n- Bộ phận tiếp nhận và trả kết quả;\n- Lưu: VT.',
    },
    ruleSetTexts: {
      nd118_2025: {
        title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        apology:
          'Sự chậm trễ này đã gây phiền hà cho ông/bà. {agencyName} xin lỗi ông/bà, đề nghị {extensionFrom} ' +
          'gia hạn thời gian giải quyết và hẹn ngày trả kết quả giải quyết hồ sơ là {newDueAt}.',
      },
    },
  },
  stop_notice: {
    name: 'stop_notice',
    label: { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Notice that processing stopped' },
    formNumber: { tt01_2018: null, nd118_2025: 'Mẫu số 05' },
    legalBasis: { tt01_2018: TT01, nd118_2025: TT03 },
    texts: {
      title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      numberFormat: '{number}/TB-DGQ',
      addresseeLabel: 'Kính gửi',
      body: 'Ngày {receivedAt}, {agencyName} tiếp nhận hồ sơ đề nghị {procedureName} của ông/bà, mã hồ sơ {code}.',
      decision: '{agencyName} thông báo dừng giải quyết hồ sơ nêu trên. Lý do: {reason}.',
      legalBasisLine: 'Căn cứ: {legalBasis}.',
      closing: 'Xin thông báo để ông/bà được biết./.',
      recipientsLabel: 'Nơi nhận:',
      recipients: '- Như trên;\n- Bộ phận tiếp nhận và trả kết quả;\n- Lưu: VT.',
    },
  },
  control_slip: {
    name: 'control_slip',
    label: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Processing control slip' },
    formNumber: { tt01_2018: 'Mẫu số 05', nd118_2025: 'Mẫu số 06' },
    legalBasis: { tt01_2018: TT01, nd118_2025: TT03 },
    texts: {
      title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      attached: 'Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: {receiptNumber}',
      codeLabel: 'Mã hồ sơ',
      applicantLabel: 'Tên cá nhân, tổ chức',
      leadLabel: 'Cơ quan (bộ phận) giải quyết hồ sơ',
      coordinatingLabel: 'Cơ quan phối hợp giải quyết hồ sơ',
      limitLabel: 'Thời hạn giải quyết theo quy định',
      receivedLabel: 'Thời gian tiếp nhận',
      dueLabel: 'Hẹn trả kết quả',
      colStep: 'TÊN CƠ QUAN',
      colTime: 'THỜI GIAN GIAO, NHẬN HỒ SƠ',
      colOutcome: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/Đúng hạn/Quá hạn)',
      colNote: 'GHI CHÚ',
      handOver: '{n}. Giao: {from}',
      receive: '{n}. Nhận: {to}',
      giver: 'Người giao',
      receiver: 'Người nhận',
      early: 'Trước hạn',
      onTime: 'Đúng hạn',
      overdue: 'Quá hạn',
    },
  },
  tracking_book: {
    name: 'tracking_book',
    label: { vi: 'Sổ theo dõi hồ sơ', en: 'Dossier tracking book' },
    formNumber: { tt01_2018: 'Mẫu số 06', nd118_2025: 'Mẫu số 07' },
    legalBasis: { tt01_2018: TT01, nd118_2025: TT03 },
    texts: {
      title: 'SỔ THEO DÕI HỒ SƠ',
      subtitle: '{unitName} — từ ngày {from} đến ngày {to}',
      volumeLine: 'Quyển số: {volume}',
      colNo: 'STT',
      colCode: 'Mã hồ sơ',
      colProcedure: 'Tên TTHC',
      colSets: 'Số lượng hồ sơ (bộ)',
      colApplicant: 'Tên cá nhân, tổ chức',
      colAddress: 'Địa chỉ, số điện thoại',
      colLead: 'Cơ quan chủ trì giải quyết',
      colReceived: 'Nhận hồ sơ',
      colDue: 'Hẹn trả kết quả',
      colTransferred: 'Chuyển hồ sơ đến cơ quan giải quyết',
      colResultIn: 'Nhận kết quả từ cơ quan giải quyết',
      colReturned: 'Trả kết quả cho cá nhân, tổ chức',
      colSign: 'Ký nhận',
      colNote: 'Ghi chú',
      datesGroup: 'Ngày, tháng, năm',
      totalLine: 'Tổng số: {count} hồ sơ.',
      empty: 'Không có hồ sơ trong kỳ.',
    },
  },
  result_handover: {
    name: 'result_handover',
    label: { vi: 'Biên nhận trả kết quả giải quyết hồ sơ', en: 'Result hand-over receipt' },
    formNumber: { tt01_2018: null, nd118_2025: null },
    legalBasis: {
      tt01_2018: 'Nghị định số 61/2018/NĐ-CP, Điều 20',
      nd118_2025: 'Nghị định số 118/2025/NĐ-CP',
    },
    texts: {
      title: 'BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
      numberFormat: '{number}/BNKQ',
      codeLabel: 'Mã hồ sơ',
      intro: 'Bộ phận tiếp nhận và trả kết quả {agencyName} trả kết quả giải quyết hồ sơ cho:',
      applicantLabel: 'Ông/Bà',
      addressLabel: 'Địa chỉ',
      phoneLabel: 'Số điện thoại',
      procedureLabel: 'Thủ tục hành chính',
      resultsHeading: 'Kết quả giải quyết gồm:',
      colNo: 'TT',
      colName: 'Tên kết quả, giấy tờ',
      colQuantity: 'Số lượng',
      colForm: 'Hình thức',
      paper: 'Bản giấy',
      electronic: 'Bản điện tử',
      returnedLine: 'Thời gian trả kết quả: {returnedAt}.',
      collectorSign: 'NGƯỜI NHẬN KẾT QUẢ',
      officerSign: 'NGƯỜI TRẢ KẾT QUẢ',
      signNote: SIGN_NOTE,
    },
  },
  paper_conversion_mark: {
    name: 'paper_conversion_mark',
    label: { vi: 'Dấu chuyển đổi từ văn bản điện tử sang văn bản giấy', en: 'Converted-to-paper mark' },
    formNumber: { tt01_2018: null, nd118_2025: null },
    legalBasis: {
      tt01_2018: 'Nghị định số 45/2020/NĐ-CP, Điều 18',
      nd118_2025: 'Nghị định số 45/2020/NĐ-CP, Điều 18',
    },
    texts: {
      heading: 'BẢN CHUYỂN ĐỔI TỪ VĂN BẢN ĐIỆN TỬ',
      agencyLine: 'Cơ quan chuyển đổi: {agencyName}',
      converterLine: 'Người chuyển đổi: {converterName} ({converterTitle})',
      timeLine: 'Thời gian chuyển đổi: {convertedAt}',
      codeLine: 'Mã hồ sơ: {code}',
      hashLine: 'SHA-256 bản điện tử: {sha256}',
      pageMark: 'Bản chuyển đổi từ văn bản điện tử — {agencyName} — {convertedAt}',
    },
  },
};

/** The effective default texts of a template under a rule set (before administrators' overrides). */
export function defaultTexts(name: TemplateName, ruleSet: RuleSet): TemplateTexts {
  const definition = TEMPLATE_CATALOGUE[name];
  return { ...definition.texts, ...(definition.ruleSetTexts?.[ruleSet] ?? {}) };
}

/** Fills `{key}` placeholders once; unknown keys stay as written; values are not re-scanned. */
export function fill(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}
