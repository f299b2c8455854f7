// Outside services for notifications and lookup channels (R37, R38): which e-mail, SMS and chat
// providers to use. `local` runs faithful in-process implementations (tests, demo; the UI says so);
// production must name real providers or `off`.
import {
  DEFAULT_SMS_QUIET_HOURS,
  parseQuietHours,
  type QuietHours,
} from '../../domain/notifications/delivery-schedule.ts';

export type EmailProvider = { kind: 'local' } | { kind: 'smtp'; url: string } | { kind: 'off' };
export type SmsProvider =
  | { kind: 'local' }
  | { kind: 'http'; url: string; apiKey: string; secret: string; sender: string | undefined }
  | { kind: 'off' };
/** Our side of Zalo's OA webhook: the app id and OA secret key that sign events (both or neither). */
export interface ZaloWebhookKeys {
  appId: string;
  oaSecretKey: string;
}
/** OAuth v4 renewal of Zalo's 25-hour access token (docs/adapters/zalo-oa.md). */
export interface ZaloTokenRenewal {
  oauthUrl: string;
  appId: string;
  appSecret: string;
  /** The refresh token to start from; the newest one then lives in the database. */
  refreshToken: string;
}

export type ChatProvider =
  | { kind: 'local' }
  | {
      kind: 'zalo';
      /** ZNS API base (template messages). */
      url: string;
      /** OA Open API base (customer-service messages). */
      oaUrl: string;
      accessToken: string;
      /** Renewal of the access token with the refresh token (null: the token is renewed by hand). */
      renewal: ZaloTokenRenewal | null;
      webhook: ZaloWebhookKeys | null;
      /** Zalo error codes after which a retry cannot help (null: the built-in list). */
      permanentErrors: number[] | null;
    }
  | { kind: 'off' };

export interface NotificationConfig {
  email: EmailProvider;
  /** From: header of e-mails. */
  emailFrom: string;
  sms: SmsProvider;
  chat: ChatProvider;
  /** No SMS inside this Vietnam-time window (queued until it ends); null: none. */
  smsQuietHours: QuietHours | null;
  maxAttempts: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** SMS/chat lookups accepted per sender number per hour (security goals §4.8). */
  lookupsPerNumberPerHour: number;
  /** Zalo webhook events older or newer than this are refused (replay window). */
  chatWebhookMaxAgeSeconds: number;
}

type Env = Record<string, string | undefined>;

export class NotificationConfigError extends Error {}

