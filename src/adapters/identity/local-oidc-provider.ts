// The local OpenID provider (oidc-provider, a certified OpenID Connect implementation), standing in
// for the national identity system (VNeID) or the national portal's account system in development,
// tests and the demo. It speaks the real protocol (discovery, authorization code with PKCE, signed
// ID tokens, userinfo); only the people are simulated: a fixed list of test identities, each with
// the password Demo@2026. Mounted in-process at /dev-idp; refused in production (config).
import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';

/** Test identities of the stand-in provider (never real people). identity_level as VNeID: 1 or 2. */
export const TEST_IDENTITIES: Record<
  string,
  { name: string; birthdate: string; identityLevel: '1' | '2'; phone: string | null }
> = {
  '001090012345': { name: 'Trần Văn Dân', birthdate: '1990-05-12', identityLevel: '2', phone: '0912345678' },
  '048085000321': { name: 'Nguyễn Văn Sáu', birthdate: '1985-03-09', identityLevel: '2', phone: null },
  '031200000777': { name: 'Phạm Thị Bảy', birthdate: '2000-11-30', identityLevel: '1', phone: null },
};
export const TEST_IDENTITY_PASSWORD = 'Demo@2026';
export const LOCAL_PROVIDER_PATH = '/dev-idp';

export interface LocalProviderOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  cookieKey: string;
}

export function createLocalProvider(options: LocalProviderOptions): Provider {
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    acrValues: ['vneid:level1', 'vneid:level2'],
    scopes: ['openid', 'profile', 'vneid'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate'],
      vneid: ['id_number', 'identity_level', 'phone_number'],
    },
    cookies: { keys: [options.cookieKey] },
    // A signing key of its own for each start: ID tokens live minutes and the stand-in keeps no state.
    jwks: {
      keys: [
        {
          ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
            format: 'jwk',
          }) as object),
          kid: 'dev-idp',
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${LOCAL_PROVIDER_PATH}/interaction/${interaction.uid}` },
    // MotCua is the provider's own first-party client: no separate consent screen.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) {
        return undefined;
      }
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope('openid profile vneid');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      const person = TEST_IDENTITIES[sub];
      if (!person) {
        return undefined;
      }
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: person.name,
          birthdate: person.birthdate,
          id_number: sub,
          identity_level: `vneid:level${person.identityLevel}`,
          ...(person.phone ? { phone_number: person.phone } : {}),
        }),
      };
    },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = false;
  return provider;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(res: ServerResponse, status: number, body: string) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-security-policy', "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Định danh mô phỏng</title></head>
<body><main>${body}</main></body></html>`);
}

function loginForm(uid: string, error?: string) {
  return `<h1>Hệ thống định danh điện tử (MÔ PHỎNG)</h1>
<p><strong>Đây là nhà cung cấp định danh mô phỏng, thay cho VNeID trong môi trường thử nghiệm.</strong>
Không nhập thông tin thật. Các số định danh thử: ${Object.keys(TEST_IDENTITIES).join(', ')}; mật khẩu ${TEST_IDENTITY_PASSWORD}.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${LOCAL_PROVIDER_PATH}/interaction/${escapeHtml(uid)}/login">
<p><label for="login">Số định danh cá nhân</label><br><input id="login" name="login" inputmode="numeric" autocomplete="username" required></p>
<p><label for="password">Mật khẩu</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Đăng nhập</button></p>
</form>
<form method="post" action="${LOCAL_PROVIDER_PATH}/interaction/${escapeHtml(uid)}/abort"><p><button type="submit">Hủy</button></p></form>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) {
      break;
    }
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Handles one request under /dev-idp (the prefix already stripped from req.url): the sign-in page
 * of the stand-in, or the provider's own endpoints.
 */
export async function handleLocalProvider(provider: Provider, req: IncomingMessage, res: ServerResponse) {
  const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec((req.url ?? '').split('?')[0] ?? '');
  if (!match) {
    provider.callback()(req, res);
    return;
  }
  const [, uid = '', action] = match;
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      page(res, 400, '<p>Phiên đăng nhập không hợp lệ.</p>');
      return;
    }
    if (req.method === 'GET' && !action) {
      page(res, 200, loginForm(uid));
      return;
    }
    if (req.method === 'POST' && action === '/abort') {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'cancelled',
      });
      return;
    }
    if (req.method === 'POST' && action === '/login') {
      const form = await readForm(req);
      const login = (form.get('login') ?? '').trim();
      if (!TEST_IDENTITIES[login] || form.get('password') !== TEST_IDENTITY_PASSWORD) {
        page(res, 401, loginForm(uid, 'Số định danh hoặc mật khẩu không đúng.'));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login, acr: `vneid:level${TEST_IDENTITIES[login]?.identityLevel}` } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    page(res, 405, '<p>Không hỗ trợ.</p>');
  } catch {
    page(res, 400, '<p>Phiên đăng nhập đã hết hạn. Vui lòng quay lại trang dịch vụ công và thử lại.</p>');
  }
}
