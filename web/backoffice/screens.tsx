// The back-office screens in one table: path, menu label (or none for sub-pages), the permission
// that shows it, what it renders. The menu and the router both read it, so a screen is added in one
// place; the server enforces the same permissions again on every call.
import type { ReactNode } from 'react';
import type { LoginResponse } from '../../src/modules/auth/auth.schemas.ts';
import type { Messages } from '../i18n/vi.ts';
import { AgenciesPage } from './accounts/AgenciesPage.tsx';
import { CitizensPage } from './accounts/CitizensPage.tsx';
import { CreateUserPage } from './accounts/CreateUserPage.tsx';
import { MyAccountPage } from './accounts/MyAccountPage.tsx';
import { OutboxPage } from './accounts/OutboxPage.tsx';
import { SectorsPage } from './accounts/SectorsPage.tsx';
import { UserDetailPage } from './accounts/UserDetailPage.tsx';
import { UsersPage } from './accounts/UsersPage.tsx';
import { CalendarPage } from './calendar/CalendarPage.tsx';
import { ImportPackPage } from './catalogue/ImportPackPage.tsx';
import { ProcedureAdminPage } from './catalogue/ProcedureAdminPage.tsx';
import { ProcedureEditorPage } from './catalogue/ProcedureEditorPage.tsx';
import { ProcedureListPage } from './catalogue/ProcedureListPage.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { DeskCheckPage } from './intake/DeskCheckPage.tsx';
import { DeskQueuePage } from './intake/DeskQueuePage.tsx';
import { OutagesPage } from './intake/OutagesPage.tsx';
import { ReceiptPage } from './intake/ReceiptPage.tsx';
import { WalkInPage } from './intake/WalkInPage.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';
import { DossierProcessPage } from './processing/DossierProcessPage.tsx';
import { ProcessEditorPage, ProcessesPage } from './processing/ProcessesPage.tsx';
import { TrackingBookPage } from './processing/TrackingBookPage.tsx';
import { WorklistPage } from './processing/WorklistPage.tsx';
import { RuleSetsPage } from './RuleSetsPage.tsx';
import { SignaturePage } from './SignaturePage.tsx';
import { can } from './session.ts';
import { TemplatesPage } from './TemplatesPage.tsx';
import { WordingPage } from './WordingPage.tsx';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export interface Screen {
  /** Exact path, or a pattern whose groups are passed to render (sub-pages, not in the menu). */
  path: string | RegExp;
  /** Menu label; absent for sub-pages. */
  label?: (m: Messages) => string;
  /** The permission that shows the screen (null: every signed-in officer). */
  permission: string | null;
  render(session: LoginResponse, params: string[], query: URLSearchParams): ReactNode;
}

