// Demo interactive e-forms (TT 32/2017 Đ8): the data each declaration asks for, with Vietnamese and
// English labels, help at each field, conditional fields and prefill from the citizen's profile.
// Field lists follow the published paper forms in spirit; they are demonstration e-forms, not the
// official electronic forms of the national portal.
import type { EformDefinition } from '../catalogue/procedure-content.schemas.ts';

type Field = EformDefinition['layout']['fields'][number];
type Prop = EformDefinition['schema']['properties'][string];

interface F {
  name: string;
  vi: string;
  en: string;
  prop: Prop;
  required?: boolean;
  extra?: Omit<Field, 'name' | 'label'>;
}

const text = (name: string, vi: string, en: string, extra: F['extra'] = {}, required = true): F => ({
  name,
  vi,
  en,
  prop: { type: 'string', minLength: 1, maxLength: 300 },
  required,
  extra,
});
const date = (name: string, vi: string, en: string, extra: F['extra'] = {}): F => ({
  name,
  vi,
  en,
  prop: { type: 'string', format: 'date' },
  required: true,
  extra: { widget: 'date', ...extra },
});
const choice = (
  name: string,
  vi: string,
  en: string,
  options: Array<[string, string, string]>,
  extra: F['extra'] = {},
): F => ({
  name,
  vi,
  en,
  prop: { type: 'string', enum: options.map((o) => o[0]) },
  required: true,
  extra: { widget: 'radio', optionLabels: options.map(([, v, e]) => ({ vi: v, en: e })), ...extra },
});
const flag = (name: string, vi: string, en: string): F => ({
  name,
  vi,
  en,
  prop: { type: 'boolean' },
  required: false,
  extra: { widget: 'checkbox' },
});

function eform(titleVi: string, titleEn: string, fields: F[]): EformDefinition {
  return {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(fields.map((f) => [f.name, f.prop])),
      required: fields.filter((f) => f.required).map((f) => f.name),
    },
    layout: {
      title: { vi: titleVi, en: titleEn },
      fields: fields.map((f) => ({ name: f.name, label: { vi: f.vi, en: f.en }, ...f.extra })),
    },
  };
}

const help = (vi: string, en: string) => ({ help: { vi, en } });
const idNumber = (): F => ({
  name: 'soDinhDanh',
  vi: 'Số định danh cá nhân (CCCD)',
  en: 'Personal identification number',
  prop: { type: 'string', pattern: '^[0-9]{12}$' },
  required: true,
  extra: {
    prefill: 'idNumber',
    ...help('Gồm 12 chữ số, in trên thẻ căn cước.', '12 digits, printed on the ID card.'),
  },
});
const phone = (): F => ({
  name: 'dienThoai',
  vi: 'Số điện thoại liên hệ',
  en: 'Contact phone number',
  prop: { type: 'string', pattern: '^[0-9+ ]{9,15}$' },
  required: true,
  extra: { widget: 'tel', prefill: 'phone' },
});
const applicant = (): F[] => [
  text('hoTenNguoiYeuCau', 'Họ, chữ đệm, tên người yêu cầu', 'Full name of the applicant', {
    prefill: 'fullName',
  }),
  idNumber(),
  text('noiCuTru', 'Nơi cư trú', 'Place of residence', { prefill: 'address', widget: 'textarea' }),
  phone(),
];
const proxy = (): F[] => [
  flag(
    'nopThay',
    'Tôi nộp hồ sơ thay (theo ủy quyền)',
    'I am submitting on behalf of someone (by authorisation)',
  ),
  {
    ...text('nguoiUyQuyen', 'Họ tên người ủy quyền', 'Name of the person who authorised you'),
    extra: {
      showIf: { field: 'nopThay', equals: true },
      ...help(
        'Đính kèm văn bản ủy quyền ở thành phần hồ sơ tương ứng.',
        'Attach the authorisation in its slot.',
      ),
    },
  },
];
const gender = (name: string, vi: string, en: string) =>
  choice(name, vi, en, [
    ['nam', 'Nam', 'Male'],
    ['nu', 'Nữ', 'Female'],
  ]);

