// What a demo procedure is (the sector files list them) and how one becomes published catalogue
// content: where it is performed and received, its components, fees and e-forms, the demo form files.
import { foldVietnamese } from '../../domain/text/vietnamese.ts';
import type { ProcedureContent } from '../catalogue/procedure-content.schemas.ts';
import { DEMO_EFORMS } from './demo-eforms.ts';

export type DemoPlace =
  | 'commune'
  | 'stp'
  | 'sxd'
  | 'snnmt'
  | 'sgddt'
  | 'syt'
  | 'police-commune'
  | 'police-province'
  | 'bhxh';

type CopyKind = ProcedureContent['components'][number]['copyKind'];

export interface DemoProcedure {
  /** National code (mã TTHC): only codes taken from the sample file. */
  code?: string;
  local: string;
  name: string;
  nameEn: string;
  field: string;
  at: DemoPlace;
  time: [number, ProcedureContent['processingTime']['unit']];
  onlineTime?: number;
  timeNote?: string;
  online: ProcedureContent['onlineLevel'];
  legacy?: number;
  subjects?: ProcedureContent['subjects'];
  components: Array<
    [name: string, kind: CopyKind, options?: { qty?: number; cond?: string; form?: string; eform?: string }]
  >;
  fees?: Array<[name: string, amount: number | null, kind: 'fee' | 'charge', exemptions?: string]>;
  result: [name: string, isDocument?: boolean];
  legal: string[];
  requirements?: string[];
}

const CENTRE = '000.00.06.H99';
const DEPARTMENTS: Record<string, { code: string; head: string }> = {
  stp: { code: '000.00.11.H99', head: 'Giám đốc Sở Tư pháp' },
  sxd: { code: '000.00.12.H99', head: 'Giám đốc Sở Xây dựng' },
  snnmt: { code: '000.00.13.H99', head: 'Giám đốc Sở Nông nghiệp và Môi trường' },
  sgddt: { code: '000.00.14.H99', head: 'Giám đốc Sở Giáo dục và Đào tạo' },
  syt: { code: '000.00.15.H99', head: 'Giám đốc Sở Y tế' },
};
const COMMUNES = ['51', '52', '53', '54', '55', '56'].map((n) => `000.00.${n}.H99`);
const CENTRE_ADDRESS = 'Trung tâm Phục vụ hành chính công tỉnh An Hòa, số 8 đường Lê Lợi, phường Hòa Bình';

export const DEMO_DECISION = {
  decisionNumber: '1250/QĐ-UBND',
  decisionDate: '2025-06-25',
  effectiveFrom: '2025-07-01',
};

function placeOf(spec: DemoProcedure, agencies: Map<string, string>) {
  const id = (code: string) => agencies.get(code) ?? null;
  if (spec.at === 'commune') {
    return {
      levels: ['commune'] as const,
      performingAgencyIds: COMMUNES.flatMap((c) => id(c) ?? []),
      deskAgencyId: null,
      decidingAgencyId: null,
      decidingAuthority: 'Chủ tịch Ủy ban nhân dân cấp xã',
      whereToSubmit:
        'Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của Ủy ban nhân dân xã, phường bất kỳ trong tỉnh, hoặc trực tuyến.',
    };
  }
  const department = DEPARTMENTS[spec.at];
  if (department) {
    return {
      levels: ['province'] as const,
      performingAgencyIds: [id(department.code)].filter((x): x is string => x !== null),
      deskAgencyId: id(CENTRE),
      decidingAgencyId: id(department.code),
      decidingAuthority: department.head,
      whereToSubmit: `${CENTRE_ADDRESS}, hoặc trực tuyến.`,
    };
  }
  const outside = {
    'police-commune': [
      'commune',
      'Trưởng Công an cấp xã',
      'Công an xã, phường nơi cư trú; hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng VNeID.',
    ],
    'police-province': [
      'province',
      'Giám đốc Công an tỉnh',
      'Công an tỉnh An Hòa (trụ sở tiếp công dân); hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.',
    ],
    bhxh: [
      'province',
      'Giám đốc Bảo hiểm xã hội tỉnh',
      'Bảo hiểm xã hội tỉnh hoặc Bảo hiểm xã hội cơ sở; hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.',
    ],
  } as const;
  const [level, authority, where] = outside[spec.at as keyof typeof outside];
  return {
    levels: [level] as ['province'] | ['commune'],
    performingAgencyIds: [],
    deskAgencyId: null,
    decidingAgencyId: null,
    decidingAuthority: authority,
    whereToSubmit: `${where} (Cơ quan ngành dọc, không tiếp nhận qua hệ thống một cửa của tỉnh trình diễn.)`,
  };
}

