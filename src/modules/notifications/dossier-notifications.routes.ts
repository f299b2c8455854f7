// R37: the notifications of one dossier for the officers handling it — every message with its
// per-channel delivery status (queued, sent, delivered by the provider's receipt, failed, dead), and a
// summary of the latest state per channel. Recipients are masked as in the administrators' view.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, StrictObject, standardErrorResponses } from '../../platform/http/schema.ts';
import { loadForUser } from '../dossiers/use-cases/perform-action.ts';
import { OFFICER_EVENTS } from './notification-defaults.ts';
import { toView } from './notifications.admin.ts';
import { listNotificationRows } from './notifications.repository.ts';
import { NotificationSchema } from './notifications.schemas.ts';

const ChannelSummarySchema = Type.Object({
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('chat')]),
  total: Type.Integer(),
  sent: Type.Integer({ description: 'Accepted by the provider (sent), including delivered' }),
  delivered: Type.Integer({ description: 'Confirmed by a delivery receipt' }),
  pending: Type.Integer({ description: 'Queued or being sent (retries, SMS quiet hours)' }),
  failed: Type.Integer({ description: 'Failed for now (will retry) or dead (needs an administrator)' }),
  lastStatus: Type.String(),
  lastAt: Type.String({ format: 'date-time' }),
});

const DossierNotificationsSchema = Type.Object({
  dossierId: Type.String({ format: 'uuid' }),
  code: Type.String(),
  channels: Type.Array(ChannelSummarySchema),
  items: Type.Array(NotificationSchema),
});

export async function dossierNotificationsRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/dossiers/:id/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Notifications of a dossier with delivery status / Thông báo đã gửi của hồ sơ',
        params: StrictObject({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: DossierNotificationsSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const user = request.currentUser;
      if (!user) {
        throw errors.unauthenticated();
      }
      const db = app.deps.database.db;
      const dossier = await loadForUser(db, user, request.params.id);
      if (user.kind !== 'officer') {
        throw errors.forbidden();
      }
      const { items } = await listNotificationRows(db, { dossierCode: dossier.code, limit: 200, offset: 0 });
      const mine = items.filter(
        (n) => (n.dossierId === null || n.dossierId === dossier.id) && !OFFICER_EVENTS.has(n.event),
      );
      const channels = (['email', 'sms', 'chat'] as const).flatMap((channel) => {
        const rows = mine.filter((n) => n.channel === channel);
        const latest = rows[0];
        if (!latest) {
          return [];
        }
        return [
          {
            channel,
            total: rows.length,
            sent: rows.filter((n) => n.status === 'sent').length,
            delivered: rows.filter((n) => n.deliveryStatus === 'delivered').length,
            pending: rows.filter((n) => n.status === 'queued' || n.status === 'sending').length,
            failed: rows.filter((n) => n.status === 'failed' || n.status === 'dead').length,
            lastStatus: latest.deliveryStatus ?? latest.status,
            lastAt: (latest.sentAt ?? latest.createdAt).toISOString(),
          },
        ];
      });
      return { dossierId: dossier.id, code: dossier.code, channels, items: mine.map(toView) };
    },
  );
}
