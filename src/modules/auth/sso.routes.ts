// Single sign-on through OpenID Connect (R8): /api/v1/auth/oidc/start sends the browser to the
// provider, /api/v1/auth/oidc/callback finishes the sign-in and records the identity assurance level
// on the session. With MOTCUA_OIDC_LOCAL the stand-in provider is served in-process at /dev-idp.
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import {
  createLocalProvider,
  handleLocalProvider,
  LOCAL_PROVIDER_PATH,
} from '../../adapters/identity/local-oidc-provider.ts';
import { OidcRelyingParty, type ProviderFetch } from '../../adapters/identity/oidc-client.ts';
import type { App } from '../../platform/http/app.ts';
import { StrictObject, standardErrorResponses } from '../../platform/http/schema.ts';
import { resolveSessionSecret } from '../../platform/http/session.ts';
import { actorOf } from './actor.ts';
import { startSession } from './auth.routes.ts';
import { recordSignInBySso } from './auth.service.ts';
import { signInWithIdentity } from './sso.service.ts';

const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** Only local paths of the portal are allowed after sign-in (no open redirect, ASVS 3.7.2). */
export function safeReturnTo(raw: string | undefined): string {
  return raw && /^\/(?![/\\])[\w\-./?=&%]*$/.test(raw) && !raw.startsWith('/api/') ? raw : '/tai-khoan';
}

function mountLocalProvider(
  app: App,
  relyingParty: { issuer: string; clientId: string; clientSecret: string },
) {
  const provider = createLocalProvider({
    issuer: relyingParty.issuer,
    clientId: relyingParty.clientId,
    clientSecret: relyingParty.clientSecret,
    redirectUri: `${app.deps.config.publicUrl}${CALLBACK_PATH}`,
    cookieKey: createHash('sha256')
      .update(`dev-idp:${resolveSessionSecret(app.deps.config)}`)
      .digest('hex'),
  });
  return app.register(async (scope) => {
    // The provider parses its own form bodies.
    scope.addContentTypeParser('application/x-www-form-urlencoded', (_request, _payload, done) => done(null));
    scope.all(`${LOCAL_PROVIDER_PATH}/*`, { schema: { hide: true }, logLevel: 'warn' }, (request, reply) => {
      reply.hijack();
      // Mounted like express would: the provider derives its mount path from originalUrl vs url.
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '').slice(LOCAL_PROVIDER_PATH.length) || '/';
      void handleLocalProvider(provider, request.raw, reply.raw);
    });
  });
}

export async function ssoRoutes(app: App): Promise<void> {
  const { config } = app.deps;
  const db = app.deps.database.db;
  const oidc = config.oidc;
  if (oidc.kind === 'off') {
    return;
  }
  const local = oidc.kind === 'local';
  const settings =
    oidc.kind === 'external'
      ? oidc
      : {
          issuer: `${config.publicUrl}${LOCAL_PROVIDER_PATH}`,
          clientId: 'motcua-portal',
          clientSecret: createHash('sha256')
            .update(`client:${resolveSessionSecret(config)}`)
            .digest('hex'),
        };
  // The in-process stand-in is reached through the application itself, without a network hop.
  const viaApp: ProviderFetch = async (url, options) => {
    const target = new URL(url);
    const response = await app.inject({
      method: options.method as 'GET',
      url: `${target.pathname}${target.search}`,
      headers: { ...options.headers, host: target.host },
      ...(options.body !== undefined ? { payload: String(options.body) } : {}),
    });
    return new Response(new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers: Object.entries(response.headers).flatMap(([k, v]) =>
        v === undefined
          ? []
          : Array.isArray(v)
            ? v.map((x) => [k, x] as [string, string])
            : [[k, String(v)] as [string, string]],
      ),
    });
  };
  const relyingParty = new OidcRelyingParty({
    ...settings,
    redirectUri: `${config.publicUrl}${CALLBACK_PATH}`,
    allowHttp: local,
    ...(local ? { fetch: viaApp } : {}),
  });
  if (local) {
    await mountLocalProvider(app, settings);
  }

  app.get(
    '/api/v1/auth/oidc',
    {
      schema: {
        tags: ['auth'],
        summary: 'Single sign-on available? / Đăng nhập bằng tài khoản định danh',
        response: {
          200: Type.Object({
            enabled: Type.Boolean(),
            simulated: Type.Boolean({ description: 'True: the local stand-in provider, not VNeID' }),
          }),
          ...standardErrorResponses,
        },
      },
      config: { access: 'public' },
    },
    async () => ({ enabled: true, simulated: local }),
  );

  app.get(
    '/api/v1/auth/oidc/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start signing in with the identity provider / Chuyển sang nhà cung cấp định danh',
        querystring: StrictObject({ returnTo: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 302: Type.Null(), ...standardErrorResponses },
      },
      config: {
        access: 'public',
        rateLimit: { max: config.loginRateLimitPerMinute },
      },
    },
    async (request, reply) => {
      const { url, checks } = await relyingParty.start();
      request.session.oidc = { ...checks, returnTo: safeReturnTo(request.query.returnTo) };
      return reply.redirect(url, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: ['auth'],
        summary: 'Return from the identity provider / Nhận kết quả đăng nhập định danh',
        // The provider decides the parameters of its answer (code, state, iss, error…): not strict.
        querystring: Type.Object({}, { additionalProperties: true }),
        response: { 302: Type.Null(), ...standardErrorResponses },
      },
      config: {
        access: 'public',
        rateLimit: { max: config.loginRateLimitPerMinute },
      },
    },
    async (request, reply) => {
      const pending = request.session.oidc;
      if (!pending) {
        return reply.redirect('/dang-nhap?sso=error', 302);
      }
      request.session.oidc = undefined;
      try {
        const identity = await relyingParty.finish(new URL(request.url, config.publicUrl), pending);
        const user = await signInWithIdentity(db, identity, actorOf(request));
        await startSession(request, user, 'oidc');
        if (identity.level) {
          request.session.identityLevel = identity.level;
        }
        await recordSignInBySso(db, user, {
          ...actorOf(request),
          actorId: user.id,
          actorLabel: user.username,
        });
        return reply.redirect(pending.returnTo, 302);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on failed');
        return reply.redirect('/dang-nhap?sso=error', 302);
      }
    },
  );
}
