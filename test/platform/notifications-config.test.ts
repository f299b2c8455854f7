// Notification and signing providers are configuration (README): local simulations by default outside
// production, real providers or off in production, secrets never printed (goal 22).
import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig } from '../../src/platform/config/config.ts';

const SAFE_PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://motcua:secret@db.internal:5432/motcua',
  MOTCUA_PUBLIC_URL: 'https://dichvucong.anhoa.gov.vn',
  MOTCUA_SESSION_SECRET: 'x'.repeat(48),
  // Goal 23: production keeps its master keys apart from the data.
  MOTCUA_KEYRING_FILE: '/etc/motcua/keyring.json',
};

describe('[R37] notification providers configuration', () => {
  it('uses the local simulations by default outside production, with 21:00–07:00 SMS quiet hours', () => {
    const { notifications } = loadConfig({});
    expect([notifications.email.kind, notifications.sms.kind, notifications.chat.kind]).toEqual([
      'local',
      'local',
      'local',
    ]);
    expect(notifications.smsQuietHours).toEqual({ startMinute: 1260, endMinute: 420 });
    expect(notifications.maxAttempts).toBe(10);
  });

  it('[goal 24] production turns channels off by default and refuses the simulations', () => {
    const { notifications } = loadConfig(SAFE_PRODUCTION);
    expect([notifications.email.kind, notifications.sms.kind, notifications.chat.kind]).toEqual([
      'off',
      'off',
      'off',
    ]);
    expect(() => loadConfig({ ...SAFE_PRODUCTION, MOTCUA_SMS: 'local' })).toThrow(
      /cannot be "local" in production/,
    );
  });

  it('real providers need their settings, named in the error', () => {
    expect(() => loadConfig({ MOTCUA_EMAIL: 'smtp' })).toThrow(/MOTCUA_SMTP_URL/);
    expect(() => loadConfig({ MOTCUA_SMS: 'http', MOTCUA_SMS_URL: 'https://sms.example.vn' })).toThrow(
      /MOTCUA_SMS_API_KEY/,
    );
    expect(() => loadConfig({ MOTCUA_CHAT: 'zalo' })).toThrow(/MOTCUA_CHAT_ACCESS_TOKEN/);
    expect(() =>
      loadConfig({ MOTCUA_CHAT: 'zalo', MOTCUA_CHAT_ACCESS_TOKEN: 't', MOTCUA_CHAT_APP_ID: '123' }),
    ).toThrow(/MOTCUA_CHAT_OA_SECRET_KEY/);
    expect(() =>
      loadConfig({ MOTCUA_CHAT: 'zalo', MOTCUA_CHAT_ACCESS_TOKEN: 't', MOTCUA_CHAT_PERMANENT_ERRORS: 'x' }),
    ).toThrow(/MOTCUA_CHAT_PERMANENT_ERRORS/);
    expect(() =>
      loadConfig({ MOTCUA_CHAT: 'zalo', MOTCUA_CHAT_ACCESS_TOKEN: 't', MOTCUA_CHAT_REFRESH_TOKEN: 'r' }),
    ).toThrow(/MOTCUA_CHAT_APP_ID/);
    expect(() =>
      loadConfig({
        MOTCUA_CHAT: 'zalo',
        MOTCUA_CHAT_ACCESS_TOKEN: 't',
        MOTCUA_CHAT_REFRESH_TOKEN: 'r',
        MOTCUA_CHAT_APP_ID: '123',
        MOTCUA_CHAT_OA_SECRET_KEY: 'o',
      }),
    ).toThrow(/MOTCUA_CHAT_APP_SECRET/);
    expect(() => loadConfig({ MOTCUA_SMS: 'pigeon' })).toThrow(/MOTCUA_SMS/);
    expect(() => loadConfig({ MOTCUA_SMS_QUIET_HOURS: '9pm' })).toThrow(/MOTCUA_SMS_QUIET_HOURS/);
    expect(() => loadConfig({ MOTCUA_NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/MOTCUA_NOTIFY_MAX_ATTEMPTS/);
  });

  it('[goal 22] describeConfig never shows passwords, API keys, HMAC secrets or tokens', () => {
    const config = loadConfig({
      MOTCUA_EMAIL: 'smtp',
      MOTCUA_SMTP_URL: 'smtps://user:smtp-sentinel@mail.example.vn:465',
      MOTCUA_SMS: 'http',
      MOTCUA_SMS_URL: 'https://sms.example.vn',
      MOTCUA_SMS_API_KEY: 'key-sentinel',
      MOTCUA_SMS_SECRET: 'secret-sentinel',
      MOTCUA_CHAT: 'zns',
      MOTCUA_CHAT_URL: 'https://zns.example.vn',
      MOTCUA_CHAT_ACCESS_TOKEN: 'token-sentinel',
      MOTCUA_CHAT_APP_ID: '1234567890',
      MOTCUA_CHAT_OA_SECRET_KEY: 'oa-secret-sentinel',
      MOTCUA_CHAT_REFRESH_TOKEN: 'refresh-sentinel',
      MOTCUA_CHAT_APP_SECRET: 'app-secret-sentinel',
      MOTCUA_SIGNING_P12: '/keys/agency.p12',
      MOTCUA_SIGNING_P12_PASSWORD: 'p12-sentinel',
    });
    const printed = JSON.stringify(describeConfig(config));
    for (const sentinel of [
      'smtp-sentinel',
      'key-sentinel',
      'secret-sentinel',
      'token-sentinel',
      'oa-secret-sentinel',
      'refresh-sentinel',
      'app-secret-sentinel',
      'p12-sentinel',
    ]) {
      expect(printed).not.toContain(sentinel);
    }
    expect(config.signing).toMatchObject({ p12File: '/keys/agency.p12', useDemoPki: false });
    // "zns" (the first name) still selects Zalo; the OA API defaults to Zalo's own address.
    expect(config.notifications.chat).toMatchObject({
      kind: 'zalo',
      url: 'https://zns.example.vn',
      oaUrl: 'https://openapi.zalo.me',
      webhook: { appId: '1234567890' },
    });
  });

  it('[R24] demo mode without signing settings uses the generated demo CA', () => {
    expect(loadConfig({}).signing.useDemoPki).toBe(true);
    expect(loadConfig({ MOTCUA_DEMO: 'false' }).signing.useDemoPki).toBe(false);
  });
});
