// Back office: one procedure — its versions and their decisions, the diff between versions, the
// draft (start, edit, discard, publish), abolition, form template files, agencies, pack export.
import { type FormEvent, useId, useState } from 'react';
import { type AdminProcedure, catalogueApi, type DiffEntry } from '../../api/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDate } from '../../catalogue/format.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert, NotReady } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DiffTable } from './DiffTable.tsx';
import '../../ui/catalogue.css';

export function ProcedureAdminPage({ id }: { id: string }) {
  const { m, lang } = useI18n();
  const a = m.catalogue.admin;
  const data = useAsync(() => catalogueApi.adminProcedure(id), `admin-${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [diff, setDiff] = useState<{ from: number; to: number; changes: DiffEntry[] } | null>(null);
  const uploadId = useId();
  const [file, setFile] = useState<File | null>(null);

  if (data.status !== 'ready') {
    return <NotReady state={data} />;
  }
  const p: AdminProcedure = data.data;
  const draft = p.versions.find((v) => v.status === 'draft');
  const inForce = p.versions.find((v) => v.id === p.inForceVersionId);
  const shown = inForce ?? p.versions.at(-1);
  const run = async (action: () => Promise<unknown>, message: string) => {
    setFailure(null);
    setNotice(null);
    try {
      await action();
      setNotice(message);
      data.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const compare = async (index: number) => {
    const from = p.versions[index - 1];
    const to = p.versions[index];
    if (!from || !to) {
      return;
    }
    try {
      const result = await catalogueApi.diff(p.id, from.id, to.id);
      setDiff({ from: from.number, to: to.number, changes: result.changes });
    } catch (error) {
      setFailure(error);
    }
  };
  const exportPack = async () => {
    try {
      const pack = await catalogueApi.exportPack(p.id);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `thu-tuc-${p.localCode}.json`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setFailure(error);
    }
  };
  const onUpload = (event: FormEvent) => {
    event.preventDefault();
    if (file) {
      void run(() => catalogueApi.uploadForm(p.id, file), a.uploaded(file.name));
    }
  };

  return (
    <div className="page">
      <p>
        <Link href="/admin/thu-tuc">← {a.listTitle}</Link>
      </p>
      <header className="proc-header">
        <div>
          <h1>{shown?.name ?? p.localCode}</h1>
          <p className="result-meta">
            {p.nationalCode ? `${m.catalogue.code}: ${p.nationalCode} · ` : ''}
            {p.localCode} · {m.catalogue.views(p.views)}
          </p>
          <ul className="tags">
            <li className="tag">{inForce ? a.inForce(inForce.number) : a.notInForce}</li>
            {draft ? <li className="tag tag--draft">{a.draftTag}</li> : null}
            {p.abolishedFrom ? (
              <li className="tag tag--immediate">{a.abolishedTag(formatDate(p.abolishedFrom))}</li>
            ) : null}
          </ul>
        </div>
        <div className="toolbar">
          {inForce ? (
            <a className="button" href={`/thu-tuc/${p.id}`}>
              {a.viewOnPortal}
            </a>
          ) : null}
          <button type="button" className="button" onClick={() => void exportPack()}>
            {a.exportPack}
          </button>
        </div>
      </header>
      <div aria-live="polite">
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        {failure ? <Alert kind="error">{errorMessage(failure, lang)}</Alert> : null}
      </div>

      {!p.abolishedFrom ? (
        <section className="card proc-section" aria-labelledby="draft-title">
          <h2 id="draft-title">{draft ? m.catalogue.admin.editorDraft(draft.number) : a.startDraft}</h2>
          <div className="toolbar">
            {draft ? (
              <>
                <Link className="button button--primary" href={`/admin/thu-tuc/${p.id}/du-thao`}>
                  {a.editDraft}
                </Link>
                {p.versions.length > 1 ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      if (window.confirm(a.confirmDiscard)) {
                        void run(() => catalogueApi.discardDraft(p.id), a.discardDraft);
                      }
                    }}
                  >
                    {a.discardDraft}
                  </button>
                ) : null}
              </>
            ) : (
              <button
                type="button"
                className="button button--primary"
                onClick={() =>
                  void run(async () => {
                    await catalogueApi.startDraft(p.id);
                    navigate(`/admin/thu-tuc/${p.id}/du-thao`);
                  }, a.saved)
                }
              >
                {a.startDraft}
              </button>
            )}
          </div>
          {draft ? (
            <DecisionForm
              title={a.publishTitle}
              lead={a.publishLead}
              submitLabel={a.publish}
              onSubmit={(d) => run(() => catalogueApi.publish(p.id, d), a.published)}
            />
          ) : null}
          {inForce ? (
            <DecisionForm
              title={a.abolishTitle}
              lead={a.abolishLead}
              submitLabel={a.abolish}
              withReason
              danger
              onSubmit={(d) =>
                run(() => catalogueApi.abolish(p.id, { ...d, reason: d.reason ?? '' }), a.abolished)
              }
            />
          ) : null}
        </section>
      ) : null}

      <section className="proc-section" aria-labelledby="versions-title">
        <h2 id="versions-title">{a.versionsTitle}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{a.colVersion}</th>
                <th scope="col">{a.status}</th>
                <th scope="col">{a.colDecision}</th>
                <th scope="col">{a.colEffective}</th>
                <th scope="col">{a.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {p.versions.map((v, index) => (
                <tr key={v.id}>
                  <td>{v.number}</td>
                  <td>
                    {a.versionStatus[v.status]}
                    {v.id === p.inForceVersionId ? (
                      <div className="tag tag--full">{a.statusInForce}</div>
                    ) : null}
                  </td>
                  <td>{v.decisionNumber ? `${v.decisionNumber} (${formatDate(v.decisionDate)})` : '—'}</td>
                  <td>
                    {v.effectiveFrom
                      ? a.effectiveRange(formatDate(v.effectiveFrom), formatDate(v.effectiveTo))
                      : '—'}
                  </td>
                  <td>
                    {index > 0 ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void compare(index)}
                      >
                        {a.compareWithPrevious} ({v.number - 1} → {v.number})
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {diff ? <DiffTable title={a.diffTitle(diff.from, diff.to)} changes={diff.changes} /> : null}
      </section>

      <section className="proc-section" aria-labelledby="agencies-title">
        <h2 id="agencies-title">{a.agenciesTitle}</h2>
        <p>{shown?.decidingAuthority}</p>
        <AgencyNames ids={shown?.performingAgencyIds ?? []} />
      </section>

      <section className="proc-section" aria-labelledby="files-title">
        <h2 id="files-title">{a.filesTitle}</h2>
        {p.files.length === 0 ? (
          <p>{a.noFiles}</p>
        ) : (
          <ul>
            {p.files.map((f) => (
              <li key={f.id}>
                <a href={f.url}>{f.fileName}</a> ({Math.max(1, Math.round(f.size / 1024))} KB)
              </li>
            ))}
          </ul>
        )}
        {!p.abolishedFrom ? (
          <form className="toolbar" onSubmit={onUpload}>
            <div className="field">
              <label htmlFor={uploadId}>{a.upload}</label>
              <input
                id={uploadId}
                type="file"
                accept=".pdf,.doc,.docx,.xls,.xlsx,.odt"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <button type="submit" className="button" disabled={!file}>
              {a.uploadButton}
            </button>
          </form>
        ) : null}
      </section>
    </div>
  );
}

function AgencyNames({ ids }: { ids: string[] }) {
  const { pick } = useI18n();
  const agencies = useAsync(() => catalogueApi.agencies(), 'agencies');
  if (agencies.status !== 'ready') {
    return null;
  }
  const byId = new Map(agencies.data.items.map((x) => [x.id, x]));
  return (
    <ul>
      {ids.map((id) => {
        const agency = byId.get(id);
        return agency ? (
          <li key={id}>
            {pick({ vi: agency.name, en: agency.nameEn ?? agency.name })} ({agency.code})
          </li>
        ) : null;
      })}
    </ul>
  );
}
