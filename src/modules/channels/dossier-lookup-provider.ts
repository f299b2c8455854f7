// R38: the real answer to "which status has dossier <code>?" for SMS and chat, from the same public
// lookup as the portal (src/modules/lookup): status name, appointment, procedure — nothing personal.
import type { DossierLookupResult } from '../../domain/lookup/lookup-reply.ts';
import type { Db } from '../../platform/db/database.ts';
import { lookupDossier } from '../lookup/lookup.service.ts';
import type { LookupProvider } from './lookup-provider.ts';

/** Procedure names are long; an SMS keeps the first words. */
function shorten(name: string, max = 60): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export function dossierLookupProvider(db: Db): LookupProvider {
  return {
    async lookup(code: string): Promise<DossierLookupResult | null> {
      const found = await lookupDossier(db, code);
      if (!found) {
        return null;
      }
      // Open statuses keep their appointment; closed ones (3, 8, 10) have nothing to wait for.
      const open = [1, 2, 4, 5, 6, 7, 9].includes(found.status);
      return {
        code: found.code,
        statusName: found.statusName.vi,
        dueAt: open && found.dueAt ? new Date(found.dueAt) : null,
        procedureName: shorten(found.procedureName),
        resultReady: found.status === 9,
      };
    },
  };
}
