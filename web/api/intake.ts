// Dossier intake calls (issue 6): submission, drafts, my dossiers, the desk's queue and actions,
// file upload, outages. Types come from the server's own schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import type {
  ActionBody,
  AvailableActionSchema,
  CreateDossierBody,
  DossierDetail,
  DossierListSchema,
  HistoryEntrySchema,
} from '../../src/modules/dossiers/dossier.schemas.ts';
import type { FileSchema } from '../../src/modules/files/files.schemas.ts';
import type { Draft, Outage } from '../../src/modules/intake/intake.schemas.ts';
import { ApiError, type ApiErrorBody, NetworkError, request } from './client.ts';

export type { ActionBody, CreateDossierBody, DossierDetail, Draft, Outage };
export type DossierList = Static<typeof DossierListSchema>;
export type HistoryEntry = Static<typeof HistoryEntrySchema>;
export type AvailableAction = Static<typeof AvailableActionSchema>;
export type UploadedFile = Static<typeof FileSchema>;

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; plain HTTP falls back). */
export const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** POST with an Idempotency-Key, so a retried click or a flaky network creates nothing twice. */
async function postOnce<T>(path: string, body: unknown, idempotencyKey = newKey()): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-requested-with': 'motcua',
        'idempotency-key': idempotencyKey,
      },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new NetworkError('network');
  }
  const parsed = (await response.json().catch(() => null)) as T | ApiErrorBody | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      (parsed as ApiErrorBody | null)?.code
        ? (parsed as ApiErrorBody)
        : {
            code: 'HTTP_ERROR',
            message: { vi: `Lỗi máy chủ (${response.status}).`, en: `Server error (${response.status}).` },
          },
    );
  }
  return parsed as T;
}

const qs = (query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== '') {
      params.set(k, String(v));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const intakeApi = {
  submit: (body: CreateDossierBody, idempotencyKey?: string) =>
    postOnce<DossierDetail>('/api/v1/dossiers', body, idempotencyKey),
  list: (query: { queue?: string; q?: string; status?: number; page?: number; pageSize?: number } = {}) =>
    request<DossierList>('GET', `/api/v1/dossiers${qs(query)}`),
  dossier: (id: string) => request<DossierDetail>('GET', `/api/v1/dossiers/${id}`),
  history: (id: string) =>
    request<{ items: HistoryEntry[]; total: number }>('GET', `/api/v1/dossiers/${id}/history?pageSize=200`),
  actions: (id: string) => request<AvailableAction[]>('GET', `/api/v1/dossiers/${id}/actions`),
  act: (id: string, body: ActionBody, idempotencyKey?: string) =>
    postOnce<DossierDetail>(`/api/v1/dossiers/${id}/actions`, body, idempotencyKey),

  drafts: () => request<{ items: Draft[] }>('GET', '/api/v1/dossier-drafts'),
  draft: (id: string) => request<Draft>('GET', `/api/v1/dossier-drafts/${id}`),
  createDraft: (procedureId: string, data: Record<string, unknown>) =>
    request<Draft>('POST', '/api/v1/dossier-drafts', { procedureId, data }),
  saveDraft: (id: string, data: Record<string, unknown>) =>
    request<Draft>('PUT', `/api/v1/dossier-drafts/${id}`, { data }),
  deleteDraft: (id: string) => request<void>('DELETE', `/api/v1/dossier-drafts/${id}`),

  outages: () => request<{ items: Outage[] }>('GET', '/api/v1/outages'),
  declareOutage: (body: { startsAt: string; endsAt: string; reason: string; reference: string }) =>
    request<Outage>('POST', '/api/v1/outages', body),

  /** Multipart upload of one file: { id, name, size, sha256 }. */
  async upload(file: File): Promise<UploadedFile> {
    const form = new FormData();
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch('/api/v1/files', {
        method: 'POST',
        headers: { accept: 'application/json', 'x-requested-with': 'motcua' },
        credentials: 'same-origin',
        body: form,
      });
    } catch {
      throw new NetworkError('network');
    }
    const parsed = (await response.json().catch(() => null)) as UploadedFile | ApiErrorBody | null;
    if (!response.ok) {
      throw new ApiError(
        response.status,
        (parsed as ApiErrorBody | null)?.code
          ? (parsed as ApiErrorBody)
          : {
              code: 'HTTP_ERROR',
              message: { vi: `Lỗi tải tệp (${response.status}).`, en: `Upload failed (${response.status}).` },
            },
      );
    }
    return parsed as UploadedFile;
  },
};
