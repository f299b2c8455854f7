// Demo catalogue, police sectors: residence, identity cards, passports, security and order
// conditions, driving test centres (received by the police, outside the province's one-stop system).
// Same rules as demo-catalogue-justice.ts.
import type { DemoProcedure } from './demo-procedure-content.ts';

const CT_LAW = ['Luật Cư trú số 68/2020/QH14', 'Nghị định số 154/2024/NĐ-CP', 'Thông tư số 66/2023/TT-BCA'];
const CT01 = 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)';

const residence = (
  code: string | undefined,
  local: string,
  name: string,
  nameEn: string,
  days: number,
  components: DemoProcedure['components'],
  extra: Partial<DemoProcedure> = {},
): DemoProcedure => ({
  ...(code ? { code } : {}),
  local,
  name,
  nameEn,
  field: 'G01-CT',
  at: 'police-commune',
  time: [days, 'working_days'],
  online: 'full',
  components,
  result: ['Thông tin cư trú được cập nhật trong Cơ sở dữ liệu về cư trú', false],
  legal: CT_LAW,
  ...extra,
});

export const DEMO_PROCEDURES_POLICE: DemoProcedure[] = [
  residence(
    '1.004222',
    'AH-CT-CT01',
    'Đăng ký thường trú',
    'Permanent residence registration',
    7,
    [
      [CT01, 'original', { eform: 'thuongTru' }],
      ['Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'original_or_certified_copy'],
      [
        'Giấy tờ chứng minh quan hệ nhân thân',
        'copy',
        { cond: 'Trường hợp đăng ký vào hộ gia đình của người thân' },
      ],
    ],
    {
      fees: [
        ['Lệ phí đăng ký cư trú (nộp trực tiếp)', 20000, 'charge'],
        ['Lệ phí đăng ký cư trú (nộp trực tuyến)', 10000, 'charge'],
      ],
    },
  ),
  residence('1.004194', 'AH-CT-CT02', 'Đăng ký tạm trú', 'Temporary residence registration', 3, [
    [CT01, 'original'],
    ['Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'original_or_certified_copy'],
  ]),
  residence(
    '1.010028',
    'AH-CT-CT03',
    'Xóa đăng ký tạm trú',
    'Removal of temporary residence registration',
    2,
    [[CT01, 'original']],
  ),
  residence(
    undefined,
    'AH-CT-CT04',
    'Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú',
    'Correction of residence data',
    3,
    [
      [CT01, 'original'],
      ['Giấy tờ, tài liệu chứng minh việc điều chỉnh thông tin', 'original_or_certified_copy'],
    ],
  ),
  residence(
    undefined,
    'AH-CT-CT05',
    'Xác nhận thông tin về cư trú',
    'Confirmation of residence information',
    3,
    [[CT01, 'original']],
    { result: ['Văn bản xác nhận thông tin về cư trú'] },
  ),
  residence(
    '1.003197',
    'AH-CT-CT06',
    'Xóa đăng ký thường trú',
    'Removal of permanent residence registration',
    5,
    [
      [CT01, 'original'],
      ['Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú', 'copy'],
    ],
  ),
  residence('1.010038', 'AH-CT-CT07', 'Tách hộ', 'Splitting a household', 5, [
    [CT01, 'original'],
    ['Văn bản đồng ý tách hộ của chủ hộ', 'original', { cond: 'Trường hợp chủ hộ không trực tiếp đề nghị' }],
  ]),
  residence('1.002755', 'AH-CT-CT08', 'Gia hạn tạm trú', 'Extension of temporary residence', 3, [
    [CT01, 'original'],
  ]),
  residence('1.003677', 'AH-CT-CT09', 'Khai báo tạm vắng', 'Declaration of temporary absence', 1, [
    ['Đề nghị khai báo tạm vắng', 'original'],
  ]),
  residence(
    '2.001159',
    'AH-CT-CT10',
    'Thông báo lưu trú',
    'Notification of a stay',
    1,
    [['Thông tin người lưu trú (họ tên, số định danh, thời gian lưu trú)', 'original']],
    {
      subjects: ['individual', 'organisation'],
      timeNote: 'Thông báo trước 23 giờ cùng ngày người đến lưu trú.',
    },
  ),
  {
    code: '1.116410',
    local: 'AH-CC-01',
    name: 'Cấp thẻ căn cước cho người dưới 06 tuổi',
    nameEn: 'Identity card for a child under 6',
    field: 'G01-CC',
    at: 'police-commune',
    time: [7, 'working_days'],
    online: 'full',
    components: [
      ['Phiếu thu nhận thông tin căn cước (Mẫu CC01)', 'original'],
      ['Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02)', 'original'],
      [
        'Phiếu thu thập thông tin dân cư (Mẫu DC01)',
        'original',
        { cond: 'Trường hợp thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư' },
      ],
    ],
    fees: [['Lệ phí cấp thẻ căn cước', 0, 'charge', 'Miễn lệ phí']],
    result: ['Thẻ căn cước'],
    legal: ['Luật Căn cước số 26/2023/QH15'],
  },
  {
    local: 'AH-XNC-01',
    name: 'Cấp hộ chiếu phổ thông ở trong nước (tại Công an cấp tỉnh)',
    nameEn: 'Ordinary passport issued in Vietnam (provincial police)',
    field: 'G01-XNC',
    at: 'police-province',
    time: [8, 'working_days'],
    online: 'full',
    components: [['Tờ khai đề nghị cấp hộ chiếu phổ thông (Mẫu TK01)', 'original']],
    fees: [['Lệ phí cấp hộ chiếu', null, 'charge']],
    result: ['Hộ chiếu phổ thông'],
    legal: ['Luật Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14'],
  },
  {
    code: '2.001478',
    local: 'AH-ANTT-01',
    name: 'Cấp mới Giấy chứng nhận đủ điều kiện về an ninh, trật tự (Công an cấp tỉnh)',
    nameEn: 'Certificate of satisfying security and order conditions',
    field: 'G01-ANTT',
    at: 'police-province',
    time: [5, 'working_days'],
    online: 'partial',
    subjects: ['individual', 'organisation'],
    components: [
      ['Văn bản đề nghị cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự', 'original'],
      ['Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh', 'copy'],
    ],
    result: ['Giấy chứng nhận đủ điều kiện về an ninh, trật tự'],
    legal: ['Nghị định số 96/2016/NĐ-CP', 'QĐ 1523/QĐ-BCA-C06 (công bố TTHC)'],
  },
  {
    local: 'AH-GPLX-01',
    name: 'Cấp giấy phép cho trung tâm sát hạch lái xe loại 3',
    nameEn: 'Licence for a class-3 driving test centre',
    field: 'G01-GPLX',
    at: 'police-province',
    time: [5, 'working_days'],
    online: 'none',
    subjects: ['organisation'],
    components: [['Văn bản đề nghị cấp giấy phép sát hạch', 'original']],
    result: ['Giấy phép sát hạch'],
    legal: ['Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15'],
  },
];