export const DEMO_EFORMS: Record<string, EformDefinition> = {
  khaiSinh: eform('Tờ khai đăng ký khai sinh', 'Birth registration declaration', [
    ...applicant(),
    choice('quanHe', 'Quan hệ với người được khai sinh', 'Relationship to the child', [
      ['cha', 'Cha', 'Father'],
      ['me', 'Mẹ', 'Mother'],
      ['khac', 'Khác', 'Other'],
    ]),
    {
      ...text('quanHeKhac', 'Ghi rõ quan hệ', 'State the relationship'),
      extra: { showIf: { field: 'quanHe', equals: 'khac' } },
    },
    text('hoTenTre', 'Họ, chữ đệm, tên người được khai sinh', 'Full name of the child'),
    gender('gioiTinhTre', 'Giới tính', 'Sex'),
    date('ngaySinhTre', 'Ngày, tháng, năm sinh', 'Date of birth'),
    text(
      'noiSinh',
      'Nơi sinh',
      'Place of birth',
      help('Tên cơ sở y tế hoặc địa chỉ nơi sinh.', 'Health facility or address.'),
    ),
    text('danToc', 'Dân tộc', 'Ethnic group'),
    text('quocTich', 'Quốc tịch', 'Nationality'),
    text('hoTenMe', 'Họ, chữ đệm, tên người mẹ', 'Mother’s full name'),
    text(
      'hoTenCha',
      'Họ, chữ đệm, tên người cha',
      'Father’s full name',
      help('Để trống nếu chưa xác định được cha.', 'Leave empty if not established.'),
      false,
    ),
    ...proxy(),
  ]),
  ketHon: eform('Tờ khai đăng ký kết hôn', 'Marriage registration declaration', [
    text('hoTenBenNu', 'Họ, chữ đệm, tên bên nữ', 'Bride’s full name'),
    date('ngaySinhBenNu', 'Ngày sinh bên nữ', 'Bride’s date of birth'),
    text('cuTruBenNu', 'Nơi cư trú bên nữ', 'Bride’s residence'),
    text('hoTenBenNam', 'Họ, chữ đệm, tên bên nam', 'Groom’s full name'),
    date('ngaySinhBenNam', 'Ngày sinh bên nam', 'Groom’s date of birth'),
    text('cuTruBenNam', 'Nơi cư trú bên nam', 'Groom’s residence'),
    flag('daTungKetHon', 'Một trong hai bên đã từng kết hôn', 'One of the parties was married before'),
    {
      ...text(
        'giayToLyHon',
        'Số bản án/quyết định ly hôn hoặc giấy chứng tử',
        'Divorce judgment or death certificate number',
      ),
      extra: { showIf: { field: 'daTungKetHon', equals: true } },
    },
    phone(),
  ]),
  khaiTu: eform('Tờ khai đăng ký khai tử', 'Death registration declaration', [
    ...applicant(),
    text('hoTenNguoiChet', 'Họ, chữ đệm, tên người đã chết', 'Full name of the deceased'),
    date('ngayChet', 'Ngày chết', 'Date of death'),
    text('noiChet', 'Nơi chết', 'Place of death'),
    text('nguyenNhan', 'Nguyên nhân chết', 'Cause of death'),
    text('quanHe', 'Quan hệ với người đã chết', 'Relationship to the deceased'),
  ]),
  lltp: eform('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Request for a judicial record certificate', [
    text('hoTen', 'Họ, chữ đệm, tên', 'Full name', { prefill: 'fullName' }),
    gender('gioiTinh', 'Giới tính', 'Sex'),
    date('ngaySinh', 'Ngày, tháng, năm sinh', 'Date of birth', { prefill: 'dateOfBirth' }),
    idNumber(),
    text('noiThuongTru', 'Nơi thường trú', 'Permanent residence', { prefill: 'address' }),
    choice(
      'loaiPhieu',
      'Loại phiếu yêu cầu',
      'Certificate type',
      [
        ['1', 'Phiếu số 1', 'Certificate no. 1'],
        ['2', 'Phiếu số 2', 'Certificate no. 2'],
      ],
      help(
        'Phiếu số 2 ghi đầy đủ án tích, kể cả án tích đã được xóa.',
        'No. 2 lists every conviction, including expunged ones.',
      ),
    ),
    {
      name: 'soLuong',
      vi: 'Số lượng phiếu',
      en: 'Number of copies',
      prop: { type: 'integer', minimum: 1, maximum: 10 },
      required: true,
      extra: {
        widget: 'number',
        ...help('Từ bản thứ 3 trở đi thu thêm 5.000 đồng/bản.', 'From the 3rd copy: 5,000 VND each.'),
      },
    },
    text('mucDich', 'Mục đích sử dụng', 'Purpose'),
    phone(),
  ]),
  thuongTru: eform('Tờ khai thay đổi thông tin cư trú (CT01)', 'Residence information change form (CT01)', [
    ...applicant(),
    text('diaChiDangKy', 'Địa chỉ đề nghị đăng ký thường trú', 'Address to register', { widget: 'textarea' }),
    text('chuHo', 'Họ tên chủ hộ', 'Head of household'),
    text('quanHeChuHo', 'Quan hệ với chủ hộ', 'Relationship to the head of household'),
  ]),
  hoKinhDoanh: eform('Giấy đề nghị đăng ký hộ kinh doanh', 'Business household registration request', [
    ...applicant(),
    text('tenHoKinhDoanh', 'Tên hộ kinh doanh', 'Business name'),
    text('diaDiem', 'Địa điểm kinh doanh', 'Business address', { widget: 'textarea' }),
    text('nganhNghe', 'Ngành, nghề kinh doanh', 'Lines of business', { widget: 'textarea' }),
    {
      name: 'vonKinhDoanh',
      vi: 'Vốn kinh doanh (đồng)',
      en: 'Capital (VND)',
      prop: { type: 'integer', minimum: 0 },
      required: true,
      extra: { widget: 'number' },
    },
    {
      name: 'soLaoDong',
      vi: 'Số lao động dự kiến',
      en: 'Expected workers',
      prop: { type: 'integer', minimum: 0, maximum: 10000 },
      required: true,
      extra: { widget: 'number' },
    },
  ]),
  giayPhepXayDung: eform('Đơn đề nghị cấp giấy phép xây dựng', 'Construction permit application', [
    ...applicant(),
    text(
      'diaDiemXayDung',
      'Địa điểm xây dựng (thửa đất, tờ bản đồ, địa chỉ)',
      'Site (parcel, map sheet, address)',
      { widget: 'textarea' },
    ),
    {
      name: 'dienTichXayDung',
      vi: 'Diện tích xây dựng tầng 1 (m²)',
      en: 'Ground floor area (m²)',
      prop: { type: 'number', minimum: 1, maximum: 100000 },
      required: true,
      extra: { widget: 'number' },
    },
    {
      name: 'soTang',
      vi: 'Số tầng',
      en: 'Number of storeys',
      prop: { type: 'integer', minimum: 1, maximum: 100 },
      required: true,
      extra: { widget: 'number' },
    },
    flag('coTangHam', 'Công trình có tầng hầm', 'The building has a basement'),
    {
      name: 'soTangHam',
      vi: 'Số tầng hầm',
      en: 'Number of basement levels',
      prop: { type: 'integer', minimum: 1, maximum: 10 },
      required: true,
      extra: { widget: 'number', showIf: { field: 'coTangHam', equals: true } },
    },
  ]),
  datDai: eform('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'Land change registration', [
    ...applicant(),
    text('soThua', 'Thửa đất số', 'Parcel number'),
    text('toBanDo', 'Tờ bản đồ số', 'Map sheet number'),
    text('soGiayChungNhan', 'Số phát hành Giấy chứng nhận', 'Certificate serial number'),
    text('noiDungBienDong', 'Nội dung đề nghị', 'What is requested', { widget: 'textarea' }),
  ]),
  anTrua: eform('Đơn đề nghị hỗ trợ ăn trưa', 'Application for lunch support', [
    ...applicant(),
    text('hoTenTre', 'Họ tên trẻ', 'Child’s full name'),
    date('ngaySinhTre', 'Ngày sinh của trẻ', 'Child’s date of birth'),
    text('truong', 'Cơ sở giáo dục mầm non đang học', 'Preschool attended'),
    choice('doiTuong', 'Thuộc đối tượng', 'Eligibility', [
      ['ngheo', 'Hộ nghèo, hộ cận nghèo', 'Poor or near-poor household'],
      ['mocoi', 'Mồ côi cha hoặc mẹ', 'Orphan (one or both parents)'],
      ['khac', 'Trường hợp khác theo quy định', 'Other eligible case'],
    ]),
  ]),
  khuyetTat: eform('Đơn đề nghị xác định, xác định lại mức độ khuyết tật', 'Disability assessment request', [
    ...applicant(),
    text('hoTenNguoiKhuyetTat', 'Họ tên người được xác định', 'Name of the person assessed'),
    date('ngaySinh', 'Ngày sinh', 'Date of birth'),
    choice('dangKhuyetTat', 'Dạng khuyết tật', 'Type of disability', [
      ['vandong', 'Vận động', 'Physical'],
      ['nghenoi', 'Nghe, nói', 'Hearing or speech'],
      ['nhin', 'Nhìn', 'Visual'],
      ['thankinh', 'Thần kinh, tâm thần', 'Neurological or psychiatric'],
      ['tritue', 'Trí tuệ', 'Intellectual'],
      ['khac', 'Khác', 'Other'],
    ]),
    flag('xacDinhLai', 'Đề nghị xác định lại (đã có giấy xác nhận)', 'Re-assessment (already certified)'),
    {
      ...text('soGiayCu', 'Số giấy xác nhận khuyết tật đã cấp', 'Number of the existing certificate'),
      extra: { showIf: { field: 'xacDinhLai', equals: true } },
    },
  ]),
  maiTang: eform('Tờ khai đề nghị hỗ trợ chi phí mai táng', 'Funeral cost support application', [
    ...applicant(),
    text('hoTenNguoiChet', 'Họ tên người đã chết', 'Name of the deceased'),
    date('ngayChet', 'Ngày chết', 'Date of death'),
    text(
      'doiTuongBTXH',
      'Là đối tượng bảo trợ xã hội thuộc diện',
      'Social protection category of the deceased',
    ),
  ]),
};
