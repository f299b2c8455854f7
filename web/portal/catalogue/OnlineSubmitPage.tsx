// "Nộp hồ sơ trực tuyến": online submission itself comes with the next issue; this page says so
// plainly, and lets the citizen try the procedure's e-forms, checked by the server with the same
// schema (TT 32/2017 Đ8). Prefill uses a sample profile until citizen accounts exist (said on screen).
import { useState } from 'react';
import type { PrefillProfile } from '../../../src/domain/catalogue/eform.ts';
import { catalogueApi, type ProcedureDetail } from '../../api/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EformRenderer, FieldLink } from '../../ui/eform/EformRenderer.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';

const SAMPLE_PROFILE: PrefillProfile = {
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-05-12',
  idNumber: '001090012345',
  phone: '0912345678',
  email: 'nguyenvanan@example.vn',
  address: 'Thôn Đông, xã An Phú, tỉnh An Hòa',
};

export function OnlineSubmitPage({ id }: { id: string }) {
  const { m, lang, pick } = useI18n();
  const c = m.catalogue;
  const data = useAsync(() => catalogueApi.procedure(id), `online-${id}`);
  if (data.status !== 'ready') {
    return (
      <div className="page">
        {data.status === 'error' ? (
          <Alert kind="error">{errorMessage(data.error, lang)}</Alert>
        ) : (
          <p>{m.common.loading}</p>
        )}
      </div>
    );
  }
  const p = data.data;
  return (
    <div className="page">
      <h1>
        {c.onlineTitle}: {pick({ vi: p.version.name, en: p.version.nameEn ?? p.version.name })}
      </h1>
      <Alert kind="info">{c.onlinePending}</Alert>
      <p className="hint">{c.prefillNote}</p>
      {p.version.components
        .filter((component) => component.eform)
        .map((component) => (
          <EformTry key={component.key} procedure={p} componentKey={component.key} />
        ))}
      <p>
        <Link href={`/thu-tuc/${p.id}`}>{c.backToProcedure}</Link>
      </p>
    </div>
  );
}

function EformTry({ procedure, componentKey }: { procedure: ProcedureDetail; componentKey: string }) {
  const { m, lang } = useI18n();
  const c = m.catalogue;
  const component = procedure.version.components.find((x) => x.key === componentKey);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<'valid' | 'invalid' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (!component?.eform) {
    return null;
  }
  const eform = component.eform;
  const check = async () => {
    setFailure(null);
    try {
      const answer = await catalogueApi.validateEform(procedure.version.id, componentKey, data);
      setErrors(Object.fromEntries(answer.errors.map((e) => [e.field, e.message[lang]])));
      setResult(answer.valid ? 'valid' : 'invalid');
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void check();
      }}
    >
      <div aria-live="polite">
        {failure ? <Alert kind="error">{errorMessage(failure, lang)}</Alert> : null}
        {result === 'valid' ? <Alert kind="success">{c.eformValid}</Alert> : null}
        {result === 'invalid' ? (
          <Alert kind="error" title={c.eformErrors}>
            <ul>
              {Object.entries(errors).map(([field, message]) => (
                <li key={field}>
                  <FieldLink target={`eform-${componentKey}-${field}`}>{message}</FieldLink>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>
      <EformRenderer
        schema={eform.schema as never}
        layout={eform.layout as never}
        data={data}
        onChange={setData}
        errors={errors}
        profile={SAMPLE_PROFILE}
        idPrefix={`eform-${componentKey}`}
      />
      <button type="submit" className="button button--primary">
        {c.eformCheck}
      </button>
    </form>
  );
}
