// The receipt with the appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, TT 01/2018 Mẫu 01,
// legal digest §2.1) as a clean HTML print view: code, applicant, procedure, components received,
// reception time, appointment, delivery, receiving officer. The PDF comes with the documents issue.
import { catalogueApi } from '../../api/catalogue.ts';
import { intakeApi } from '../../api/intake.ts';
import { timeLimitText } from '../../catalogue/format.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { vnTime } from '../../ui/intake-kit.tsx';
import { Alert, NotReady } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { useGuardedCall } from '../session.ts';
import { ImmediateResult } from './ImmediateResult.tsx';
import { NotifyChosen } from './NotifyChoice.tsx';

export function ReceiptPage({ id }: { id: string }) {
  const { m, lang } = useI18n();
  const t = m.intake;
  const guarded = useGuardedCall();
  const data = useAsync(
    () =>
      guarded(async () => {
        const dossier = await intakeApi.dossier(id);
        const [procedure, history, agencies] = await Promise.all([
          catalogueApi.procedure(dossier.procedureId, dossier.procedureVersionId),
          intakeApi.history(id),
          catalogueApi.agencies(),
        ]);
        return { dossier, procedure, history, agencies };
      }),
    `receipt-${id}`,
  );
  if (data.status !== 'ready') {
    return <NotReady state={data} />;
  }
  const { dossier, procedure, history, agencies } = data.data;
  if (!dossier.receivedAt || dossier.status === 1 || dossier.status === 3) {
    return (
      <div className="page">
        <Alert kind="info">{t.desk.receiptNotReceived}</Alert>
        <Link href={`/admin/ho-so/${dossier.id}/tiep-nhan`}>{t.desk.checkTitle}</Link>
      </div>
    );
  }
  const agency = agencies.items.find((a) => a.id === dossier.receivingAgencyId);
  const agencyName = agency
    ? lang === 'en' && agency.nameEn
      ? agency.nameEn
      : agency.name
    : dossier.receivingAgencyCode;
  const reception = [...history.items]
    .reverse()
    .find((h) => h.action === 'accept' || h.action === 'receive' || h.statusAfter === 2);
  const applicant = dossier.applicant as Record<string, string | undefined>;
  const received = dossier.files.filter((f) => !f.superseded);
  const names = new Map(procedure.version.components.map((c) => [c.key, c.name]));
  const componentsReceived = [
    ...Object.keys(dossier.formData).map((key) => names.get(key) ?? key),
    ...[...new Set(received.map((f) => f.componentKey))].map((key) => {
      const count = received.filter((f) => f.componentKey === key).length;
      return `${names.get(key) ?? key} (${count})`;
    }),
  ];
  const delivery = dossier.delivery as { method?: 'desk' | 'post' | 'online'; address?: string };
  return (
    <div className="page">
      <div className="intake-actions no-print">
        <Link href={`/admin/ho-so/${dossier.id}/tiep-nhan`}>← {t.desk.checkTitle}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t.desk.receiptPrint}
        </button>
      </div>
      {procedure.version.immediateResult ? <ImmediateResult dossier={dossier} /> : null}
      <article className="receipt" aria-labelledby="receipt-title">
        <div className="receipt__head">
          <div>
            <p>{agencyName.toUpperCase()}</p>
            <p>
              <strong>{t.desk.receiptUnit}</strong>
            </p>
          </div>
          <div>
            <p>
              <strong>{t.desk.receiptNation}</strong>
            </p>
            <p>
              <strong>{t.desk.receiptMotto}</strong>
            </p>
          </div>
        </div>
        <p className="hint">{t.desk.receiptForm(dossier.formSet)}</p>
        <h1 id="receipt-title">{t.desk.receiptTitle}</h1>
        <p className="receipt__code">
          {t.common.code}: <strong data-testid="receipt-code">{dossier.code}</strong>
        </p>
        <p>{t.desk.receiptReceivedBy(agencyName)}</p>
        <dl className="intake-dl">
          <dt>{t.common.applicant}</dt>
          <dd>{applicant.fullName ?? ''}</dd>
          {applicant.idNumber ? (
            <>
              <dt>{t.desk.idNumber}</dt>
              <dd>{applicant.idNumber}</dd>
            </>
          ) : null}
          <dt>{t.desk.receiptAddress}</dt>
          <dd>{applicant.address ?? '—'}</dd>
          <dt>{t.desk.receiptPhone}</dt>
          <dd>{applicant.phone ?? '—'}</dd>
          {applicant.email ? (
            <>
              <dt>{m.common.email}</dt>
              <dd>{applicant.email}</dd>
            </>
          ) : null}
          <dt>{m.deskNotify.chosen}</dt>
          <dd>
            <NotifyChosen chosen={dossier.notify} />
          </dd>
          <dt>{t.desk.receiptContent}</dt>
          <dd>{dossier.procedureName}</dd>
        </dl>
        <p>{t.desk.receiptComponents}:</p>
        <ol>
          {componentsReceived.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ol>
        <p>{t.desk.receiptCount}</p>
        <dl className="intake-dl">
          <dt>{t.desk.receiptTimeLimit}</dt>
          <dd>{timeLimitText(m.catalogue, procedure.version.processingTime)}</dd>
          <dt>{t.desk.receiptReceivedAt}</dt>
          <dd>{vnTime(dossier.receivedAt)}</dd>
          <dt>{t.desk.receiptAppointment}</dt>
          <dd data-testid="receipt-appointment">{vnTime(dossier.dueAt)}</dd>
          <dt>{t.desk.receiptDelivery}</dt>
          <dd>
            {t.delivery[delivery.method ?? 'desk']}
            {delivery.address ? `: ${delivery.address}` : ''}
          </dd>
        </dl>
        <div className="receipt__signs">
          <div>
            <p>
              <strong>{t.desk.receiptApplicantSign}</strong>
            </p>
            <p>{applicant.fullName ?? ''}</p>
          </div>
          <div>
            <p>
              <strong>{t.desk.receiptSigner}</strong>
            </p>
            <p data-testid="receipt-officer">{reception?.actorName ?? reception?.actorLabel ?? ''}</p>
          </div>
        </div>
      </article>
    </div>
  );
}
