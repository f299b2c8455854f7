// The Vietnamese catalogue is the complete one; en.ts is typed against it, so a missing English
// text is a compile error. Group by app and screen; functions for texts with values.

import { accountsVi } from './accounts.ts';
import { calendarVi } from './calendar.ts';
import { catalogueVi } from './catalogue.ts';
import { deskNotifyVi } from './desk-notify.ts';
import { documentsVi } from './documents.ts';
import { dossierDocumentsVi } from './dossier-documents.ts';
import { intakeVi } from './intake.ts';
import { lookupVi } from './lookup.ts';
import { processingVi } from './processing.ts';
import { rulesVi } from './rules.ts';
import { znsVi } from './zns.ts';

export const vi = {
  accounts: accountsVi,
  common: {
    skipToContent: 'Bỏ qua, đến nội dung chính',
    language: 'Ngôn ngữ',
    switchTo: 'English',
    switchToLabel: 'Switch to English',
    loading: 'Đang tải…',
    demoBanner: 'Bản trình diễn: dữ liệu và tài khoản là giả lập, không dùng cho hồ sơ thật.',
    hotline: 'Đường dây nóng',
    email: 'Thư điện tử',
    networkError: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    footerNote: 'Phần mềm MotCua — mã nguồn mở (AGPL-3.0).',
    mainNav: 'Điều hướng chính',
    notFoundTitle: 'Không tìm thấy trang',
    notFoundBody: 'Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi.',
    backHome: 'Về trang chủ',
  },
  portal: {
    title: 'Cổng dịch vụ công trực tuyến',
    navHome: 'Trang chủ',
    navProcedures: 'Thủ tục hành chính',
    navLookup: 'Tra cứu hồ sơ',
    navBackoffice: 'Dành cho cán bộ',
    heroTitle: 'Thực hiện thủ tục hành chính trực tuyến',
    heroLead: 'Tìm thủ tục, chuẩn bị hồ sơ, nộp trực tuyến và theo dõi kết quả ở một nơi.',
    searchLabel: 'Tìm thủ tục hành chính',
    searchPlaceholder: 'Ví dụ: đăng ký khai sinh',
    searchButton: 'Tìm kiếm',
    searchHint: 'Có thể gõ không dấu, ví dụ "dang ky khai sinh".',
    categoriesTitle: 'Thủ tục theo lĩnh vực',
    categoriesPending:
      'Danh mục thủ tục theo lĩnh vực sẽ hiển thị tại đây khi cơ quan công bố danh mục trên hệ thống.',
    lookupTitle: 'Tra cứu tình trạng hồ sơ',
    lookupLabel: 'Mã số hồ sơ',
    lookupPlaceholder: 'Ví dụ: 000.00.06.H99-260505-0001',
    lookupHint: 'Mã số hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    lookupButton: 'Tra cứu',
    lookupInvalid: 'Mã số hồ sơ chưa đúng định dạng (mã cơ quan-YYMMDD-số thứ tự).',
  },
  backoffice: {
    title: 'Hệ thống thông tin một cửa điện tử',
    loginTitle: 'Đăng nhập hệ thống',
    loginLead: 'Dành cho cán bộ, công chức, viên chức của các cơ quan trong tỉnh.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    showPassword: 'Hiện mật khẩu',
    loginButton: 'Đăng nhập',
    loggingIn: 'Đang đăng nhập…',
    requiredField: (label: string) => `Vui lòng nhập ${label.toLowerCase()}.`,
    errorSummary: 'Chưa đăng nhập được:',
    demoAccountsTitle: 'Tài khoản trình diễn',
    demoAccountsLead: (password: string) => `Mật khẩu chung của các tài khoản trình diễn: ${password}`,
    logout: 'Đăng xuất',
    signedInAs: 'Đang đăng nhập:',
    dashboardTitle: 'Tổng quan',
    dashboardWelcome: (name: string) => `Xin chào, ${name}.`,
    dashboardLead: 'Các chức năng tiếp nhận, xử lý hồ sơ và báo cáo sẽ xuất hiện tại đây theo quyền của bạn.',
    yourRoles: 'Vai trò của bạn',
    noRoles: 'Chưa được phân vai trò nào.',
    navDashboard: 'Tổng quan',
    portalLink: 'Cổng dịch vụ công',
  },
  documents: documentsVi,
  dossierDocuments: dossierDocumentsVi,
  roles: {
    system_admin: 'Quản trị hệ thống',
    unit_admin: 'Quản trị đơn vị',
    desk_officer: 'Cán bộ tiếp nhận và trả kết quả',
    specialist: 'Chuyên viên xử lý',
    unit_head: 'Lãnh đạo phòng',
    agency_leader: 'Lãnh đạo cơ quan',
    procedure_control: 'Đầu mối kiểm soát TTHC',
    provincial_monitor: 'Giám sát cấp tỉnh',
    statistics_viewer: 'Xem thống kê',
  },
  calendar: calendarVi,
  catalogue: catalogueVi,
  intake: intakeVi,
  deskNotify: deskNotifyVi,
  processing: processingVi,
  rules: rulesVi,
  zns: znsVi,
  lookup: lookupVi,
};

/** A catalogue's type with its texts widened to string: what the English catalogue must match. */
export type Catalogue<T> = Widen<T>;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends Record<string, unknown>
      ? { [K in keyof T]: Widen<T[K]> }
      : T;

export type Messages = Widen<typeof vi>;
