// Antivirus scanning of uploads (security goal 17, ASVS 5.4.3). Production talks to a ClamAV
// daemon (clamd) over its INSTREAM protocol; without one configured, the local scanner applies the
// same interface with the EICAR test signature and any configured custom signatures — it is NOT
// an antivirus, and the system says so (doctor, docs/STATUS.md, the administrators' file view).

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

export interface VirusScanner {
  readonly name: string;
  /** True when this scanner is a real antivirus engine. */
  readonly real: boolean;
  scan(content: Buffer): Promise<ScanVerdict>;
}

export const EICAR_SIGNATURE = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** Signature matching only: EICAR plus byte strings an operator adds for tests and drills. */
export function createLocalSignatureScanner(signatures: Record<string, string> = {}): VirusScanner {
  const all = { 'Eicar-Test-Signature': EICAR_SIGNATURE, ...signatures };
  return {
    name: 'local-signatures',
    real: false,
    async scan(content) {
      for (const [signature, pattern] of Object.entries(all)) {
        if (content.includes(Buffer.from(pattern, 'latin1'))) {
          return { clean: false, signature };
        }
      }
      return { clean: true };
    },
  };
}
