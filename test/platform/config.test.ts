// Configuration is validated once at startup (issue 2 item 2) and the production profile refuses
// settings that are only fit for a laptop (security goal 24).
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/platform/config/config.ts';

const SAFE_PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://motcua:secret@db.internal:5432/motcua',
  MOTCUA_PUBLIC_URL: 'https://dichvucong.anhoa.gov.vn',
  MOTCUA_SESSION_SECRET: 'x'.repeat(48),
  MOTCUA_KEYRING_FILE: '/etc/motcua/keyring.json',
};

describe('configuration', () => {
  it('embedded defaults need no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      demo: true,
      env: 'development',
      publicUrl: 'http://localhost:3000',
    });
    expect(config.database.kind).toBe('pglite');
  });

  it('a PostgreSQL server turns the demo off by default', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/motcua' }).demo).toBe(false);
  });

  it('refuses malformed values with the variable named', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ MOTCUA_DEMO: 'maybe' })).toThrow(/MOTCUA_DEMO/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ MOTCUA_PUBLIC_URL: 'ftp://x' })).toThrow(/MOTCUA_PUBLIC_URL/);
  });

  it('[goal 24] the production profile accepts a safe configuration', () => {
    expect(loadConfig(SAFE_PRODUCTION).env).toBe('production');
  });

  it.each([
    ['embedded database', { DATABASE_URL: '' }, /DATABASE_URL is required/],
    ['demo data', { MOTCUA_DEMO: 'true' }, /MOTCUA_DEMO/],
    ['plain http', { MOTCUA_PUBLIC_URL: 'http://dichvucong.anhoa.gov.vn' }, /https/],
    ['short session secret', { MOTCUA_SESSION_SECRET: 'short' }, /MOTCUA_SESSION_SECRET/],
    ['TLS disabled to the database', { DATABASE_URL: 'postgres://db/motcua?sslmode=disable' }, /sslmode/],
    ['certificate checks off', { NODE_TLS_REJECT_UNAUTHORIZED: '0' }, /NODE_TLS_REJECT_UNAUTHORIZED/],
    ['the local identity provider', { MOTCUA_OIDC_LOCAL: 'true' }, /MOTCUA_OIDC_LOCAL/],
    ['master keys left to the default key file', { MOTCUA_KEYRING_FILE: '' }, /MOTCUA_MASTER_KEYS/],
    [
      'a plain-http identity provider',
      {
        MOTCUA_OIDC_ISSUER: 'http://idp.example',
        MOTCUA_OIDC_CLIENT_ID: 'a',
        MOTCUA_OIDC_CLIENT_SECRET: 'b',
      },
      /MOTCUA_OIDC_ISSUER/,
    ],
  ])('[goal 24] production refuses %s', (_name, override, message) => {
    expect(() => loadConfig({ ...SAFE_PRODUCTION, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...SAFE_PRODUCTION, ...override })).toThrow(message);
  });

  it('[R8] single sign-on: local stand-in by default outside production, off in production unless configured', () => {
    expect(loadConfig({}).oidc).toEqual({ kind: 'local' });
    expect(loadConfig(SAFE_PRODUCTION).oidc).toEqual({ kind: 'off' });
    expect(() => loadConfig({ MOTCUA_OIDC_ISSUER: 'https://idp.example' })).toThrow(/MOTCUA_OIDC_CLIENT_ID/);
  });

  it('never shows database passwords or the session secret', () => {
    const shown = JSON.stringify(
      describeConfig(
        loadConfig({
          ...SAFE_PRODUCTION,
          MOTCUA_OIDC_ISSUER: 'https://idp.example',
          MOTCUA_OIDC_CLIENT_ID: 'motcua',
          MOTCUA_OIDC_CLIENT_SECRET: 'oidc-secret-value',
        }),
      ),
    );
    expect(shown).not.toContain('oidc-secret-value');
    expect(shown).not.toContain('secret@');
    expect(shown).not.toContain('x'.repeat(48));
  });
});
