// Administrators change wording without code changes (issue 8): the text of each notification per
// event, channel and language, the approved Zalo (ZNS) template of each event, and the texts and header of each official form per rule set (and
// optionally per agency). Placeholders such as {code} are filled in when a message or form is made.
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { TemplateDetail } from '../../src/modules/documents/documents.schemas.ts';
import type { NotificationTemplateList } from '../../src/modules/notifications/notifications.schemas.ts';
import { errorMessage } from '../api/client.ts';
import { documentsApi } from '../api/documents.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { WORDING_KEY_NAMES } from '../i18n/wording-keys.ts';
import { Alert } from '../ui/layout.tsx';
import '../ui/documents.css';
import { ZnsTemplatesSection } from './zns/ZnsTemplatesSection.tsx';

const EVENTS = [
  'received',
  'completion_requested',
  'refused',
  'supplement_requested',
  'apology',
  'financial_obligation',
  'stopped',
  'result_ready',
  'result_returned',
  'step_due_soon',
  'step_overdue',
];
const CHANNELS = ['email', 'sms', 'chat'];

function NotificationWording() {
  const { m, lang: uiLang } = useI18n();
  const t = m.documents;
  const ids = { event: useId(), channel: useId(), lang: useId(), subject: useId(), body: useId() };
  const [all, setAll] = useState<NotificationTemplateList | null>(null);
  const [key, setKey] = useState({ event: 'received', channel: 'email', lang: 'vi' });
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => setAll(await documentsApi.notificationTemplates()), []);
  useEffect(() => {
    load().catch((e) => setStatus({ kind: 'error', text: errorMessage(e, uiLang) }));
  }, [load, uiLang]);
  const current = all?.items.find(
    (i) => i.event === key.event && i.channel === key.channel && i.lang === key.lang,
  );
  useEffect(() => {
    setSubject(current?.subject ?? '');
    setBody(current?.body ?? '');
  }, [current]);

  const save = async (event: FormEvent, reset = false) => {
    event.preventDefault();
    try {
      await documentsApi.saveNotificationTemplate(key, {
        subject: key.channel === 'email' && !reset ? subject : null,
        body: reset ? '' : body,
      });
      await load();
      setStatus({ kind: 'success', text: reset ? t.wordingReset : t.wordingSaved });
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e, uiLang) });
    }
  };

  return (
    <section className="card" aria-labelledby="notif-wording">
      <h2 id="notif-wording">{t.notificationWording}</h2>
      <p className="hint">{t.placeholders(all?.params.map((p) => `{${p}}`).join(' ') ?? '')}</p>
      {status ? <Alert kind={status.kind}>{status.text}</Alert> : null}
      <form onSubmit={(e) => void save(e)}>
        <div className="filters">
          <div className="field">
            <label htmlFor={ids.event}>{t.colEvent}</label>
            <select
              id={ids.event}
              value={key.event}
              onChange={(e) => setKey({ ...key, event: e.target.value })}
            >
              {EVENTS.map((ev) => (
                <option key={ev} value={ev}>
                  {t.event[ev]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.channel}>{t.colChannel}</label>
            <select
              id={ids.channel}
              value={key.channel}
              onChange={(e) => setKey({ ...key, channel: e.target.value })}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t.channel[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.lang}>{t.language}</label>
            <select id={ids.lang} value={key.lang} onChange={(e) => setKey({ ...key, lang: e.target.value })}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </div>
        </div>
        {key.channel === 'email' ? (
          <div className="field">
            <label htmlFor={ids.subject}>{t.colSubject}</label>
            <input
              id={ids.subject}
              value={subject}
              maxLength={300}
              onChange={(e) => setSubject(e.target.value)}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.body}>{t.colText}</label>
          <textarea
            id={ids.body}
            rows={6}
            value={body}
            maxLength={5000}
            onChange={(e) => setBody(e.target.value)}
          />
        </div>
        <p className="hint">{current?.overridden ? t.overridden : t.isDefault}</p>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t.save}
          </button>
          <button type="button" className="button" onClick={(e) => void save(e, true)}>
            {t.resetDefault}
          </button>
        </div>
      </form>
    </section>
  );
}

function FormWording() {
  const { m, lang: uiLang } = useI18n();
  const t = m.documents;
  const ids = { name: useId(), ruleSet: useId(), agency: useId() };
  const [names, setNames] = useState<Array<{ name: string; label: string }>>([]);
  const [query, setQuery] = useState({ name: 'receipt', ruleSet: 'nd118_2025', agencyCode: '' });
  const [detail, setDetail] = useState<TemplateDetail | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { pick } = useI18n();

  useEffect(() => {
    documentsApi.templates().then(
      (list) => setNames(list.items.map((i) => ({ name: i.name, label: pick(i.label) }))),
      (e) => setStatus({ kind: 'error', text: errorMessage(e, uiLang) }),
    );
  }, [pick, uiLang]);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    try {
      const d = await documentsApi.template(query.name, query.ruleSet, query.agencyCode.trim() || undefined);
      setDetail(d);
      setTexts(d.texts);
    } catch (e) {
      setDetail(null);
      setStatus({ kind: 'error', text: errorMessage(e, uiLang) });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!detail) {
      return;
    }
    try {
      const changed = Object.fromEntries(Object.entries(texts).filter(([k, v]) => v !== detail.defaults[k]));
      const d = await documentsApi.saveTemplate(detail.name, {
        ruleSet: detail.ruleSet,
        ...(detail.agencyCode ? { agencyCode: detail.agencyCode } : {}),
        texts: changed,
        header: detail.header,
      });
      setDetail(d);
      setTexts(d.texts);
      setStatus({ kind: 'success', text: t.wordingSaved });
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e, uiLang) });
    }
  };

  return (
    <section className="card" aria-labelledby="form-wording">
      <h2 id="form-wording">{t.formWording}</h2>
      {status ? <Alert kind={status.kind}>{status.text}</Alert> : null}
      <form className="filters" onSubmit={(e) => void open(e)}>
        <div className="field">
          <label htmlFor={ids.name}>{t.colForm}</label>
          <select
            id={ids.name}
            value={query.name}
            onChange={(e) => setQuery({ ...query, name: e.target.value })}
          >
            {names.map((n) => (
              <option key={n.name} value={n.name}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.ruleSet}>{t.ruleSet}</label>
          <select
            id={ids.ruleSet}
            value={query.ruleSet}
            onChange={(e) => setQuery({ ...query, ruleSet: e.target.value })}
          >
            <option value="nd118_2025">{t.colNd118}</option>
            <option value="tt01_2018">{t.colTt01}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.agency}>{t.agencyCode}</label>
          <input
            id={ids.agency}
            value={query.agencyCode}
            placeholder="000.00.11.H99"
            onChange={(e) => setQuery({ ...query, agencyCode: e.target.value })}
          />
        </div>
        <button type="submit" className="button">
          {t.open}
        </button>
      </form>
      {detail ? (
        <form onSubmit={(e) => void save(e)}>
          {Object.keys(detail.defaults).map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`text-${k}`}>
                {WORDING_KEY_NAMES[k] ? pick(WORDING_KEY_NAMES[k]) : k}
                {detail.overridden.includes(k) ? ` (${t.overriddenShort})` : ''}{' '}
                <code className="wording-key">{k}</code>
              </label>
              <textarea
                id={`text-${k}`}
                rows={2}
                value={texts[k] ?? ''}
                maxLength={2000}
                onChange={(e) => setTexts({ ...texts, [k]: e.target.value })}
              />
            </div>
          ))}
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t.save}
            </button>
            <a href={documentsApi.previewUrl(detail.name, detail.ruleSet)} target="_blank" rel="noopener">
              {t.preview} <span className="visually-hidden">{t.opensNewTab}</span>
            </a>
          </div>
        </form>
      ) : null}
    </section>
  );
}

export function WordingPage() {
  const { m } = useI18n();
  return (
    <div className="page">
      <h1>{m.documents.wordingTitle}</h1>
      <p className="hint">{m.documents.wordingLead}</p>
      <div className="grid">
        <NotificationWording />
        <ZnsTemplatesSection />
        <FormWording />
      </div>
    </div>
  );
}
