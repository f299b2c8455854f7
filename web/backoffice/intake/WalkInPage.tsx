// "Thêm mới" at the one-stop desk (R15, R18): applicant, procedure, scanned components, delivery,
// then accept on the spot (status 2, code, appointment) and go to the receipt. The postal channel
// works the same with the channel recorded.
import { type FormEvent, useRef, useState } from 'react';
import { parseCccd } from '../../../src/domain/identity/identifiers.ts';
import { catalogueApi, type ProcedureDetail, type ProcedureListItem } from '../../api/catalogue.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { intakeApi, newKey, type Outage } from '../../api/intake.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgencyChoice } from '../../ui/AgencyChoice.tsx';
import { type FileRef, FileUpload, ProblemSummary, parseVnTime, vnTime } from '../../ui/intake-kit.tsx';
import { navigate } from '../../ui/router.tsx';
import { useGuardedCall } from '../session.ts';
import { type NotifyChannel, NotifyChoice, useNotifyProblems, withEmailDefault } from './NotifyChoice.tsx';

type Method = 'desk' | 'post' | 'online';

export function WalkInPage() {
  const { m, lang } = useI18n();
  const t = m.intake;
  const guarded = useGuardedCall();
  const [channel, setChannel] = useState<'desk' | 'postal'>('desk');
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ProcedureListItem[]>([]);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [applicant, setApplicant] = useState({
    fullName: '',
    idNumber: '',
    phone: '',
    email: '',
    address: '',
  });
  const [notify, setNotify] = useState<NotifyChannel[]>(['sms']);
  const notifyProblems = useNotifyProblems();
  const [files, setFiles] = useState<Record<string, FileRef[]>>({});
  const [delivery, setDelivery] = useState<{ method: Method; address: string }>({
    method: 'desk',
    address: '',
  });
  const [problems, setProblems] = useState<Array<{ target: string; message: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const key = useRef(newKey());
  const [backEntry, setBackEntry] = useState({ on: false, reference: '', at: '', reason: '' });
  const [outages, setOutages] = useState<Outage[] | null>(null);
  const errorFor = (target: string) => problems.find((p) => p.target === target)?.message;

  const fail = (list: Array<{ target: string; message: string }>, general: string | null = null) => {
    setProblems(list);
    setFailure(general);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const find = async () => {
    try {
      const answer = await guarded(() => catalogueApi.search({ q: search.trim(), pageSize: 20 }));
      setFound(answer.items);
      if (answer.items.length === 1 && answer.items[0]) {
        setProcedure(await catalogueApi.procedure(answer.items[0].id));
        setAgencyId('');
      }
    } catch (error) {
      fail([], errorMessage(error, lang));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list: Array<{ target: string; message: string }> = [];
    if (!procedure) {
      list.push({ target: 'walkin-procedure-search', message: t.desk.procedureMissing });
    }
    if (procedure && procedure.performingAgencies.length > 1 && !agencyId) {
      list.push({ target: 'walkin-agency', message: m.intake.agencyChoice.missing });
    }
    if (!applicant.fullName.trim()) {
      list.push({ target: 'walkin-fullName', message: t.desk.fullNameMissing });
    }
    if (applicant.idNumber.trim() && !parseCccd(applicant.idNumber.trim()).ok) {
      list.push({ target: 'walkin-idNumber', message: t.desk.idNumberInvalid });
    }
    list.push(...notifyProblems(notify, applicant));
    if (delivery.method === 'post' && delivery.address.trim().length < 5) {
      list.push({ target: 'walkin-delivery-address', message: t.wizard.postalAddressMissing });
    }
    const realTime = backEntry.on ? parseVnTime(backEntry.at) : null;
    if (backEntry.on) {
      if (!backEntry.reference) {
        list.push({ target: 'walkin-outage', message: t.desk.backEntryOutageMissing });
      }
      if (!realTime) {
        list.push({ target: 'walkin-backentry-at', message: t.desk.outageTimeInvalid });
      }
      if (backEntry.reason.trim().length < 5) {
        list.push({ target: 'walkin-backentry-reason', message: t.desk.backEntryReasonMissing });
      }
    }
    if (list.length || !procedure) {
      fail(list);
      return;
    }
    setBusy(true);
    try {
      const person = Object.fromEntries(
        Object.entries(applicant)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v),
      ) as { fullName: string };
      const dossier = await guarded(() =>
        intakeApi.submit(
          {
            procedureId: procedure.id,
            channel,
            applicant: person,
            components: Object.entries(files)
              .filter(([, list]) => list.length)
              .map(([componentKey, list]) => ({ componentKey, fileIds: list.map((f) => f.id) })),
            delivery:
              delivery.method === 'post'
                ? { method: 'post', address: delivery.address.trim() }
                : { method: delivery.method },
            notify,
            lang,
            ...(agencyId ? { agencyId } : {}),
            ...(backEntry.on && realTime
              ? {
                  backEntry: {
                    receivedAt: realTime,
                    reason: backEntry.reason.trim(),
                    outageReference: backEntry.reference,
                  },
                }
              : {}),
          },
          key.current,
        ),
      );
      navigate(`/admin/ho-so/${dossier.id}/bien-nhan`);
    } catch (error) {
      if (error instanceof ApiError) {
        key.current = newKey();
      }
      const field = (error as { body?: { field?: string } }).body?.field ?? '';
      const message = errorMessage(error, lang);
      const target =
        field === 'delivery.address'
          ? 'walkin-delivery-address'
          : field === 'agencyId'
            ? 'walkin-agency'
            : /^applicant\./.test(field)
              ? `walkin-${field.split('.')[1]}`
              : /^notify/.test(field)
                ? 'walkin-notify-sms'
                : /^backEntry/.test(field)
                  ? 'walkin-backentry-at'
                  : /^components\./.test(field)
                    ? `walkin-file-${field.split('.')[1]}`
                    : null;
      fail(target ? [{ target, message }] : [], target ? null : message);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof typeof applicant, label: string, type: 'text' | 'tel' | 'email' = 'text') => (
    <div className="field">
      <label htmlFor={`walkin-${name}`}>{label}</label>
      {errorFor(`walkin-${name}`) ? <p className="field-error">{errorFor(`walkin-${name}`)}</p> : null}
      <input
        id={`walkin-${name}`}
        type={type}
        value={applicant[name]}
        aria-invalid={Boolean(errorFor(`walkin-${name}`))}
        onChange={(e) => {
          const value = e.target.value;
          if (name === 'email') {
            setNotify((n) => withEmailDefault(n, applicant.email, value));
          }
          setApplicant((a) => ({ ...a, [name]: value }));
          // A corrected field drops its old complaint so the form does not contradict itself.
          setProblems((list) => list.filter((p) => p.target !== `walkin-${name}`));
        }}
      />
    </div>
  );

  return (
    <div className="page">
      <h1>{t.desk.walkInTitle}</h1>
      <p>{t.desk.walkInLead}</p>
      <ProblemSummary summaryRef={summaryRef} items={problems} general={failure} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className="field">
          <legend>{t.desk.channel}</legend>
          {(['desk', 'postal'] as const).map((c) => (
            <div className="intake-radio" key={c}>
              <input
                type="radio"
                id={`walkin-channel-${c}`}
                name="channel"
                checked={channel === c}
                onChange={() => setChannel(c)}
              />
              <label htmlFor={`walkin-channel-${c}`}>{t.desk.channels[c]}</label>
            </div>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor="walkin-procedure-search">{t.desk.procedureCode}</label>
          {errorFor('walkin-procedure-search') ? (
            <p className="field-error">{errorFor('walkin-procedure-search')}</p>
          ) : null}
          <div className="intake-actions">
            <input
              id="walkin-procedure-search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void find();
                }
              }}
            />
            <button type="button" className="button" onClick={() => void find()}>
              {t.desk.procedureFind}
            </button>
          </div>
        </div>
        {found.length ? (
          <div className="field">
            <label htmlFor="walkin-procedure">{t.desk.procedurePick}</label>
            <select
              id="walkin-procedure"
              value={procedure?.id ?? ''}
              onChange={(e) => {
                const id = e.target.value;
                setFiles({});
                setAgencyId('');
                void (id
                  ? catalogueApi.procedure(id).then(setProcedure)
                  : Promise.resolve(setProcedure(null)));
              }}
            >
              <option value="">—</option>
              {found.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code} — {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}

        {procedure ? (
          <AgencyChoice
            id="walkin-agency"
            agencies={procedure.performingAgencies}
            value={agencyId}
            onChange={setAgencyId}
            error={errorFor('walkin-agency') ?? undefined}
          />
        ) : null}
        <fieldset className="field">
          <legend>{t.common.applicant}</legend>
          {text('fullName', t.desk.fullName)}
          {text('idNumber', t.desk.idNumber)}
          {text('phone', t.desk.phone, 'tel')}
          {text('email', m.deskNotify.email, 'email')}
          {text('address', t.desk.address)}
        </fieldset>
        <NotifyChoice chosen={notify} onChange={setNotify} />

        {procedure ? (
          <fieldset className="field">
            <legend>{t.desk.components}</legend>
            {procedure.version.components.map((c) => (
              <FileUpload
                key={c.key}
                id={`walkin-file-${c.key}`}
                label={`${c.name} (${c.required ? t.wizard.required : t.wizard.optional})`}
                files={files[c.key] ?? []}
                onChange={(list) => setFiles((s) => ({ ...s, [c.key]: list }))}
                error={errorFor(`walkin-file-${c.key}`)}
              />
            ))}
          </fieldset>
        ) : null}

        <fieldset className="field">
          <legend>{t.wizard.deliveryLegend}</legend>
          {(['desk', 'post', 'online'] as const).map((method) => (
            <div className="intake-radio" key={method}>
              <input
                type="radio"
                id={`walkin-delivery-${method}`}
                name="walkin-delivery"
                checked={delivery.method === method}
                onChange={() => setDelivery((d) => ({ ...d, method }))}
              />
              <label htmlFor={`walkin-delivery-${method}`}>{t.delivery[method]}</label>
            </div>
          ))}
        </fieldset>
        {delivery.method === 'post' ? (
          <div className="field">
            <label htmlFor="walkin-delivery-address">{t.wizard.postalAddress}</label>
            {errorFor('walkin-delivery-address') ? (
              <p className="field-error">{errorFor('walkin-delivery-address')}</p>
            ) : null}
            <input
              id="walkin-delivery-address"
              type="text"
              value={delivery.address}
              onChange={(e) => setDelivery((d) => ({ ...d, address: e.target.value }))}
            />
          </div>
        ) : null}
        <div className="intake-radio">
          <input
            type="checkbox"
            id="walkin-backentry"
            checked={backEntry.on}
            onChange={(e) => {
              const on = e.target.checked;
              setBackEntry((b) => ({ ...b, on }));
              if (on && !outages) {
                void guarded(() => intakeApi.outages()).then(
                  (answer) => setOutages(answer.items),
                  (error: unknown) => fail([], errorMessage(error, lang)),
                );
              }
            }}
          />
          <label htmlFor="walkin-backentry">{t.desk.backEntry}</label>
        </div>
        {backEntry.on ? (
          <fieldset className="field">
            <legend>{t.desk.backEntry}</legend>
            <div className="field">
              <label htmlFor="walkin-outage">{t.desk.backEntryOutage}</label>
              {errorFor('walkin-outage') ? <p className="field-error">{errorFor('walkin-outage')}</p> : null}
              <select
                id="walkin-outage"
                value={backEntry.reference}
                onChange={(e) => setBackEntry((b) => ({ ...b, reference: e.target.value }))}
              >
                <option value="">—</option>
                {(outages ?? []).map((o) => (
                  <option key={o.id} value={o.reference}>
                    {o.reference}: {vnTime(o.startsAt)} – {vnTime(o.endsAt)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="walkin-backentry-at">{t.desk.backEntryAt}</label>
              {errorFor('walkin-backentry-at') ? (
                <p className="field-error">{errorFor('walkin-backentry-at')}</p>
              ) : null}
              <input
                id="walkin-backentry-at"
                type="text"
                value={backEntry.at}
                onChange={(e) => setBackEntry((b) => ({ ...b, at: e.target.value }))}
              />
            </div>
            <div className="field">
              <label htmlFor="walkin-backentry-reason">{t.desk.backEntryReason}</label>
              {errorFor('walkin-backentry-reason') ? (
                <p className="field-error">{errorFor('walkin-backentry-reason')}</p>
              ) : null}
              <input
                id="walkin-backentry-reason"
                type="text"
                value={backEntry.reason}
                onChange={(e) => setBackEntry((b) => ({ ...b, reason: e.target.value }))}
              />
            </div>
          </fieldset>
        ) : null}
        <div className="intake-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t.desk.acceptNow}
          </button>
        </div>
      </form>
    </div>
  );
}
