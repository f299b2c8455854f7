// Online submission (R12): procedure → e-forms prefilled from the profile → one upload per
// component → how the result is delivered (postal address; fees shown) → review → submit.
// The wizard state is saved on the server as a draft (resumable on another device: ?nhap=<id>);
// problems are listed at the top of the page, each linking to its field.
import { useEffect, useRef, useState } from 'react';
import type { PrefillProfile } from '../../../src/domain/catalogue/eform.ts';
import { prefillEform } from '../../../src/domain/catalogue/eform.ts';
import { accountsApi } from '../../api/accounts.ts';
import { catalogueApi, type ProcedureDetail } from '../../api/catalogue.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { type DossierDetail, intakeApi, newKey } from '../../api/intake.ts';
import { formatVnd } from '../../catalogue/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EformRenderer } from '../../ui/eform/EformRenderer.tsx';
import { FileUpload, ProblemSummary, vnTime } from '../../ui/intake-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { usePortalSession } from '../accounts/portal-session.ts';
import { WizardDelivery } from './WizardDelivery.tsx';
import { WizardReview } from './WizardReview.tsx';
import { asState, EMPTY, type Problem, type WizardState } from './wizard-state.ts';

export function SubmitWizardPage({ id, draftId }: { id: string; draftId: string | null }) {
  const { m, lang } = useI18n();
  const t = m.intake;
  const { session } = usePortalSession();
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [profile, setProfile] = useState<PrefillProfile>({});
  const [state, setState] = useState<WizardState>(EMPTY);
  const [draft, setDraft] = useState<{ id: string; savedAt: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DossierDetail | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const submitKey = useRef(newKey());
  const loadedDraft = useRef<string | null>(null);

  useEffect(() => {
    if (!session || (draftId && draftId === loadedDraft.current)) {
      return;
    }
    let live = true;
    (async () => {
      try {
        const p = await catalogueApi.procedure(id);
        const me = await accountsApi.profile().catch(() => null);
        const prefill: PrefillProfile = me
          ? {
              fullName: me.fullName,
              ...(me.dateOfBirth ? { dateOfBirth: me.dateOfBirth } : {}),
              ...(me.idNumber ? { idNumber: me.idNumber } : {}),
              ...(me.phone ? { phone: me.phone } : {}),
              ...(me.email ? { email: me.email } : {}),
              ...(me.address ? { address: me.address } : {}),
            }
          : {};
        let next = EMPTY;
        if (draftId) {
          const saved = await intakeApi.draft(draftId);
          next = asState(saved.data);
          loadedDraft.current = saved.id;
          setDraft({ id: saved.id, savedAt: saved.updatedAt });
          setNotice(t.wizard.draftResumed(vnTime(saved.updatedAt)));
        } else {
          const formData: WizardState['formData'] = {};
          for (const c of p.version.components) {
            if (c.eform) {
              formData[c.key] = prefillEform(c.eform.layout as never, {}, prefill);
            }
          }
          next = { ...EMPTY, formData, delivery: { method: 'online', address: me?.address ?? '' } };
        }
        if (live) {
          setProcedure(p);
          setProfile(prefill);
          setState(next);
        }
      } catch (error) {
        if (live) {
          setFailure(errorMessage(error, lang));
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [id, draftId, session, lang, t]);

  if (session === undefined) {
    return <p className="page">{t.common.loading}</p>;
  }
  if (!session) {
    return (
      <div className="page">
        <h1>{t.wizard.title}</h1>
        <Alert kind="info">{t.common.signInNeeded}</Alert>
        <p>
          <Link className="button button--primary" href="/dang-nhap">
            {t.common.signIn}
          </Link>
        </p>
      </div>
    );
  }
  if (done) {
    return (
      <div className="page">
        <h1 ref={headingRef}>{t.wizard.title}</h1>
        <Alert kind="success" title={t.wizard.submitted(done.code)}>
          <p>{t.wizard.submittedLead}</p>
        </Alert>
        <p>
          <Link className="button button--primary" href={`/ho-so-cua-toi/${done.id}`}>
            {t.wizard.viewDossier}
          </Link>
        </p>
      </div>
    );
  }
  if (!procedure) {
    return (
      <div className="page">
        {failure ? <Alert kind="error">{failure}</Alert> : <p>{t.common.loading}</p>}
      </div>
    );
  }

  const version = procedure.version;
  const eforms = version.components.filter((c) => c.eform);
  const uploads = version.components.filter((c) => !c.eform);
  const stepNames = t.wizard.steps;
  const name = lang === 'en' && version.nameEn ? version.nameEn : version.name;

  const showProblems = (list: Problem[], general: string | null = null) => {
    setProblems(list);
    setFailure(general);
    if (list.length || general) {
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  const persist = async (next: WizardState) => {
    const data = next as unknown as Record<string, unknown>;
    const saved = draft
      ? await intakeApi.saveDraft(draft.id, data)
      : await intakeApi.createDraft(procedure.id, data);
    setDraft({ id: saved.id, savedAt: saved.updatedAt });
    loadedDraft.current = saved.id;
    if (!draft) {
      navigate(`/nop-truc-tuyen/${procedure.id}?nhap=${saved.id}`, { replace: true });
    }
    return saved;
  };

  const checkStep = async (step: number): Promise<Problem[]> => {
    const list: Problem[] = [];
    if (step === 0) {
      const errs: Record<string, Record<string, string>> = {};
      for (const c of eforms) {
        const answer = await catalogueApi.validateEform(version.id, c.key, state.formData[c.key] ?? {});
        errs[c.key] = Object.fromEntries(answer.errors.map((e) => [e.field, e.message[lang]]));
        for (const e of answer.errors) {
          list.push({ target: `eform-${c.key}-${e.field}`, message: e.message[lang] });
        }
      }
      setFieldErrors(errs);
    }
    if (step === 1) {
      for (const c of uploads) {
        if (c.required && !(state.files[c.key]?.length ?? 0)) {
          list.push({ target: `file-${c.key}`, message: t.wizard.missingFile(c.name) });
        }
      }
    }
    if (step === 2 && procedure.performingAgencies.length > 1 && !state.agencyId) {
      list.push({ target: 'agency', message: t.agencyChoice.missing });
    }
    if (step === 2 && state.delivery.method === 'post' && state.delivery.address.trim().length < 5) {
      list.push({ target: 'delivery-address', message: t.wizard.postalAddressMissing });
    }
    return list;
  };

  const go = async (step: number) => {
    setBusy(true);
    setNotice(null);
    try {
      if (step > state.step) {
        const list = await checkStep(state.step);
        if (list.length) {
          showProblems(list);
          return;
        }
      }
      showProblems([]);
      const next = { ...state, step };
      setState(next);
      await persist(next);
      requestAnimationFrame(() => headingRef.current?.focus());
    } catch (error) {
      showProblems([], errorMessage(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const saveDraft = async () => {
    setBusy(true);
    try {
      const saved = await persist(state);
      setNotice(t.wizard.draftSaved(vnTime(saved.updatedAt)));
    } catch (error) {
      showProblems([], errorMessage(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      const dossier = await intakeApi.submit(
        {
          procedureId: procedure.id,
          formData: state.formData,
          components: uploads
            .filter((c) => state.files[c.key]?.length)
            .map((c) => ({ componentKey: c.key, fileIds: (state.files[c.key] ?? []).map((f) => f.id) })),
          delivery:
            state.delivery.method === 'post'
              ? { method: 'post', address: state.delivery.address.trim() }
              : { method: state.delivery.method },
          notify: state.notify,
          lang,
          ...(state.agencyId ? { agencyId: state.agencyId } : {}),
        },
        submitKey.current,
      );
      if (draft) {
        await intakeApi.deleteDraft(draft.id).catch(() => {});
      }
      setDone(dossier);
    } catch (error) {
      // A refused request may be corrected and sent again: that is a new request, not a retry.
      if (error instanceof ApiError) {
        submitKey.current = newKey();
      }
      const field = (error as { body?: { field?: string } }).body?.field ?? '';
      const message = errorMessage(error, lang);
      const component = /^components\.(.+)$/.exec(field)?.[1];
      showProblems(
        component
          ? [{ target: `file-${component}`, message }]
          : field === 'delivery.address'
            ? [{ target: 'delivery-address', message }]
            : field === 'agencyId'
              ? [{ target: 'agency', message }]
              : [],
        component || field === 'delivery.address' || field === 'agencyId' ? null : message,
      );
    } finally {
      setBusy(false);
    }
  };

  const fees = version.fees;
  const feeList =
    fees.length === 0 ? (
      <p>{t.wizard.noFees}</p>
    ) : (
      <ul>
        {fees.map((fee) => (
          <li key={fee.name}>
            {fee.name}: {fee.amountVnd === null ? t.wizard.feeByTable : formatVnd(fee.amountVnd)} (
            {t.wizard.whenPaid[fee.whenPaid]})
          </li>
        ))}
      </ul>
    );

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t.wizard.title}: {name}
      </h1>
      <ol className="intake-steps" aria-label={t.wizard.title}>
        {stepNames.map((label, i) => (
          <li key={label} aria-current={i === state.step ? 'step' : undefined}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      <ProblemSummary summaryRef={summaryRef} items={problems} general={failure} />
      <div aria-live="polite">{notice ? <Alert kind="success">{notice}</Alert> : null}</div>
      {version.onlineLevel === 'none' ? <Alert kind="info">{t.wizard.notOnline}</Alert> : null}
      <h2>{t.wizard.stepOf(state.step + 1, stepNames.length, stepNames[state.step] ?? '')}</h2>

      {state.step === 0 ? (
        <div>
          {eforms.length ? <p className="hint">{t.wizard.prefillNote}</p> : <p>{t.wizard.noEform}</p>}
          {eforms.map((c) =>
            c.eform ? (
              <EformRenderer
                key={c.key}
                schema={c.eform.schema as never}
                layout={c.eform.layout as never}
                data={state.formData[c.key] ?? {}}
                onChange={(data) => setState((s) => ({ ...s, formData: { ...s.formData, [c.key]: data } }))}
                errors={fieldErrors[c.key] ?? {}}
                profile={profile}
                idPrefix={`eform-${c.key}`}
              />
            ) : null,
          )}
        </div>
      ) : null}

      {state.step === 1 ? (
        <div>
          <p className="hint">{t.wizard.uploadLead}</p>
          {uploads.map((c) => (
            <FileUpload
              key={c.key}
              id={`file-${c.key}`}
              label={`${c.name} (${c.required ? t.wizard.required : t.wizard.optional})`}
              {...(c.condition ? { hint: c.condition } : {})}
              files={state.files[c.key] ?? []}
              onChange={(files) => {
                setState((s) => ({ ...s, files: { ...s.files, [c.key]: files } }));
                if (files.length) {
                  setProblems((list) => list.filter((p) => p.target !== `file-${c.key}`));
                }
              }}
              error={problems.find((p) => p.target === `file-${c.key}`)?.message}
            />
          ))}
        </div>
      ) : null}

      {state.step === 2 ? (
        <WizardDelivery
          state={state}
          setState={setState}
          problems={problems}
          feeList={feeList}
          agencies={procedure.performingAgencies}
        />
      ) : null}

      {state.step === 3 ? (
        <WizardReview
          state={state}
          eforms={eforms}
          uploads={uploads}
          feeList={feeList}
          agencies={procedure.performingAgencies}
        />
      ) : null}

      <div className="intake-actions">
        {state.step > 0 ? (
          <button type="button" className="button" disabled={busy} onClick={() => void go(state.step - 1)}>
            {t.common.back}
          </button>
        ) : null}
        {state.step < 3 ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void go(state.step + 1)}
          >
            {t.common.next}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void submit()}
          >
            {busy ? t.wizard.submitting : t.wizard.submit}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => void saveDraft()}>
          {t.wizard.saveDraft}
        </button>
      </div>
    </div>
  );
}
