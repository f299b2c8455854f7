// Calendar administration (system administrators, issue 3): days off and make-up days with their reason,
// confirming a year's proposal, working hours as versions with an effective date. Every change audited.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { requireRole } from '../auth/guards.ts';
import {
  AdminDaySchema,
  CalendarListSchema,
  CalendarParamsSchema,
  CalendarSummarySchema,
  CreateCalendarBodySchema,
  DayBodySchema,
  DayParamsSchema,
  VersionBodySchema,
  VersionParamsSchema,
  YearParamsSchema,
  YearViewSchema,
} from './calendar-admin.schemas.ts';
import {
  addVersion,
  confirmYear,
  createAgencyCalendar,
  proposeYear,
  removeDay,
  removeVersion,
  setDay,
} from './calendar-admin.service.ts';
import { getYearView, listCalendars } from './calendar-admin.views.ts';

const readErrors = { 401: ErrorResponseSchema, 403: ErrorResponseSchema, ...standardErrorResponses };
const writeErrors = {
  ...readErrors,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  413: ErrorResponseSchema,
  415: ErrorResponseSchema,
};

export async function calendarAdminRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const preHandler = requireRole('system_admin');

  app.get(
    '/api/v1/admin/calendars',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Working calendars and their hours / Các lịch làm việc và giờ làm việc (system administrator)',
        response: { 200: CalendarListSchema, ...readErrors },
      },
      preHandler,
    },
    async () => listCalendars(db()),
  );

  app.post(
    '/api/v1/admin/calendars',
    {
      schema: {
        tags: ['calendar'],
        summary: "Create an agency's own calendar / Tạo lịch làm việc riêng của cơ quan",
        body: CreateCalendarBodySchema,
        response: { 201: CalendarSummarySchema, ...writeErrors },
      },
      preHandler,
    },
    async (request, reply) =>
      reply.status(201).send(await createAgencyCalendar(db(), actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/admin/calendars/:id/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "A calendar's year: days off, make-up days, hours, status / Lịch làm việc của một năm",
        params: YearParamsSchema,
        response: { 200: YearViewSchema, 404: ErrorResponseSchema, ...readErrors },
      },
      preHandler,
    },
    async (request) => getYearView(db(), request.params.id, request.params.year),
  );

  app.put(
    '/api/v1/admin/calendars/:id/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Set a day off or make-up working day / Khai báo ngày nghỉ hoặc ngày làm bù',
        params: DayParamsSchema,
        body: DayBodySchema,
        response: { 200: AdminDaySchema, ...writeErrors },
      },
      preHandler,
    },
    async (request) => setDay(db(), actorOf(request), request.params.id, request.params.date, request.body),
  );

  app.delete(
    '/api/v1/admin/calendars/:id/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: "Remove a date's entry (back to a normal day) / Xóa ngày nghỉ hoặc ngày làm bù",
        params: DayParamsSchema,
        response: { 204: Type.Null(), ...writeErrors },
      },
      preHandler,
    },
    async (request, reply) => {
      await removeDay(db(), actorOf(request), request.params.id, request.params.date);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/calendars/:id/years/:year/confirm',
    {
      schema: {
        tags: ['calendar'],
        summary: "Confirm a year's days off against the official notice / Xác nhận lịch nghỉ của năm",
        params: YearParamsSchema,
        response: { 200: YearViewSchema, ...writeErrors },
      },
      preHandler,
    },
    async (request) => confirmYear(db(), actorOf(request), request.params.id, request.params.year),
  );

  app.post(
    '/api/v1/admin/calendars/:id/years/:year/propose',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add the computed holiday proposal for a year / Tạo đề xuất ngày nghỉ lễ cho một năm',
        params: YearParamsSchema,
        response: { 200: YearViewSchema, ...writeErrors },
      },
      preHandler,
    },
    async (request) => proposeYear(db(), actorOf(request), request.params.id, request.params.year),
  );

  app.post(
    '/api/v1/admin/calendars/:id/versions',
    {
      schema: {
        tags: ['calendar'],
        summary: 'New working hours from a date / Giờ làm việc mới áp dụng từ một ngày',
        params: CalendarParamsSchema,
        body: VersionBodySchema,
        response: { 201: CalendarSummarySchema, ...writeErrors },
      },
      preHandler,
    },
    async (request, reply) =>
      reply.status(201).send(await addVersion(db(), actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/admin/calendars/:id/versions/:versionId',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Remove working hours not yet in force / Xóa giờ làm việc chưa có hiệu lực',
        params: VersionParamsSchema,
        response: { 204: Type.Null(), ...writeErrors },
      },
      preHandler,
    },
    async (request, reply) => {
      await removeVersion(db(), actorOf(request), request.params.id, request.params.versionId);
      return reply.status(204).send(null);
    },
  );
}
