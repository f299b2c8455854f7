import { accountsEn } from './accounts.ts';
import { calendarEn } from './calendar.ts';
import { catalogueEn } from './catalogue.ts';
import { deskNotifyEn } from './desk-notify.ts';
import { documentsEn } from './documents.ts';
import { dossierDocumentsEn } from './dossier-documents.ts';
import { intakeEn } from './intake.ts';
import { lookupEn } from './lookup.ts';
import { processingEn } from './processing.ts';
import { rulesEn } from './rules.ts';
import type { Messages } from './vi.ts';
import { znsEn } from './zns.ts';

export const en: Messages = {
  accounts: accountsEn,
  common: {
    skipToContent: 'Skip to main content',
    language: 'Language',
    switchTo: 'Tiếng Việt',
    switchToLabel: 'Chuyển sang tiếng Việt',
    loading: 'Loading…',
    demoBanner: 'Demonstration: all data and accounts are simulated; do not use for real dossiers.',
    hotline: 'Hotline',
    email: 'E-mail',
    networkError: 'Cannot reach the server. Please check your connection and try again.',
    footerNote: 'MotCua software — open source (AGPL-3.0).',
    mainNav: 'Main navigation',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The address you opened does not exist or has moved.',
    backHome: 'Back to home',
  },
  portal: {
    title: 'Online public-service portal',
    navHome: 'Home',
    navProcedures: 'Administrative procedures',
    navLookup: 'Track a dossier',
    navBackoffice: 'For civil servants',
    heroTitle: 'Do administrative procedures online',
    heroLead: 'Find a procedure, prepare your dossier, submit it online and follow the result in one place.',
    searchLabel: 'Search administrative procedures',
    searchPlaceholder: 'E.g. birth registration',
    searchButton: 'Search',
    searchHint: 'Vietnamese may be typed without diacritics, e.g. "dang ky khai sinh".',
    categoriesTitle: 'Procedures by sector',
    categoriesPending: 'Procedures by sector will be listed here once the agencies publish their catalogue.',
    lookupTitle: 'Track the status of a dossier',
    lookupLabel: 'Dossier code',
    lookupPlaceholder: 'E.g. 000.00.06.H99-260505-0001',
    lookupHint: 'The dossier code is printed on the receipt and appointment slip.',
    lookupButton: 'Track',
    lookupInvalid: 'The dossier code has the wrong format (agency code-YYMMDD-number).',
  },
  backoffice: {
    title: 'One-stop electronic information system',
    loginTitle: 'Sign in',
    loginLead: 'For civil servants and public employees of the province’s agencies.',
    username: 'Username',
    password: 'Password',
    showPassword: 'Show password',
    loginButton: 'Sign in',
    loggingIn: 'Signing in…',
    requiredField: (label: string) => `Please enter your ${label.toLowerCase()}.`,
    errorSummary: 'Could not sign in:',
    demoAccountsTitle: 'Demonstration accounts',
    demoAccountsLead: (password: string) => `All demonstration accounts use the password ${password}`,
    logout: 'Sign out',
    signedInAs: 'Signed in as:',
    dashboardTitle: 'Overview',
    dashboardWelcome: (name: string) => `Hello, ${name}.`,
    dashboardLead: 'Reception, processing and reporting functions will appear here according to your roles.',
    yourRoles: 'Your roles',
    noRoles: 'No roles assigned yet.',
    navDashboard: 'Overview',
    portalLink: 'Public-service portal',
  },
  documents: documentsEn,
  dossierDocuments: dossierDocumentsEn,
  roles: {
    system_admin: 'System administrator',
    unit_admin: 'Unit administrator',
    desk_officer: 'Reception and results desk officer',
    specialist: 'Specialist',
    unit_head: 'Unit head',
    agency_leader: 'Agency leader',
    procedure_control: 'Procedure-control focal point',
    provincial_monitor: 'Provincial monitor',
    statistics_viewer: 'Statistics viewer',
  },
  calendar: calendarEn,
  catalogue: catalogueEn,
  intake: intakeEn,
  deskNotify: deskNotifyEn,
  processing: processingEn,
  rules: rulesEn,
  zns: znsEn,
  lookup: lookupEn,
};
