// Administrators' view of notifications (R37): deliveries per channel with status and retry, the
// wording per event, and what the local (simulated) providers received.
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { requireRole } from '../auth/guards.ts';
import './app-deps.ts';
import { TEMPLATE_PARAMS } from './notification-defaults.ts';
import {
  listNotificationTemplates,
  retryNotification,
  toView,
  updateNotificationTemplate,
} from './notifications.admin.ts';
import { countByChannelAndStatus, listNotificationRows } from './notifications.repository.ts';
import {
  IdParamsSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSchema,
  NotificationTemplateListSchema,
  NotificationTemplateSchema,
  NotificationTemplateUpdateSchema,
  SimulatedListSchema,
  SimulatedParamsSchema,
  TemplateKeyParamsSchema,
  ZnsEventParamsSchema,
  ZnsTemplateListSchema,
  ZnsTemplateSchema,
  ZnsTemplateUpdateSchema,
} from './notifications.schemas.ts';
import { listZnsTemplates, setZnsTemplate } from './zns-templates.ts';

const adminErrors = { 401: ErrorResponseSchema, 403: ErrorResponseSchema, ...standardErrorResponses };

export async function notificationsRoutes(app: App): Promise<void> {
  const { db } = app.deps.database;
  const guard = requireRole('system_admin');

  app.get(
    '/api/v1/admin/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Notification deliveries / Tình trạng gửi thông báo',
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationListSchema, ...adminErrors },
      },
      preHandler: guard,
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listNotificationRows(db, {
        ...(q.channel ? { channel: q.channel } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.dossierCode ? { dossierCode: q.dossierCode } : {}),
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      const counts = await countByChannelAndStatus(db);
      const { config } = app.deps;
      const providers = app.deps.notifications;
      const provider = (kind: string, sender: { description: string } | null) => ({
        kind,
        simulated: kind === 'local',
        description: sender?.description ?? null,
      });
      const quiet = config.notifications.smsQuietHours;
      const hhmm = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        items: items.map(toView),
        total,
        counts: counts.map((c) => ({ channel: c.channel, status: c.status, count: Number(c.n) })),
        providers: {
          email: provider(config.notifications.email.kind, providers.email),
          sms: provider(config.notifications.sms.kind, providers.sms),
          chat: provider(config.notifications.chat.kind, providers.chat),
        },
        smsQuietHours: quiet ? `${hhmm(quiet.startMinute)}–${hhmm(quiet.endMinute)}` : null,
      };
    },
  );

  app.post(
    '/api/v1/admin/notifications/:id/retry',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Send a failed notification again / Gửi lại thông báo bị lỗi',
        params: IdParamsSchema,
        response: {
          200: NotificationSchema,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
          ...adminErrors,
        },
      },
      preHandler: guard,
    },
    async (request) => retryNotification(db, app.deps.jobs, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/admin/notifications/templates',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Notification wording per event, channel and language / Nội dung thông báo theo sự kiện, kênh, ngôn ngữ',
        response: { 200: NotificationTemplateListSchema, ...adminErrors },
      },
      preHandler: guard,
    },
    async () => ({ items: await listNotificationTemplates(db), params: [...TEMPLATE_PARAMS] }),
  );

  app.put(
    '/api/v1/admin/notifications/templates/:event/:channel/:lang',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Change the wording of a notification / Sửa nội dung thông báo',
        params: TemplateKeyParamsSchema,
        body: NotificationTemplateUpdateSchema,
        response: { 200: NotificationTemplateSchema, ...adminErrors },
      },
      preHandler: guard,
    },
    async (request) => updateNotificationTemplate(db, actorOf(request), request.params, request.body),
  );

  app.get(
    '/api/v1/admin/notifications/zns-templates',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Approved Zalo ZNS template per event / Mẫu ZNS đã được Zalo duyệt theo sự kiện',
        response: { 200: ZnsTemplateListSchema, ...adminErrors },
      },
      preHandler: guard,
    },
    async () => ({
      items: await listZnsTemplates(db),
      params: [...TEMPLATE_PARAMS],
      chatKind: app.deps.config.notifications.chat.kind,
    }),
  );

  app.put(
    '/api/v1/admin/notifications/zns-templates/:event',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Map an event to its approved ZNS template / Gắn sự kiện với mẫu ZNS đã duyệt',
        params: ZnsEventParamsSchema,
        body: ZnsTemplateUpdateSchema,
        response: { 200: ZnsTemplateSchema, ...adminErrors },
      },
      preHandler: guard,
    },
    async (request) => setZnsTemplate(db, actorOf(request), request.params.event, request.body),
  );

  app.delete(
    '/api/v1/admin/notifications/zns-templates/:event',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Remove the ZNS template of an event / Bỏ mẫu ZNS của sự kiện',
        params: ZnsEventParamsSchema,
        response: { 200: ZnsTemplateSchema, 404: ErrorResponseSchema, ...adminErrors },
      },
      preHandler: guard,
    },
    async (request) => setZnsTemplate(db, actorOf(request), request.params.event, null),
  );

  app.get(
    '/api/v1/admin/notifications/simulated/:channel',
    {
      schema: {
        tags: ['notifications'],
        summary: 'What the local (simulated) provider received / Hộp thư giả lập của kênh',
        params: SimulatedParamsSchema,
        response: { 200: SimulatedListSchema, ...adminErrors },
      },
      preHandler: guard,
    },
    async (request) => {
      const local = app.deps.notifications.local;
      const store = { email: local.smtp, sms: local.sms, chat: local.chat }[request.params.channel];
      return {
        simulated: store !== null,
        items: (store?.messages.list() ?? []).slice(0, 200).map((m) => ({
          id: m.id,
          to: m.to,
          from: m.from,
          subject: m.subject,
          text: m.text,
          idempotencyKey: m.idempotencyKey,
          receivedAt: m.receivedAt.toISOString(),
        })),
      };
    },
  );
}
