// R37: deliveries per channel with status and a retry button, and the simulated outbox of the local
// providers, with a banner whenever a channel is simulated (nothing reaches real people).
import { useCallback, useEffect, useId, useState } from 'react';
import type {
  NotificationList,
  SimulatedList,
} from '../../src/modules/notifications/notifications.schemas.ts';
import { errorMessage } from '../api/client.ts';
import { documentsApi } from '../api/documents.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from '../ui/layout.tsx';
import '../ui/documents.css';

const CHANNELS = ['email', 'sms', 'chat'] as const;
const STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;

function formatTime(iso: string, lang: 'vi' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function NotificationsPage() {
  const { m, lang } = useI18n();
  const t = m.documents;
  const channelId = useId();
  const statusId = useId();
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [data, setData] = useState<NotificationList | null>(null);
  const [outbox, setOutbox] = useState<Record<string, SimulatedList>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setError(null);
      setData(await documentsApi.notifications({ channel, status }));
      const boxes = await Promise.all(CHANNELS.map((c) => documentsApi.simulated(c)));
      setOutbox(Object.fromEntries(CHANNELS.map((c, i) => [c, boxes[i] as SimulatedList])));
    } catch (e) {
      setError(e);
    }
  }, [channel, status]);

  useEffect(() => {
    void load();
  }, [load]);

  const retry = async (id: string) => {
    try {
      await documentsApi.retryNotification(id);
      setNotice(t.retried);
      await load();
    } catch (e) {
      setError(e);
    }
  };

  const simulated = data ? CHANNELS.filter((c) => data.providers[c].simulated).map((c) => t.channel[c]) : [];
  return (
    <div className="page">
      <h1>{t.notificationsTitle}</h1>
      <p className="hint">{t.notificationsLead}</p>
      {simulated.length > 0 ? (
        <Alert kind="info">
          <p>{t.simulatedBanner(simulated.join(', '))}</p>
        </Alert>
      ) : null}
      {data?.smsQuietHours ? <p className="hint">{t.quietHours(data.smsQuietHours)}</p> : null}
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}

      <section className="card" aria-labelledby="counts-title">
        <h2 id="counts-title">{t.countsTitle}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.colChannel}</th>
                {STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    {t.status[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CHANNELS.map((c) => (
                <tr key={c}>
                  <th scope="row">{t.channel[c]}</th>
                  {STATUSES.map((s) => (
                    <td key={s} className="num">
                      {data?.counts.find((x) => x.channel === c && x.status === s)?.count ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={channelId}>{t.filterChannel}</label>
          <select id={channelId} value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t.all}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t.channel[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={statusId}>{t.filterStatus}</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t.all}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" onClick={() => void load()}>
          {t.refresh}
        </button>
      </form>

      {data ? <p>{t.total(data.total)}</p> : null}
      {data && data.items.length === 0 ? <p>{t.noNotifications}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.colTime}</th>
                <th scope="col">{t.colEvent}</th>
                <th scope="col">{t.colChannel}</th>
                <th scope="col">{t.colRecipient}</th>
                <th scope="col">{t.colCode}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.colAttempts}</th>
                <th scope="col">{t.colError}</th>
                <th scope="col">{t.colAction}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((n) => (
                <tr key={n.id}>
                  <td>{formatTime(n.createdAt, lang)}</td>
                  <td>{t.event[n.event] ?? n.event}</td>
                  <td>{t.channel[n.channel]}</td>
                  <td>{n.recipient}</td>
                  <td>{n.dossierCode}</td>
                  <td>
                    <span className={`status status--${n.status}`}>{t.status[n.status]}</span>
                  </td>
                  <td className="num">
                    {n.attempts}/{n.maxAttempts}
                  </td>
                  <td className="error-text">{n.lastError}</td>
                  <td>
                    {n.status === 'failed' || n.status === 'dead' ? (
                      <button type="button" className="button" onClick={() => void retry(n.id)}>
                        {t.retry}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section className="page-section" aria-labelledby="outbox-title">
        <h2 id="outbox-title">{t.simulatedTitle}</h2>
        <p className="hint">{t.simulatedLead}</p>
        {CHANNELS.map((c) => {
          const box = outbox[c];
          return (
            <section key={c} className="card outbox" aria-label={`${t.simulatedTitle}: ${t.channel[c]}`}>
              <h3>{t.channel[c]}</h3>
              {!box ? null : !box.simulated ? (
                <p>{t.notSimulated}</p>
              ) : box.items.length === 0 ? (
                <p>{t.simulatedEmpty}</p>
              ) : (
                <ul className="outbox-list">
                  {box.items.slice(0, 20).map((item) => (
                    <li key={item.id}>
                      <p className="outbox-meta">
                        {formatTime(item.receivedAt, lang)} — {t.colTo}: <strong>{item.to}</strong>
                      </p>
                      {item.subject ? <p className="outbox-subject">{item.subject}</p> : null}
                      <p className="outbox-text">{item.text}</p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </section>
    </div>
  );
}
