// Sections of the procedure editor: time limit, ways of doing it, requirements / legal basis /
// responsibilities. Each gets the draft content and a setter.
import type { ProcedureContent } from '../../api/catalogue.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Check, SelectField, TextField } from './editor-parts.tsx';

type Content = ProcedureContent;
type Setter = <K extends keyof Content>(key: K, value: Content[K]) => void;

export function TimeSection({
  content,
  set,
  errorFor,
}: {
  content: Content;
  set: Setter;
  errorFor(path: string): string | undefined;
}) {
  const { m } = useI18n();
  const c = m.catalogue;
  const a = c.admin;
  return (
    <section className="card proc-section">
      <h2>{c.timeLimit}</h2>
      <div className="inline-form">
        <TextField
          path="processingTime.value"
          label={a.timeValue}
          type="number"
          value={String(content.processingTime.value)}
          onChange={(v) =>
            set('processingTime', {
              ...content.processingTime,
              value: Math.max(0, Math.trunc(Number(v) || 0)),
            })
          }
        />
        <SelectField
          path="processingTime.unit"
          label={a.timeUnit}
          value={content.processingTime.unit}
          options={[
            ['working_days', c.units.working_days(0).replace(/^0 /, '')],
            ['working_hours', c.units.working_hours(0).replace(/^0 /, '')],
            ['calendar_days', c.units.calendar_days(0).replace(/^0 /, '')],
            ['immediate', c.units.immediate()],
          ]}
          onChange={(v) =>
            set('processingTime', {
              ...content.processingTime,
              unit: v as Content['processingTime']['unit'],
            })
          }
        />
        <TextField
          path="processingTime.onlineValue"
          label={a.timeOnline}
          type="number"
          value={
            content.processingTime.onlineValue === null ? '' : String(content.processingTime.onlineValue)
          }
          onChange={(v) =>
            set('processingTime', {
              ...content.processingTime,
              onlineValue: v === '' ? null : Math.max(0, Math.trunc(Number(v) || 0)),
            })
          }
        />
      </div>
      <TextField
        path="processingTime.note"
        label={a.timeNote}
        value={content.processingTime.note ?? ''}
        onChange={(v) => set('processingTime', { ...content.processingTime, note: v || null })}
      />
      <Check
        path="immediateResult"
        label={a.immediate}
        checked={content.immediateResult}
        onChange={(v) => set('immediateResult', v)}
      />
      {errorFor('processingTime') ? <p className="field-error">{errorFor('processingTime')}</p> : null}
    </section>
  );
}

export function WaysSection({ content, set }: { content: Content; set: Setter }) {
  const { m } = useI18n();
  const c = m.catalogue;
  const a = c.admin;
  const way = (channel: 'in_person' | 'post' | 'online') => content.ways.find((w) => w.channel === channel);
  const setWay = (channel: 'in_person' | 'post' | 'online', on: boolean, note?: string | null) => {
    const others = content.ways.filter((w) => w.channel !== channel);
    const order = ['in_person', 'post', 'online'];
    const next = on ? [...others, { channel, note: note ?? way(channel)?.note ?? null }] : others;
    set(
      'ways',
      next.sort((x, y) => order.indexOf(x.channel) - order.indexOf(y.channel)),
    );
  };

  return (
    <section className="card proc-section">
      <h2>{a.waysTitle}</h2>
      {(['in_person', 'post', 'online'] as const).map((channel) => (
        <div key={channel}>
          <Check
            path={`ways.${channel}`}
            label={c.channel[channel]}
            checked={Boolean(way(channel))}
            onChange={(on) => setWay(channel, on)}
          />
          {way(channel) ? (
            <TextField
              path={`ways.${channel}.note`}
              label={a.wayNote(c.channel[channel])}
              value={way(channel)?.note ?? ''}
              onChange={(v) => setWay(channel, true, v || null)}
            />
          ) : null}
        </div>
      ))}
    </section>
  );
}

export function TextsSection(props: {
  content: Content;
  set: Setter;
  requirements: string;
  legal: string;
  setRequirements(text: string): void;
  setLegal(text: string): void;
  errorFor(path: string): string | undefined;
}) {
  const { content, set, requirements, legal, setRequirements, setLegal, errorFor } = props;
  const { m } = useI18n();
  const c = m.catalogue;
  const a = c.admin;
  const responsibility = (party: 'applicant' | 'agency' | 'desk') =>
    content.responsibilities.find((r) => r.party === party)?.text ?? '';
  const setResponsibility = (party: 'applicant' | 'agency' | 'desk', text: string) =>
    set('responsibilities', [
      ...content.responsibilities.filter((r) => r.party !== party),
      ...(text ? [{ party, text }] : []),
    ]);

  return (
    <section className="card proc-section">
      <TextField
        path="requirements"
        label={a.requirementsTitle}
        multiline
        value={requirements}
        onChange={setRequirements}
      />
      <TextField
        path="legalBasis"
        label={a.legalTitle}
        multiline
        value={legal}
        error={errorFor('legalBasis')}
        onChange={setLegal}
      />
      <h2>{a.responsibilitiesTitle}</h2>
      {(['applicant', 'desk', 'agency'] as const).map((party) => (
        <TextField
          key={party}
          path={`responsibilities.${party}`}
          label={c.party[party]}
          multiline
          value={responsibility(party)}
          onChange={(v) => setResponsibility(party, v)}
        />
      ))}
    </section>
  );
}
