// R37: the notifications of one dossier with their per-channel delivery status, for the processing
// screen to include: <NotificationsPanel dossierId={id} />. Recipients come masked from the server.
import { useEffect, useId, useState } from 'react';
import { type DossierNotifications, dossierNotificationsApi } from '../../api/dossier-notifications.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime } from '../../ui/form-kit.tsx';

export function NotificationsPanel({ dossierId, refreshKey }: { dossierId: string; refreshKey?: unknown }) {
  const { m } = useI18n();
  const t = m.lookup.notifications;
  const titleId = useId();
  const [data, setData] = useState<DossierNotifications | null>(null);
  const [error, setError] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey reloads after an action
  useEffect(() => {
    let live = true;
    dossierNotificationsApi.list(dossierId).then(
      (value) => {
        if (live) {
          setData(value);
          setError(false);
        }
      },
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [dossierId, refreshKey]);

  return (
    <section className="card" aria-labelledby={titleId} data-testid="dossier-notifications">
      <h2 id={titleId}>{t.title}</h2>
      {error ? <p role="alert">{t.loadError}</p> : null}
      {data && data.items.length === 0 ? <p>{t.empty}</p> : null}
      {data && data.channels.length > 0 ? (
        <ul className="notification-channels">
          {data.channels.map((c) => (
            <li key={c.channel}>
              <strong>{t.channel[c.channel] ?? c.channel}</strong>: {t.status[c.lastStatus] ?? c.lastStatus} (
              {t.summary(c.sent, c.total)})
            </li>
          ))}
        </ul>
      ) : null}
      {data && data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.at}</th>
              <th scope="col">{t.event}</th>
              <th scope="col">{t.recipient}</th>
              <th scope="col">{m.lookup.status}</th>
              <th scope="col">{t.attempts}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((n) => (
              <tr key={n.id}>
                <td>{formatVietnamTime(n.sentAt ?? n.createdAt)}</td>
                <td>{n.event}</td>
                <td>
                  {t.channel[n.channel] ?? n.channel}: {n.recipient}
                </td>
                <td>{t.status[n.deliveryStatus ?? n.status] ?? n.status}</td>
                <td>
                  {n.attempts}/{n.maxAttempts}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
