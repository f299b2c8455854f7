// R18 (PT Đ9.2b, Đ10.1b): a procedure settled at reception needs no appointment slip unless the
// applicant asks, but is still recorded. On the receipt page of such a dossier the desk confirms the
// result and records the hand-over in one press: two actions (confirm_result, return_result), each
// its own transaction with history and audit, so a failure between them leaves a true state that a
// second press finishes.
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type DossierDetail, intakeApi } from '../../api/intake.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { useGuardedCall } from '../session.ts';

export function ImmediateResult(props: { dossier: DossierDetail }) {
  const { m, lang } = useI18n();
  const t = m.intake.desk;
  const guarded = useGuardedCall();
  const { dossier } = props;
  const actions = useAsync(() => guarded(() => intakeApi.actions(dossier.id)), `immediate-${dossier.id}`);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [partial, setPartial] = useState(false);
  const [done, setDone] = useState(false);
  if (done) {
    return <Alert kind="success">{t.immediateDone(dossier.code)}</Alert>;
  }
  if (actions.status !== 'ready') {
    return null;
  }
  const can = (action: string) => actions.data.some((a) => a.action === action);
  if (!can('confirm_result') && !can('return_result')) {
    return null;
  }
  const finish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      if (can('confirm_result') && !partial) {
        await guarded(() => intakeApi.act(dossier.id, { action: 'confirm_result' }));
        setPartial(true);
      }
      await guarded(() => intakeApi.act(dossier.id, { action: 'return_result', deliveredHow: 'desk' }));
      setDone(true);
    } catch (error) {
      setFailure(errorMessage(error, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card no-print" aria-labelledby="immediate-heading">
      <h2 id="immediate-heading">{t.immediateTitle}</h2>
      <p>{t.immediateHint}</p>
      {failure ? (
        <Alert kind="error">
          {partial ? `${t.immediatePartial(dossier.code)} ` : ''}
          {failure}
        </Alert>
      ) : null}
      <button type="button" className="button button--primary" disabled={busy} onClick={finish}>
        {t.immediateReturn}
      </button>
    </section>
  );
}
