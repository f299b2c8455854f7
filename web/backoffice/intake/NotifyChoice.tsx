// R37 at the desk: the officer ticks how the walk-in or postal applicant wants to be told about each
// status change; the same `notify` list the online wizard sends, checked here against the addresses
// given so the officer can correct them before the server refuses.
import { normalizeEmail } from '../../../src/domain/identity/identifiers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChannelChoice, type NotifyChannel } from '../../ui/ChannelChoice.tsx';

export type { NotifyChannel };

const CHANNELS: NotifyChannel[] = ['sms', 'email', 'chat'];

/** E-mail ticked once an address is typed, unticked when it is cleared; SMS is the default. */
export function withEmailDefault(chosen: NotifyChannel[], before: string, after: string): NotifyChannel[] {
  if (!before.trim() && after.trim() && !chosen.includes('email')) {
    return [...chosen, 'email'];
  }
  return after.trim() ? chosen : chosen.filter((c) => c !== 'email');
}

export function useNotifyProblems() {
  const t = useI18n().m.deskNotify;
  return (chosen: NotifyChannel[], person: { phone: string; email: string }) => {
    const list: Array<{ target: string; message: string }> = [];
    if (person.email.trim() && !normalizeEmail(person.email)) {
      list.push({ target: 'walkin-email', message: t.emailInvalid });
    } else if (chosen.includes('email') && !person.email.trim()) {
      list.push({ target: 'walkin-email', message: t.emailMissing });
    }
    if ((chosen.includes('sms') || chosen.includes('chat')) && !person.phone.trim()) {
      list.push({ target: 'walkin-phone', message: t.phoneMissing });
    }
    return list;
  };
}

export function NotifyChoice(props: { chosen: NotifyChannel[]; onChange: (next: NotifyChannel[]) => void }) {
  const t = useI18n().m.deskNotify;
  return (
    <ChannelChoice
      id="walkin-notify"
      legend={t.legend}
      hint={t.hint}
      labels={t.channel}
      channels={CHANNELS}
      chosen={props.chosen}
      onChange={props.onChange}
    />
  );
}

/** "SMS, Thư điện tử" for the receipt and the dossier detail. */
export function NotifyChosen({ chosen }: { chosen: readonly string[] }) {
  const t = useI18n().m.deskNotify;
  const names = CHANNELS.filter((c) => chosen.includes(c)).map((c) => t.short[c]);
  return <span data-testid="notify-chosen">{names.join(', ') || t.none}</span>;
}
