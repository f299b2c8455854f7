// Public lookup by dossier code (R38): the portal page, the kiosk and the embeddable widget.
import type { PublicLookup } from '../../src/modules/lookup/lookup.service.ts';
import { request } from './client.ts';

export type { PublicLookup };

export const lookupApi = {
  byCode: (code: string) => request<PublicLookup>('GET', `/api/v1/lookup/${encodeURIComponent(code)}`),
};
