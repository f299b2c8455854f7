// The procedure editor (R2, R4): every TT 32/2017 Điều 5 component of a draft, for a new procedure
// (/admin/thu-tuc/moi) or the pending draft of an existing one (/admin/thu-tuc/:id/du-thao).
// The server checks everything again; its field errors are listed at the top, linked to the field.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  type AdminProcedure,
  type Agency,
  catalogueApi,
  type ProcedureContent,
  type Sector,
} from '../../api/catalogue.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FieldLink } from '../../ui/eform/EformRenderer.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { ComponentsEditor } from './ComponentsEditor.tsx';
import { Check, Checks, fieldId, ListEditor, lines, SelectField, TextField } from './editor-parts.tsx';
import { TextsSection, TimeSection, WaysSection } from './editor-sections.tsx';
import { FeesEditor } from './FeesEditor.tsx';
import '../../ui/catalogue.css';

type Content = ProcedureContent;

function emptyContent(sectorId: string): Content {
  return {
    name: '',
    nameEn: null,
    sectorId,
    levels: ['province'],
    subjects: ['individual'],
    onlineLevel: 'none',
    legacyLevel: 2,
    immediateResult: false,
    processingTime: { value: 5, unit: 'working_days', onlineValue: null, note: null },
    decidingAgencyId: null,
    decidingAuthority: '',
    performingAgencyIds: [],
    deskAgencyId: null,
    whereToSubmit: null,
    ways: [{ channel: 'in_person', note: null }],
    steps: [{ title: '', description: '' }],
    components: [],
    result: { name: '', isDocument: true },
    fees: [],
    requirements: [],
    legalBasis: [],
    responsibilities: [],
  };
}

export function ProcedureEditorPage({ id }: { id: string | null }) {
  const { m } = useI18n();
  const data = useAsync(
    () =>
      Promise.all([
        catalogueApi.sectors(),
        catalogueApi.agencies(),
        id ? catalogueApi.adminProcedure(id) : Promise.resolve(null),
      ]),
    `editor-${id ?? 'new'}`,
  );
  if (data.status !== 'ready') {
    return <p className="page">{data.status === 'error' ? m.catalogue.loadError : m.common.loading}</p>;
  }
  const [sectors, agencies, procedure] = data.data;
  return <Editor sectors={sectors.items} agencies={agencies.items} procedure={procedure} />;
}

