// Processing API client (issue 7): worklists and counts, the dossier with its step ledger, history
// and available actions, actions and batch actions, the result file upload, process administration.
import type { Static } from '@sinclair/typebox';
import type { HistoryEntrySchema } from '../../src/modules/dossiers/dossier.schemas.ts';
import { ApiError, NetworkError, request } from './client.ts';

export type Warning = 'overdue' | 'dueSoon' | 'normal' | null;
export type Localized = { vi: string; en: string };

export interface WorkItem {
  id: string;
  code: string;
  status: number;
  statusName: Localized;
  subStatusName: Localized;
  procedureName: string;
  applicantName: string;
  dueAt: string | null;
  stepDueAt: string | null;
  warning: Warning;
  stepWarning: Warning;
  assigneeName: string | null;
  apologyCount: number;
}

export interface LedgerRow {
  seq: number;
  stepKey: string;
  stepName: Localized;
  holderName: string | null;
  unitName: string | null;
  arrivedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  completedAction: string | null;
  paperReceivedAt: string | null;
  warning: 'overdue' | 'dueSoon' | 'normal';
}

export interface DossierView {
  id: string;
  code: string;
  status: number;
  statusName: Localized;
  subStatusName: Localized;
  procedureName: string;
  applicantName: string;
  receivedAt: string | null;
  dueAt: string | null;
  stepDueAt: string | null;
  currentStepKey: string | null;
  currentAssigneeId: string | null;
  warning: Warning;
  apologyCount: number;
  version: number;
  /** R37: the channels the applicant chose for notifications. */
  notify: string[];
}

export interface AvailableAction {
  action: string;
  needs: string[];
  to: number;
  label: Localized;
}

/** One history entry, exactly as the server describes it. */
export type HistoryItem = Static<typeof HistoryEntrySchema>;

export interface ProcessStepView {
  key: string;
  name: Localized;
  role: string;
  unit: { kind: 'desk' | 'performing_agency' } | { kind: 'agency'; agencyId: string };
  allottedMinutes: number;
  allottedMinutesOnline?: number;
  signature: boolean;
  paperCheck?: boolean;
  officerIds?: string[];
}

export interface ProcessVersionView {
  id: string;
  procedureId: string;
  agencyId: string | null;
  versionNo: number;
  status: 'draft' | 'published' | 'retired';
  decisionRef: string | null;
  steps: ProcessStepView[];
  check: {
    problems: Array<{ code: string }>;
    allottedMinutes: number;
    limit: { value: number; unit: string } | null;
    dailyWorkingMinutes: number;
  };
}

export interface ProcessListItem {
  id: string;
  procedureCode: string;
  versionNo: number;
  status: 'draft' | 'published' | 'retired';
  decisionRef: string | null;
  stepCount: number;
}

async function uploadFile(file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/v1/files', {
      method: 'POST',
      headers: { 'x-requested-with': 'motcua', accept: 'application/json' },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new NetworkError('network');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return (body as { id: string }).id;
}

export const processingApi = {
  counts: () => request<Record<string, number>>('GET', '/api/v1/worklists/counts'),
  list: (list: string, page = 1, q = '') =>
    request<{ items: WorkItem[]; total: number; totalCapped: boolean; page: number; pageSize: number }>(
      'GET',
      `/api/v1/worklists/${list}?page=${page}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
    ),
  dossier: (id: string) => request<DossierView>('GET', `/api/v1/dossiers/${id}`),
  steps: (id: string) =>
    request<{ ledger: LedgerRow[]; apologised: boolean; timeliness: string | null }>(
      'GET',
      `/api/v1/dossiers/${id}/steps`,
    ),
  history: (id: string) =>
    request<{ items: HistoryItem[] }>('GET', `/api/v1/dossiers/${id}/history?pageSize=200`),
  actions: (id: string) => request<AvailableAction[]>('GET', `/api/v1/dossiers/${id}/actions`),
  assignees: (id: string) =>
    request<Array<{ id: string; fullName: string; username: string }>>(
      'GET',
      `/api/v1/dossiers/${id}/assignees`,
    ),
  colleagues: (id: string) =>
    request<Array<{ id: string; fullName: string; username: string }>>(
      'GET',
      `/api/v1/dossiers/${id}/colleagues`,
    ),
  act: (id: string, body: Record<string, unknown>) =>
    request<DossierView>('POST', `/api/v1/dossiers/${id}/actions`, body),
  batch: (ids: string[], body: Record<string, unknown>) =>
    request<{ succeeded: number; failed: number }>('POST', '/api/v1/dossiers/actions/batch', {
      ids,
      ...body,
    }),
  paperReceived: (id: string) => request<void>('POST', `/api/v1/dossiers/${id}/paper-received`),
  uploadFile,
  processes: () => request<ProcessListItem[]>('GET', '/api/v1/processes'),
  processVersion: (id: string) => request<ProcessVersionView>('GET', `/api/v1/process-versions/${id}`),
  createDraft: (procedureId: string, agencyId: string | null, steps: ProcessStepView[]) =>
    request<ProcessVersionView>('POST', '/api/v1/processes', {
      procedureId,
      ...(agencyId ? { agencyId } : {}),
      steps,
    }),
  saveDraft: (id: string, steps: ProcessStepView[]) =>
    request<ProcessVersionView>('PUT', `/api/v1/process-versions/${id}`, { steps }),
  publish: (id: string, decisionRef: string, decisionDate: string) =>
    request<ProcessVersionView>('POST', `/api/v1/process-versions/${id}/publish`, {
      decisionRef,
      decisionDate,
    }),
};
