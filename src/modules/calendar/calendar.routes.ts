// Public calendar API (issue 3 "Interfaces"): anyone may ask a due date or a year's days off, so
// citizens can check the appointment on their receipt.
import type { App } from '../../platform/http/app.ts';
import { standardErrorResponses } from '../../platform/http/schema.ts';
import { calendarErrors } from './calendar.errors.ts';
import {
  DueQuerySchema,
  DueResponseSchema,
  NonWorkingDaysQuerySchema,
  NonWorkingDaysResponseSchema,
} from './calendar.schemas.ts';
import { computeDueFor, listNonWorkingDays } from './calendar.service.ts';

const DURATION_PARAMS = ['workingDays', 'workingHours', 'workingMinutes', 'calendarDays'];

export async function calendarRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Due time of a duration in working time, with its explanation / Tính hạn theo thời gian làm việc',
        description:
          'Give `from` and exactly one of workingDays, workingHours, workingMinutes, calendarDays. ' +
          'A start outside working time counts from the next working period (R30); a due that completes a ' +
          'period is that period end (17:00, 11:30). Times are ISO 8601 with +07:00 (Asia/Ho_Chi_Minh).',
        querystring: DueQuerySchema,
        response: { 200: DueResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'public' },
      // Query strings are coerced to numbers, and Ajv reads an empty value as 0: refuse it instead.
      preValidation: async (request) => {
        const raw = request.query as Record<string, unknown>;
        const empty = DURATION_PARAMS.find((key) => raw[key] === '');
        if (empty) {
          throw calendarErrors.durationCount();
        }
      },
    },
    async (request) => computeDueFor(app.deps.database.db, request.query),
  );

  app.get(
    '/api/v1/calendar/non-working-days',
    {
      schema: {
        tags: ['calendar'],
        summary:
          "A year's days off and make-up working days / Ngày nghỉ lễ, nghỉ bù và ngày làm bù trong năm",
        description:
          'Public holidays (Bộ luật Lao động 2019 Điều 112), compensatory days (Điều 111.3) and ad-hoc days ' +
          'off, with names and legal basis; weekly days off are not listed. `status` says whether an ' +
          "administrator confirmed the year's schedule or it is still the computed proposal.",
        querystring: NonWorkingDaysQuerySchema,
        response: { 200: NonWorkingDaysResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'public' },
    },
    async (request) => listNonWorkingDays(app.deps.database.db, request.query),
  );
}
