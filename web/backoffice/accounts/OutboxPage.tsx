// The simulated mailbox: outgoing SMS and e-mail that the local adapter stores instead of sending.
// The page says so plainly (no silent simulation).
import { useEffect, useState } from 'react';
import { accountsApi, type OutboxItem } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { useGuardedCall } from '../session.ts';

export function OutboxPage() {
  const { m, lang } = useI18n();
  const t = m.accounts.outbox;
  const guarded = useGuardedCall();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    guarded(() => accountsApi.outbox()).then((list) => setItems(list.items), setError);
  }, [guarded]);
  return (
    <div className="page">
      <h1>{t.title}</h1>
      <Alert kind="info" title={t.title}>
        <p>{t.simulated}</p>
      </Alert>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {items === null ? (
        <p>{m.accounts.common.loading}</p>
      ) : items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.channel}</th>
                <th scope="col">{t.to}</th>
                <th scope="col">{t.content}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{formatVietnamTime(item.createdAt)}</td>
                  <td>{item.channel === 'sms' ? 'SMS' : 'E-mail'}</td>
                  <th scope="row">{item.recipient}</th>
                  <td>
                    {item.subject ? <strong>{item.subject}: </strong> : null}
                    {item.body}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
