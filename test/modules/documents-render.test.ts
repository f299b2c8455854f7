// Every official form renders with Vietnamese sample data under each rule set, and poppler reads the
// text back: NFC letters, the code, the title, hostile strings printed literally (goal 15).
import { describe, expect, it } from 'vitest';
import {
  type DocumentModels,
  RULE_SETS,
  type RuleSet,
  ruleSetOn,
  type TEMPLATE_NAMES,
} from '../../src/modules/documents/document-models.ts';
import {
  applyPaperConversionMark,
  renderDocument,
  templateExists,
} from '../../src/modules/documents/render-document.ts';
import { SAMPLE_MODELS } from '../../src/modules/documents/sample-models.ts';
import { defaultTexts } from '../../src/modules/documents/templates/template-catalogue.ts';
import { pdfPageCount, pdfText } from '../helpers/poppler.ts';

const PUBLIC_URL = 'https://dichvucong.anhoa.gov.vn';
const ctx = (name: (typeof TEMPLATE_NAMES)[number], ruleSet: RuleSet) => ({
  ruleSet,
  texts: defaultTexts(name, ruleSet),
  publicUrl: PUBLIC_URL,
});
/** pdftotext output with line breaks and runs of spaces folded, for phrase matching. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const TITLES: Record<
  Exclude<(typeof TEMPLATE_NAMES)[number], 'paper_conversion_mark'>,
  Record<RuleSet, string>
> = {
  receipt: {
    tt01_2018: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    nd118_2025: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  },
  completion_request: {
    tt01_2018: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    nd118_2025: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  },
  refusal: {
    tt01_2018: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    nd118_2025: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  },
  apology: {
    tt01_2018: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    nd118_2025: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
  },
  stop_notice: { tt01_2018: '', nd118_2025: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' },
  control_slip: {
    tt01_2018: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    nd118_2025: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  },
  tracking_book: { tt01_2018: 'SỔ THEO DÕI HỒ SƠ', nd118_2025: 'SỔ THEO DÕI HỒ SƠ' },
  result_handover: {
    tt01_2018: 'BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    nd118_2025: 'BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
  },
};

const FORM_NUMBERS: Record<RuleSet, Partial<Record<string, string>>> = {
  tt01_2018: {
    receipt: '01',
    completion_request: '02',
    refusal: '03',
    apology: '04',
    control_slip: '05',
    tracking_book: '06',
  },
  nd118_2025: {
    receipt: '01',
    completion_request: '02',
    refusal: '03',
    apology: '04',
    stop_notice: '05',
    control_slip: '06',
    tracking_book: '07',
  },
};

describe('[R18][R19] official forms render and read back', () => {
  for (const ruleSet of RULE_SETS) {
    for (const name of Object.keys(TITLES) as Array<keyof typeof TITLES>) {
      if (!templateExists(name, ruleSet)) {
        it(`[R19] ${name} does not exist under ${ruleSet}`, () => {
          expect(name).toBe('stop_notice');
          expect(ruleSet).toBe('tt01_2018');
        });
        continue;
      }
      it(`[R19] ${ruleSet} ${name}: national motto, agency, title, form number, sample data`, async () => {
        const pdf = await renderDocument(name, SAMPLE_MODELS[name] as never, ctx(name, ruleSet));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const text = flat(pdfText(pdf));
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
        expect(text).toContain('UBND TỈNH AN HÒA');
        expect(text).toContain(TITLES[name][ruleSet]);
        const formNumber = FORM_NUMBERS[ruleSet][name];
        if (formNumber) {
          expect(text).toContain(`Mẫu số ${formNumber}`);
        }
        expect(text.normalize('NFC')).toBe(text);
      });
    }
  }

  it('[R18] the receipt prints code, applicant, components, times in Vietnam time, book line and lookup link', async () => {
    const pdf = await renderDocument('receipt', SAMPLE_MODELS.receipt, ctx('receipt', 'nd118_2025'));
    const text = flat(pdfText(pdf));
    expect(text).toContain('Mã hồ sơ: 000.00.06.H99-260505-0001');
    expect(text).toContain('Nguyễn Thị Thủy Tiên');
    expect(text).toContain('Căn cước công dân của người được cấp Phiếu lý lịch tư pháp');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05/05/2026.');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 12/05/2026.');
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc.');
    expect(text).toContain('Quyển số: 05/2026, Số thứ tự: 1.');
    expect(text).toContain('Số: 1/TNHS');
    expect(text).toContain('https://dichvucong.anhoa.gov.vn/tra-cuu?');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('An Hòa, ngày 05 tháng 5 năm 2026');
    // The QR code is an embedded image.
    expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });

  it('[R18] a result given on the spot prints no appointment', async () => {
    const { dueAt: _, ...model } = SAMPLE_MODELS.receipt;
    const text = flat(pdfText(await renderDocument('receipt', model, ctx('receipt', 'tt01_2018'))));
    expect(text).toContain('Kết quả được giải quyết và trả ngay khi tiếp nhận');
    expect(text).not.toContain('Thời gian trả kết quả giải quyết hồ sơ:');
  });

  it('[goal 13] NFD input, invisible characters and control characters print as clean NFC', async () => {
    const model: DocumentModels['receipt'] = {
      ...SAMPLE_MODELS.receipt,
      applicant: {
        ...SAMPLE_MODELS.receipt.applicant,
        name: 'Nguyễn Thị Thủy\u200b Tiên\u0007'.normalize('NFD'),
      },
      requestContent: 'Đăng ký khai sinh'.normalize('NFD'),
    };
    const text = flat(pdfText(await renderDocument('receipt', model, ctx('receipt', 'nd118_2025'))));
    expect(text).toContain('Ông/Bà: Nguyễn Thị Thủy Tiên');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh');
    expect(text).not.toContain('\u0301');
  });

  it('[goal 15] hostile strings and template syntax in names are printed literally', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${…} is the hostile input.
    const hostile = '<script>alert(1)</script> {{7*7}} ${7*7} {code} <%= x %>';
    const model: DocumentModels['refusal'] = {
      ...SAMPLE_MODELS.refusal,
      applicant: { ...SAMPLE_MODELS.refusal.applicant, name: hostile },
      reasons: [hostile],
    };
    const text = flat(pdfText(await renderDocument('refusal', model, ctx('refusal', 'nd118_2025'))));
    expect(text).toContain(hostile);
    expect(text).not.toContain('49');
  });

  it('[TT 01/2018 Mẫu 05] the control slip numbers hand-overs and prints early / on time / overdue', async () => {
    const text = flat(
      pdfText(
        await renderDocument('control_slip', SAMPLE_MODELS.control_slip, ctx('control_slip', 'tt01_2018')),
      ),
    );
    expect(text).toContain('1. Giao: Bộ phận tiếp nhận và trả kết quả');
    expect(text).toContain('2. Nhận: Phòng Hành chính tư pháp, Sở Tư pháp');
    expect(text).toContain('6. Nhận: Phòng Hành chính tư pháp');
    for (const verdict of ['Trước hạn', 'Đúng hạn', 'Quá hạn']) {
      expect(text).toContain(verdict);
    }
  });

  it('[TT 01/2018 Mẫu 06] a long tracking book runs onto several numbered landscape pages', async () => {
    const row = SAMPLE_MODELS.tracking_book.rows[0];
    if (!row) {
      throw new Error('sample has rows');
    }
    const rows = Array.from({ length: 60 }, (_, i) => ({
      ...row,
      code: `000.00.06.H99-260505-${String(i + 1).padStart(4, '0')}`,
    }));
    const pdf = await renderDocument(
      'tracking_book',
      { ...SAMPLE_MODELS.tracking_book, rows },
      ctx('tracking_book', 'nd118_2025'),
    );
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = flat(pdfText(pdf));
    expect(text).toContain('000.00.06.H99-260505-0060');
    expect(text).toContain(`Trang ${pages}/${pages}`);
    expect(text).toContain('Tổng số: 60 hồ sơ.');
  });

  it('[ND 45/2020 Đ18] a converted paper copy carries the mark on every page and the full mark at the end', async () => {
    const original = await renderDocument('receipt', SAMPLE_MODELS.receipt, ctx('receipt', 'nd118_2025'));
    const marked = await applyPaperConversionMark(
      original,
      SAMPLE_MODELS.paper_conversion_mark,
      ctx('paper_conversion_mark', 'nd118_2025'),
    );
    expect(pdfPageCount(marked)).toBe(pdfPageCount(original) + 1);
    const text = flat(pdfText(marked));
    expect(text).toContain(
      'Bản chuyển đổi từ văn bản điện tử — Trung tâm Phục vụ hành chính công tỉnh An Hòa',
    );
    expect(text).toContain('BẢN CHUYỂN ĐỔI TỪ VĂN BẢN ĐIỆN TỬ');
    expect(text).toContain('Người chuyển đổi: Trần Văn Đức');
    expect(text).toContain(`SHA-256 bản điện tử: ${SAMPLE_MODELS.paper_conversion_mark.originalSha256}`);
    // The original bytes are untouched: the mark is a new file.
    expect(flat(pdfText(original))).not.toContain('BẢN CHUYỂN ĐỔI');
  });

  it('[R19] the rule set follows the date: ND 118/2025 from 01/07/2025 (Vietnam time)', () => {
    expect(ruleSetOn(new Date('2025-06-30T16:59:59Z'))).toBe('tt01_2018');
    expect(ruleSetOn(new Date('2025-06-30T17:00:00Z'))).toBe('nd118_2025');
  });
});
