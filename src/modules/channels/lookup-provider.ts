// R38: what answers "which status has dossier <code>?" for the SMS and chat channels. The real one
// reads the dossiers (dossier-lookup-provider.ts); tests may plug in their own.
import type { DossierLookupResult } from '../../domain/lookup/lookup-reply.ts';

export interface LookupProvider {
  /** Public, non-personal facts for a canonical dossier code; null when no dossier has it. */
  lookup(code: string): Promise<DossierLookupResult | null>;
}