function required(env: Env, key: string, when: string): string {
  const value = env[key]?.trim();
  if (!value) {
    throw new NotificationConfigError(`${key} is required when ${when}`);
  }
  return value;
}

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim();
  if (!raw) {
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new NotificationConfigError(`${key} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function choice<T extends string>(env: Env, key: string, allowed: readonly T[], fallback: T): T {
  const raw = (env[key]?.trim().toLowerCase() || fallback) as T;
  if (!allowed.includes(raw)) {
    throw new NotificationConfigError(`${key} must be one of ${allowed.join(', ')}, got "${env[key]}"`);
  }
  return raw;
}

function zaloWebhookKeys(env: Env): ZaloWebhookKeys | null {
  const appId = env.MOTCUA_CHAT_APP_ID?.trim();
  const oaSecretKey = env.MOTCUA_CHAT_OA_SECRET_KEY?.trim();
  if (!appId && !oaSecretKey) {
    return null;
  }
  if (!appId || !oaSecretKey) {
    throw new NotificationConfigError(
      'MOTCUA_CHAT_APP_ID and MOTCUA_CHAT_OA_SECRET_KEY go together (the OA webhook signature needs both)',
    );
  }
  return { appId, oaSecretKey };
}

function zaloTokenRenewal(env: Env): ZaloTokenRenewal | null {
  const refreshToken = env.MOTCUA_CHAT_REFRESH_TOKEN?.trim();
  if (!refreshToken) {
    return null;
  }
  return {
    oauthUrl: env.MOTCUA_CHAT_OAUTH_URL?.trim() || 'https://oauth.zaloapp.com',
    appId: required(env, 'MOTCUA_CHAT_APP_ID', 'MOTCUA_CHAT_REFRESH_TOKEN'),
    appSecret: required(env, 'MOTCUA_CHAT_APP_SECRET', 'MOTCUA_CHAT_REFRESH_TOKEN'),
    refreshToken,
  };
}

/** "-108,-118" → [-108, -118]; empty: null. */
function errorCodes(env: Env, key: string): number[] | null {
  const raw = env[key]?.trim();
  if (!raw) {
    return null;
  }
  const codes = raw.split(',').map((c) => c.trim());
  if (codes.some((c) => !/^-?\d{1,6}$/.test(c))) {
    throw new NotificationConfigError(`${key} must be a comma-separated list of integers, got "${raw}"`);
  }
  return codes.map(Number);
}

export function loadNotificationConfig(env: Env, production: boolean): NotificationConfig {
  const fallback = production ? 'off' : 'local';
  const emailKind = choice(env, 'MOTCUA_EMAIL', ['local', 'smtp', 'off'], fallback);
  const smsKind = choice(env, 'MOTCUA_SMS', ['local', 'http', 'off'], fallback);
  // `zns` is the first version's name for the same provider.
  const chatChoice = choice(env, 'MOTCUA_CHAT', ['local', 'zalo', 'zns', 'off'], fallback);
  const chatKind = chatChoice === 'zns' ? 'zalo' : chatChoice;
  const quiet = parseQuietHours(env.MOTCUA_SMS_QUIET_HOURS ?? '21:00-07:00');
  if (quiet === undefined) {
    throw new NotificationConfigError('MOTCUA_SMS_QUIET_HOURS must look like 21:00-07:00, or be off');
  }
  const email: EmailProvider =
    emailKind === 'smtp'
      ? { kind: 'smtp', url: required(env, 'MOTCUA_SMTP_URL', 'MOTCUA_EMAIL=smtp') }
      : { kind: emailKind };
  const sms: SmsProvider =
    smsKind === 'http'
      ? {
          kind: 'http',
          url: required(env, 'MOTCUA_SMS_URL', 'MOTCUA_SMS=http'),
          apiKey: required(env, 'MOTCUA_SMS_API_KEY', 'MOTCUA_SMS=http'),
          secret: required(env, 'MOTCUA_SMS_SECRET', 'MOTCUA_SMS=http'),
          sender: env.MOTCUA_SMS_SENDER?.trim() || undefined,
        }
      : { kind: smsKind };
  const chat: ChatProvider =
    chatKind === 'zalo'
      ? {
          kind: 'zalo',
          url: env.MOTCUA_CHAT_URL?.trim() || 'https://business.openapi.zalo.me',
          oaUrl: env.MOTCUA_CHAT_OA_URL?.trim() || 'https://openapi.zalo.me',
          accessToken: required(env, 'MOTCUA_CHAT_ACCESS_TOKEN', 'MOTCUA_CHAT=zalo'),
          renewal: zaloTokenRenewal(env),
          webhook: zaloWebhookKeys(env),
          permanentErrors: errorCodes(env, 'MOTCUA_CHAT_PERMANENT_ERRORS'),
        }
      : { kind: chatKind };
  if (production && [email.kind, sms.kind, chat.kind].includes('local')) {
    throw new NotificationConfigError(
      'MOTCUA_EMAIL, MOTCUA_SMS and MOTCUA_CHAT cannot be "local" in production: messages would never reach anyone',
    );
  }
  return {
    email,
    emailFrom: env.MOTCUA_EMAIL_FROM?.trim() || 'MotCua <khong-tra-loi@motcua.local>',
    sms,
    chat,
    smsQuietHours: quiet ?? null,
    maxAttempts: integer(env, 'MOTCUA_NOTIFY_MAX_ATTEMPTS', 10, 1, 100),
    retryBaseSeconds: integer(env, 'MOTCUA_NOTIFY_RETRY_BASE_SECONDS', 30, 1, 3600),
    retryMaxSeconds: integer(env, 'MOTCUA_NOTIFY_RETRY_MAX_SECONDS', 1800, 1, 86_400),
    lookupsPerNumberPerHour: integer(env, 'MOTCUA_LOOKUPS_PER_NUMBER_PER_HOUR', 10, 1, 10_000),
    chatWebhookMaxAgeSeconds: integer(env, 'MOTCUA_CHAT_WEBHOOK_MAX_AGE_SECONDS', 300, 10, 86_400),
  };
}

export { DEFAULT_SMS_QUIET_HOURS };
