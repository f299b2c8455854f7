// R38: what answers "which status has dossier <code>?" for the SMS and chat channels. The dossier
// module supplies the real one when the dossier tables exist (register channelsRoutes with
// { lookup }); until then every code is "not found" and the reply says so honestly.
import type { DossierLookupResult } from '../../domain/lookup/lookup-reply.ts';

export interface LookupProvider {
  /** Public, non-personal facts for a canonical dossier code; null when no dossier has it. */
  lookup(code: string): Promise<DossierLookupResult | null>;
}

/** Placeholder until the dossier module exists: no dossier can be found yet. */
export const noDossiersYetLookup: LookupProvider = {
  async lookup() {
    return null;
  },
};
