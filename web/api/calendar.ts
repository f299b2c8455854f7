// Calendar calls of the back office (issue 3): the public due-date and days-off API, and the
// administration of calendars. Types come from the server's schemas (type-only imports).

import type { DueResponse } from '../../src/modules/calendar/calendar.schemas.ts';
import type {
  AdminDay,
  CalendarList,
  CalendarSummary,
  CreateCalendarBody,
  DayBody,
  VersionBody,
  YearView,
} from '../../src/modules/calendar/calendar-admin.schemas.ts';
import type { Agency } from '../../src/modules/organisation/organisation.schemas.ts';
import { request } from './client.ts';

export type { AdminDay, Agency, CalendarSummary, DayBody, DueResponse, VersionBody, YearView };

export type DurationUnit = 'workingDays' | 'workingHours' | 'workingMinutes' | 'calendarDays';

const base = '/api/v1/admin/calendars';

export const calendarApi = {
  list: () => request<CalendarList>('GET', base),
  year: (calendarId: string, year: number) => request<YearView>('GET', `${base}/${calendarId}/years/${year}`),
  setDay: (calendarId: string, date: string, body: DayBody) =>
    request<AdminDay>('PUT', `${base}/${calendarId}/days/${date}`, body),
  removeDay: (calendarId: string, date: string) =>
    request<void>('DELETE', `${base}/${calendarId}/days/${date}`),
  confirmYear: (calendarId: string, year: number) =>
    request<YearView>('POST', `${base}/${calendarId}/years/${year}/confirm`),
  proposeYear: (calendarId: string, year: number) =>
    request<YearView>('POST', `${base}/${calendarId}/years/${year}/propose`),
  addVersion: (calendarId: string, body: VersionBody) =>
    request<CalendarSummary>('POST', `${base}/${calendarId}/versions`, body),
  removeVersion: (calendarId: string, versionId: string) =>
    request<void>('DELETE', `${base}/${calendarId}/versions/${versionId}`),
  agencies: () => request<{ items: Agency[] }>('GET', '/api/v1/agencies'),
  createAgencyCalendar: (body: CreateCalendarBody) => request<CalendarSummary>('POST', base, body),
  due: (params: { from: string; unit: DurationUnit; value: string; agency?: string | undefined }) => {
    const query = new URLSearchParams({ from: params.from, [params.unit]: params.value });
    if (params.agency) {
      query.set('agency', params.agency);
    }
    return request<DueResponse>('GET', `/api/v1/calendar/due?${query.toString()}`);
  },
};
