// R37: the channels that tell the applicant about each status change. At the desk the officer records
// the applicant's choice together with the addresses, so a channel without its address is refused
// (it would otherwise be silently never used); online, the account's verified addresses serve.
import { normalizeEmail } from '../../../domain/identity/identifiers.ts';
import { dossierErrors } from '../dossier.errors.ts';
import type { CreateDossierBody, Person } from '../dossier.schemas.ts';

type Channel = 'email' | 'sms' | 'chat';

export function notifyChoice(body: CreateDossierBody, applicant: Person, mode: 'online' | 'desk'): Channel[] {
  if (applicant.email !== undefined && normalizeEmail(applicant.email) === null) {
    throw dossierErrors.invalidField(
      'applicant.email',
      'Địa chỉ thư điện tử không hợp lệ.',
      'The e-mail address is not valid.',
    );
  }
  if (!body.notify) {
    // Not chosen: every channel the applicant gave an address for (the behaviour before the choice).
    return (['email', 'sms'] as const).filter((c) => (c === 'email' ? applicant.email : applicant.phone));
  }
  if (mode === 'desk') {
    if (body.notify.includes('email') && !applicant.email) {
      throw dossierErrors.invalidField(
        'applicant.email',
        'Người nộp chọn nhận thông báo qua thư điện tử: vui lòng nhập địa chỉ thư điện tử.',
        'The applicant chose e-mail notifications: please enter an e-mail address.',
      );
    }
    if ((body.notify.includes('sms') || body.notify.includes('chat')) && !applicant.phone) {
      throw dossierErrors.invalidField(
        'applicant.phone',
        'Người nộp chọn nhận thông báo qua SMS hoặc Zalo: vui lòng nhập số điện thoại.',
        'The applicant chose SMS or Zalo notifications: please enter a phone number.',
      );
    }
  }
  return body.notify;
}
