// R16 / goal 33: back-entry of a dossier handled by hand during an outage is allowed only to desk
// officers, only inside a declared outage window, with the real time, a reason and the outage id.
import { canAny } from '../../../domain/access/policy.ts';
import type { CurrentUser } from '../../auth/actor.ts';
import { dossierErrors } from '../dossier.errors.ts';
import type { Executor } from '../dossier.repository.ts';

export async function findOutage(
  db: Executor,
  entry: { receivedAt: string; outageReference: string },
  user: CurrentUser,
): Promise<{ id: string }> {
  if (!canAny(user.roles, 'dossier.receive')) {
    throw dossierErrors.backEntryRefused(
      'Chỉ cán bộ tiếp nhận được nhập bù hồ sơ.',
      'Only desk officers may back-enter dossiers.',
    );
  }
  const at = new Date(entry.receivedAt);
  const outage = await db
    .selectFrom('outages')
    .select(['id', 'startsAt', 'endsAt'])
    .where('reference', '=', entry.outageReference)
    .executeTakeFirst();
  if (!outage || at < new Date(outage.startsAt) || at > new Date(outage.endsAt)) {
    throw dossierErrors.backEntryRefused(
      'Thời điểm nhập bù không nằm trong một sự cố đã được khai báo.',
      'The back-entered time is not inside a declared outage.',
    );
  }
  return { id: outage.id };
}
