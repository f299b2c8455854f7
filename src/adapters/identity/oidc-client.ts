// The relying party (openid-client): MotCua signs people in with an OpenID provider — the national
// identity system or the national portal's accounts in production, the local stand-in otherwise.
// Authorization code flow with PKCE, state and nonce bound to the browser session; the ID token's
// signature, issuer, audience and nonce are checked by openid-client (ASVS 10.x, 6.8.x).
import * as client from 'openid-client';

export interface SsoIdentity {
  issuer: string;
  subject: string;
  name: string | null;
  birthdate: string | null;
  idNumber: string | null;
  phone: string | null;
  /** The provider's assurance of the identity: acr, else its identity_level claim. */
  level: string | null;
}

export interface SsoChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type ProviderFetch = (
  url: string,
  options: { method: string; headers: Record<string, string>; body?: unknown },
) => Promise<Response>;

export interface OidcRelyingPartyOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Development only: an http:// issuer (the in-process stand-in). */
  allowHttp: boolean;
  /** How to reach the provider (the in-process stand-in is reached without a network round trip). */
  fetch?: ProviderFetch;
}

export class OidcRelyingParty {
  readonly #options: OidcRelyingPartyOptions;
  #config: Promise<client.Configuration> | undefined;

  constructor(options: OidcRelyingPartyOptions) {
    this.#options = options;
  }

  get issuer(): string {
    return this.#options.issuer;
  }

  #configuration(): Promise<client.Configuration> {
    this.#config ??= client
      .discovery(
        new URL(this.#options.issuer),
        this.#options.clientId,
        undefined,
        client.ClientSecretBasic(this.#options.clientSecret),
        {
          ...(this.#options.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
          ...(this.#options.fetch ? { [client.customFetch]: this.#options.fetch as never } : {}),
        },
      )
      .catch((error: unknown) => {
        this.#config = undefined;
        throw error;
      });
    return this.#config;
  }

  async start(): Promise<{ url: string; checks: SsoChecks }> {
    const config = await this.#configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.#options.redirectUri,
      scope: 'openid profile vneid',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.toString(), checks };
  }

  async finish(callbackUrl: URL, checks: SsoChecks): Promise<SsoIdentity> {
    const config = await this.#configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) {
      throw new Error('no ID token');
    }
    const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
    return {
      issuer: idToken.iss,
      subject: idToken.sub,
      name: text(info.name),
      birthdate: text(info.birthdate),
      idNumber: text(info.id_number),
      phone: text(info.phone_number),
      level: text(idToken.acr) ?? text(info.identity_level),
    };
  }
}
