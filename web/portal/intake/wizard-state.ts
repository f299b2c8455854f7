// What the submission wizard holds (saved as the draft's data and restored on another device), and
// how a stored draft is read back safely whatever shape it was saved in.
import type { NotifyChannel } from '../../ui/ChannelChoice.tsx';
import type { FileRef } from '../../ui/intake-kit.tsx';

type Method = 'desk' | 'post' | 'online';
export interface WizardState {
  step: number;
  formData: Record<string, Record<string, unknown>>;
  files: Record<string, FileRef[]>;
  delivery: { method: Method; address: string };
  /** R37: the channels the citizen wants to be told on (e-mail and SMS to the account's addresses). */
  notify: NotifyChannel[];
  /** The agency that settles the dossier, when the procedure is performed by several ('' = none). */
  agencyId: string;
}
export interface Problem {
  target: string;
  message: string;
}

export const EMPTY: WizardState = {
  step: 0,
  formData: {},
  files: {},
  delivery: { method: 'online', address: '' },
  notify: ['email', 'sms'],
  agencyId: '',
};

export function asState(data: Record<string, unknown>): WizardState {
  const d = data as Partial<WizardState>;
  return {
    step: typeof d.step === 'number' ? Math.min(Math.max(d.step, 0), 3) : 0,
    formData: d.formData ?? {},
    files: d.files ?? {},
    delivery: d.delivery ?? EMPTY.delivery,
    notify: Array.isArray(d.notify)
      ? d.notify.filter((c) => ['email', 'sms', 'chat'].includes(c))
      : EMPTY.notify,
    agencyId: typeof d.agencyId === 'string' ? d.agencyId : '',
  };
}