export const SCREENS: Screen[] = [
  {
    path: '/admin/',
    label: (m) => m.backoffice.navDashboard,
    permission: null,
    render: (s) => <DashboardPage session={s} />,
  },
  // The catalogue (issue 5): procedure-control focal points and administrators.
  {
    path: '/admin/thu-tuc',
    label: (m) => m.catalogue.nav.adminProcedures,
    permission: 'procedure.manage',
    render: (_s, _p, q) => <ProcedureListPage query={q} />,
  },
  {
    path: '/admin/thu-tuc/moi',
    permission: 'procedure.manage',
    render: () => <ProcedureEditorPage key="new" id={null} />,
  },
  { path: '/admin/thu-tuc/nhap-goi', permission: 'procedure.manage', render: () => <ImportPackPage /> },
  {
    path: new RegExp(`^/admin/thu-tuc/(${UUID})$`),
    permission: 'procedure.manage',
    render: (_s, [id = '']) => <ProcedureAdminPage key={id} id={id} />,
  },
  {
    path: new RegExp(`^/admin/thu-tuc/(${UUID})/du-thao$`),
    permission: 'procedure.manage',
    render: (_s, [id = '']) => <ProcedureEditorPage key={id} id={id} />,
  },
  {
    path: '/admin/can-bo',
    label: (m) => m.accounts.nav.users,
    permission: 'user.read',
    render: () => <UsersPage />,
  },
  { path: '/admin/can-bo/moi', permission: 'user.manage', render: () => <CreateUserPage /> },
  {
    path: /^\/admin\/can-bo\/([0-9a-f-]{36})$/,
    permission: 'user.read',
    render: (_s, [id = '']) => <UserDetailPage id={id} />,
  },
  {
    path: '/admin/nguoi-dan',
    label: (m) => m.accounts.nav.citizens,
    permission: 'citizen.read',
    render: () => <CitizensPage />,
  },
  {
    path: '/admin/co-quan',
    label: (m) => m.accounts.nav.agencies,
    permission: 'agency.manage',
    render: () => <AgenciesPage />,
  },
  {
    path: '/admin/linh-vuc',
    label: (m) => m.accounts.nav.sectors,
    permission: 'sector.manage',
    render: () => <SectorsPage />,
  },
  // Which rules govern which reception days; the system administrator adds one from today on.
  {
    path: '/admin/bo-quy-tac',
    label: (m) => m.rules.nav,
    permission: null,
    render: (s) => <RuleSetsPage canManage={can(s, 'site.manage')} />,
  },
  {
    path: '/admin/lich-lam-viec',
    label: (m) => m.calendar.nav,
    permission: 'site.manage',
    render: (s) => <CalendarPage session={s} />,
  },
  // Issue 8 screens: forms and notifications for administrators, signature checks for every officer.
  {
    path: '/admin/thong-bao',
    label: (m) => m.documents.navNotifications,
    permission: 'outbox.read',
    render: () => <NotificationsPage />,
  },
  {
    path: '/admin/hop-thu',
    label: (m) => m.accounts.nav.outbox,
    permission: 'outbox.read',
    render: () => <OutboxPage />,
  },
  {
    path: '/admin/mau-phieu',
    label: (m) => m.documents.navTemplates,
    permission: 'site.manage',
    render: () => <TemplatesPage />,
  },
  {
    path: '/admin/noi-dung-mau',
    label: (m) => m.documents.navWording,
    permission: 'site.manage',
    render: () => <WordingPage />,
  },
  {
    path: '/admin/chu-ky-so',
    label: (m) => m.documents.navSignatures,
    permission: null,
    render: () => <SignaturePage />,
  },
  {
    path: '/admin/tai-khoan',
    label: (m) => m.accounts.nav.myAccount,
    permission: null,
    render: () => <MyAccountPage />,
  },
  // Issue 6: the one-stop desk's reception (queue with the R17 clock, walk-in, check, receipt).
  {
    path: '/admin/tiep-nhan',
    label: (m) => m.intake.nav.desk,
    permission: 'dossier.receive',
    render: (_s, _p, q) => <DeskQueuePage query={q} />,
  },
  { path: '/admin/tiep-nhan/moi', permission: 'dossier.receive', render: () => <WalkInPage /> },
  { path: '/admin/tiep-nhan/su-co', permission: 'dossier.receive', render: () => <OutagesPage /> },
  {
    path: new RegExp(`^/admin/ho-so/(${UUID})/tiep-nhan$`),
    permission: 'dossier.receive',
    render: (_s, [id = '']) => <DeskCheckPage key={id} id={id} />,
  },
  {
    path: new RegExp(`^/admin/ho-so/(${UUID})/bien-nhan$`),
    permission: 'dossier.read',
    render: (_s, [id = '']) => <ReceiptPage key={id} id={id} />,
  },
  // Issue 7: worklists, the processing screen of a dossier, process administration.
  {
    path: '/admin/xu-ly',
    label: (m) => m.processing.nav,
    permission: 'dossier.read',
    render: (_s, _p, q) => <WorklistPage query={q} />,
  },
  {
    path: '/admin/so-theo-doi',
    label: (m) => m.dossierDocuments.nav,
    permission: 'dossier.read',
    render: (s) => <TrackingBookPage session={s} />,
  },
  {
    path: new RegExp(`^/admin/ho-so/(${UUID})$`),
    permission: 'dossier.read',
    render: (_s, [id = '']) => <DossierProcessPage key={id} id={id} />,
  },
  {
    path: '/admin/quy-trinh',
    label: (m) => m.processing.navProcesses,
    permission: 'procedure.manage',
    render: () => <ProcessesPage />,
  },
  {
    path: new RegExp(`^/admin/quy-trinh/(${UUID})$`),
    permission: 'procedure.manage',
    render: (_s, [id = '']) => <ProcessEditorPage key={id} id={id} />,
  },
];

const allowed = (screen: Screen, session: LoginResponse) =>
  screen.permission === null || can(session, screen.permission);

/** The screens in the menu for this officer. */
export function menuFor(session: LoginResponse): Screen[] {
  return SCREENS.filter((screen) => screen.label && allowed(screen, session));
}

/** The screen for a path with its parameters, or undefined (not found, or not allowed). */
export function screenFor(
  path: string,
  session: LoginResponse,
): { screen: Screen; params: string[] } | undefined {
  const normalized = path === '/admin' ? '/admin/' : path;
  for (const screen of SCREENS) {
    if (!allowed(screen, session)) {
      continue;
    }
    if (typeof screen.path === 'string' && screen.path === normalized) {
      return { screen, params: [] };
    }
    if (screen.path instanceof RegExp) {
      const match = screen.path.exec(normalized);
      if (match) {
        return { screen, params: match.slice(1) };
      }
    }
  }
  return undefined;
}
