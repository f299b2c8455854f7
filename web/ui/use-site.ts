import { useEffect, useState } from 'react';
import type { SiteInfo } from '../../src/modules/site/site.schemas.ts';
import { api } from '../api/client.ts';

/** The deployment's name and contacts; null while loading or when the server is unreachable. */
export function useSite(): SiteInfo | null {
  const [site, setSite] = useState<SiteInfo | null>(null);
  useEffect(() => {
    let alive = true;
    api.site().then(
      (info) => {
        if (alive) {
          setSite(info);
        }
      },
      () => {},
    );
    return () => {
      alive = false;
    };
  }, []);
  return site;
}
