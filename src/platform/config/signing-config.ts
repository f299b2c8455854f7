// R24: the agency key used to sign results on the server and the roots trusted when verifying. In
// demo mode, without settings, a throwaway CA is generated into <data dir>/signing at startup
// (src/adapters/signing/local-pki.ts); production names real files or signs elsewhere (token, remote).

export interface SigningConfig {
  /** PKCS#12 file of the agency signer; null: no server-side signing. */
  p12File: string | null;
  p12Password: string | null;
  /** PEM bundle(s) of trusted root certificates for verification. */
  trustedRootFiles: string[];
  /** Generate and use the demo CA when nothing is configured (demo mode only). */
  useDemoPki: boolean;
  /** RFC 3161 time-stamping authority for PAdES B-T; null: B-B only (the demo runs a local TSA). */
  tsaUrl: string | null;
  /** CRL files (DER or PEM) read besides the CRLs fetched from certificates' distribution points. */
  crlFiles: string[];
  /**
   * JSON manifest of officers' personal keys, username → { p12, passwordFile, title? }; null: none
   * (the demo generates one for its leaders). Approving a signed result needs the leader's key.
   */
  personalKeysFile: string | null;
}

type Env = Record<string, string | undefined>;

export function loadSigningConfig(env: Env, demo: boolean): SigningConfig {
  const p12File = env.MOTCUA_SIGNING_P12?.trim() || null;
  const trusted = (env.MOTCUA_SIGNING_TRUSTED_ROOTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    tsaUrl: env.MOTCUA_SIGNING_TSA_URL?.trim() || null,
    crlFiles: list(env.MOTCUA_SIGNING_CRL_FILES),
    personalKeysFile: env.MOTCUA_SIGNING_PERSONAL_KEYS?.trim() || null,
    p12File,
    p12Password: env.MOTCUA_SIGNING_P12_PASSWORD ?? null,
    trustedRootFiles: trusted,
    useDemoPki: demo && !p12File && trusted.length === 0,
  };
}