export function contentOf(
  spec: DemoProcedure,
  agencies: Map<string, string>,
  sectors: Map<string, string>,
  files: Map<string, string>,
): ProcedureContent {
  const place = placeOf(spec, agencies);
  const immediate = spec.time[1] === 'immediate';
  const ways: ProcedureContent['ways'] = [
    { channel: 'in_person', note: null },
    ...(immediate ? [] : [{ channel: 'post' as const, note: 'Qua dịch vụ bưu chính công ích.' }]),
    ...(spec.online === 'none'
      ? []
      : [
          {
            channel: 'online' as const,
            note:
              spec.online === 'full'
                ? 'Nộp, thanh toán và nhận kết quả điện tử trực tuyến (toàn trình).'
                : 'Nộp hồ sơ trực tuyến; nhận kết quả trực tiếp hoặc qua bưu chính (một phần).',
          },
        ]),
  ];
  const sectorId = sectors.get(spec.field);
  if (!sectorId) {
    throw new Error(`demo: unknown field ${spec.field}`);
  }
  return {
    name: spec.name,
    nameEn: spec.nameEn,
    sectorId,
    levels: [...place.levels],
    subjects: spec.subjects ?? ['individual'],
    onlineLevel: spec.online,
    legacyLevel: spec.legacy ?? (spec.online === 'full' ? 4 : spec.online === 'partial' ? 3 : 2),
    immediateResult: immediate,
    processingTime: {
      value: spec.time[0],
      unit: spec.time[1],
      onlineValue: spec.onlineTime ?? null,
      note: spec.timeNote ?? null,
    },
    decidingAgencyId: place.decidingAgencyId,
    decidingAuthority: place.decidingAuthority,
    performingAgencyIds: place.performingAgencyIds,
    deskAgencyId: place.deskAgencyId,
    whereToSubmit: place.whereToSubmit,
    ways,
    steps: [
      {
        title: 'Chuẩn bị và nộp hồ sơ',
        description:
          'Tổ chức, cá nhân chuẩn bị hồ sơ theo thành phần quy định và nộp theo một trong các cách thức nêu dưới đây.',
      },
      {
        title: 'Tiếp nhận và kiểm tra hồ sơ',
        description:
          'Cán bộ Bộ phận Một cửa kiểm tra tính đầy đủ, hợp lệ. Hồ sơ đầy đủ: tiếp nhận và cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Chưa đầy đủ: hướng dẫn bổ sung một lần bằng Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.',
      },
      {
        title: immediate ? 'Giải quyết và trả kết quả ngay' : 'Giải quyết và trả kết quả',
        description: immediate
          ? 'Hồ sơ được giải quyết và trả kết quả ngay trong ngày làm việc; nộp sau 15 giờ thì trả trong ngày làm việc tiếp theo.'
          : `${place.decidingAuthority} xem xét, giải quyết trong thời hạn quy định; kết quả được trả tại nơi nộp, qua bưu chính công ích hoặc trực tuyến theo yêu cầu.`,
      },
    ],
    components: spec.components.map(([name, copyKind, options = {}], index) => ({
      key: `tp-${index + 1}`,
      name,
      quantity: options.qty ?? 1,
      copyKind,
      required: options.cond === undefined,
      condition: options.cond ?? null,
      formFileIds: options.form && files.get(options.form) ? [files.get(options.form) as string] : [],
      eform: options.eform ? (DEMO_EFORMS[options.eform] ?? null) : null,
    })),
    result: { name: spec.result[0], isDocument: spec.result[1] ?? true },
    fees: (spec.fees ?? []).map(([name, amountVnd, kind, exemptions]) => ({
      name,
      amountVnd,
      kind,
      whenPaid: 'on_submission',
      exemptions: exemptions ?? null,
    })),
    requirements: spec.requirements ?? [],
    legalBasis: spec.legal,
    responsibilities: [
      {
        party: 'applicant',
        text: 'Chịu trách nhiệm về tính trung thực, chính xác của hồ sơ; nộp phí, lệ phí (nếu có) theo quy định.',
      },
      {
        party: 'desk',
        text: 'Hướng dẫn một lần đầy đủ; tiếp nhận, hẹn và trả kết quả đúng hẹn; xin lỗi bằng văn bản và hẹn lại nếu quá hạn.',
      },
      {
        party: 'agency',
        text: 'Giải quyết đúng thời hạn; trường hợp từ chối phải trả lời bằng văn bản, nêu rõ lý do.',
      },
    ],
  };
}

/** A small valid PDF saying what the template is (demo stand-in for the official form file). */
export function demoPdf(title: string): Buffer {
  const ascii = foldVietnamese(title)
    .replace(/[^a-z0-9 .,()-]/gi, ' ')
    .toUpperCase();
  const stream = `BT /F1 14 Tf 50 780 Td (${ascii.slice(0, 80)}) Tj 0 -24 Td /F1 10 Tf (MAU TRINH DIEN - DEMO TEMPLATE, MotCua) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