function Editor(props: { sectors: Sector[]; agencies: Agency[]; procedure: AdminProcedure | null }) {
  const { m, lang, pick } = useI18n();
  const c = m.catalogue;
  const a = c.admin;
  const draft = props.procedure?.versions.find((v) => v.status === 'draft');
  const initial: Content = draft
    ? (({
        id: _i,
        number: _n,
        status: _s,
        decisionNumber: _d,
        decisionDate: _dd,
        effectiveFrom: _e,
        effectiveTo: _t,
        publishedAt: _p,
        ...rest
      }) => rest)(draft)
    : emptyContent(props.sectors.find((s) => s.parentId)?.id ?? '');
  const [content, setContent] = useState<Content>(initial);
  const [codes, setCodes] = useState({ nationalCode: '', localCode: '' });
  const [requirements, setRequirements] = useState(initial.requirements.join('\n'));
  const [legal, setLegal] = useState(initial.legalBasis.join('\n'));
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure || saved) {
      summaryRef.current?.focus();
    }
  }, [failure, saved]);

  if (props.procedure && !draft) {
    return (
      <div className="page">
        <Alert kind="info">{c.admin.startDraft}</Alert>
        <Link href={`/admin/thu-tuc/${props.procedure.id}`}>{a.cancel}</Link>
      </div>
    );
  }
  const set = <K extends keyof Content>(key: K, value: Content[K]) =>
    setContent((x) => ({ ...x, [key]: value }));
  const nameOf = (x: { name: string; nameEn: string | null }) => pick({ vi: x.name, en: x.nameEn ?? x.name });
  const agencyOptions = props.agencies
    .filter((x) => x.kind !== 'unit')
    .map((x): [string, string] => [x.id, nameOf(x)]);
  const fieldError =
    failure instanceof ApiError ? failure.body.field?.replace(/^content[./]/, '') : undefined;
  const errorFor = (path: string) =>
    fieldError === path && failure instanceof ApiError ? failure.body.message[lang] : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(null);
    setBusy(true);
    const body: Content = { ...content, requirements: lines(requirements), legalBasis: lines(legal) };
    try {
      if (props.procedure) {
        const result = await catalogueApi.saveDraft(props.procedure.id, body);
        setSaved(`${a.saved} ${a.changes(result.changes.length)}`);
      } else {
        const created = await catalogueApi.create({
          nationalCode: codes.nationalCode.trim() || null,
          localCode: codes.localCode.trim(),
          content: body,
        });
        navigate(`/admin/thu-tuc/${created.id}`);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="page" onSubmit={submit} noValidate>
      <p>
        <Link href={props.procedure ? `/admin/thu-tuc/${props.procedure.id}` : '/admin/thu-tuc'}>
          ← {a.cancel}
        </Link>
      </p>
      <h1>{draft ? a.editorDraft(draft.number) : a.editorNew}</h1>
      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        {saved ? <Alert kind="success">{saved}</Alert> : null}
        {failure ? (
          <Alert kind="error" title={a.errorSummary}>
            {fieldError ? (
              <FieldLink target={fieldId(fieldError)}>{errorMessage(failure, lang)}</FieldLink>
            ) : (
              errorMessage(failure, lang)
            )}
          </Alert>
        ) : null}
      </div>

      <section className="card proc-section">
        {!props.procedure ? (
          <div className="inline-form">
            <TextField
              path="nationalCode"
              label={a.nationalCode}
              hint={a.nationalCodeHint}
              value={codes.nationalCode}
              error={errorFor('nationalCode')}
              onChange={(v) => setCodes({ ...codes, nationalCode: v })}
            />
            <TextField
              path="localCode"
              label={a.localCode}
              hint={a.localCodeHint}
              value={codes.localCode}
              error={errorFor('localCode')}
              onChange={(v) => setCodes({ ...codes, localCode: v.toUpperCase() })}
            />
          </div>
        ) : null}
        <TextField
          path="name"
          label={a.name}
          value={content.name}
          error={errorFor('name')}
          onChange={(v) => set('name', v)}
        />
        <TextField
          path="nameEn"
          label={a.nameEn}
          value={content.nameEn ?? ''}
          onChange={(v) => set('nameEn', v || null)}
        />
        <SelectField
          path="sectorId"
          label={c.sector}
          value={content.sectorId}
          options={props.sectors.map((s) => [s.id, `${s.parentId ? '— ' : ''}${nameOf(s)}`])}
          onChange={(v) => set('sectorId', v)}
        />
        <div className="inline-form">
          <Checks
            path="levels"
            legend={c.levelLabel}
            options={[
              ['province', c.levels.province],
              ['district', c.levels.district],
              ['commune', c.levels.commune],
            ]}
            values={content.levels}
            onChange={(v) => set('levels', v)}
          />
          <Checks
            path="subjects"
            legend={c.subjectsLabel}
            options={[
              ['individual', c.subjects.individual],
              ['organisation', c.subjects.organisation],
            ]}
            values={content.subjects}
            onChange={(v) => set('subjects', v)}
          />
          <div>
            <SelectField
              path="onlineLevel"
              label={c.onlineLevel}
              value={content.onlineLevel}
              options={[
                ['full', c.online.full],
                ['partial', c.online.partial],
                ['none', c.online.none],
              ]}
              onChange={(v) => set('onlineLevel', v as Content['onlineLevel'])}
            />
            <SelectField
              path="legacyLevel"
              label={a.legacyLevel}
              value={String(content.legacyLevel)}
              options={[1, 2, 3, 4].map((n) => [String(n), c.legacy(n)])}
              onChange={(v) => set('legacyLevel', Number(v))}
            />
          </div>
        </div>
        {errorFor('onlineLevel') ? <p className="field-error">{errorFor('onlineLevel')}</p> : null}
      </section>

      <TimeSection content={content} set={set} errorFor={errorFor} />

      <section className="card proc-section">
        <h2>{c.performingAgencies}</h2>
        <TextField
          path="decidingAuthority"
          label={a.decidingAuthority}
          value={content.decidingAuthority}
          onChange={(v) => set('decidingAuthority', v)}
        />
        <SelectField
          path="decidingAgencyId"
          label={a.decidingAgency}
          value={content.decidingAgencyId ?? ''}
          empty={a.none}
          options={agencyOptions}
          onChange={(v) => set('decidingAgencyId', v || null)}
        />
        <Checks
          path="performingAgencyIds"
          legend={c.performingAgencies}
          options={agencyOptions}
          values={content.performingAgencyIds}
          onChange={(v) => set('performingAgencyIds', v)}
        />
        <SelectField
          path="deskAgencyId"
          label={a.deskAgency}
          value={content.deskAgencyId ?? ''}
          empty={a.none}
          options={agencyOptions}
          onChange={(v) => set('deskAgencyId', v || null)}
        />
        <TextField
          path="whereToSubmit"
          label={a.whereToSubmit}
          multiline
          value={content.whereToSubmit ?? ''}
          onChange={(v) => set('whereToSubmit', v || null)}
        />
      </section>

      <WaysSection content={content} set={set} />

      <section className="card proc-section">
        <h2>{a.stepsTitle}</h2>
        <ListEditor
          items={content.steps}
          onChange={(v) => set('steps', v)}
          create={() => ({ title: '', description: '' })}
          addLabel={a.addStep}
          removeLabel={a.remove}
          itemLabel={(i) => `${a.stepTitle} ${i + 1}`}
          render={(step, i, update) => (
            <>
              <TextField
                path={`steps/${i}/title`}
                label={`${a.stepTitle} ${i + 1}`}
                value={step.title}
                onChange={(v) => update({ ...step, title: v })}
              />
              <TextField
                path={`steps/${i}/description`}
                label={a.stepDescription}
                multiline
                value={step.description}
                onChange={(v) => update({ ...step, description: v })}
              />
            </>
          )}
        />
      </section>

      <ComponentsEditor
        components={content.components}
        files={props.procedure?.files ?? []}
        errorFor={errorFor}
        onChange={(v) => set('components', v)}
      />

      <section className="card proc-section">
        <h2>{a.resultTitle}</h2>
        <TextField
          path="result.name"
          label={a.resultName}
          value={content.result.name}
          onChange={(v) => set('result', { ...content.result, name: v })}
        />
        <Check
          path="result.isDocument"
          label={a.resultIsDocument}
          checked={content.result.isDocument}
          onChange={(v) => set('result', { ...content.result, isDocument: v })}
        />
      </section>

      <FeesEditor fees={content.fees} onChange={(v) => set('fees', v)} />

      <TextsSection
        content={content}
        set={set}
        requirements={requirements}
        legal={legal}
        setRequirements={setRequirements}
        setLegal={setLegal}
        errorFor={errorFor}
      />

      <p className="toolbar">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? a.saving : a.save}
        </button>
      </p>
    </form>
  );
}
