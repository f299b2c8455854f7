// Catalogue calls (issue 5), typed from the server's own schemas.
import type { Static } from '@sinclair/typebox';
import type {
  CatalogueStats,
  EformValidation,
  FileRef,
  ProcedureDetail,
  ProcedureListItem,
} from '../../src/modules/catalogue/catalogue.schemas.ts';
import type {
  AdminListItem,
  AdminProcedure,
  DiffEntrySchema,
  EformCheckResultSchema,
} from '../../src/modules/catalogue/catalogue-admin.schemas.ts';
import type {
  EformDefinition,
  ProcedureContent,
} from '../../src/modules/catalogue/procedure-content.schemas.ts';
import type { ImportPlan, ProcedurePack } from '../../src/modules/catalogue/procedure-pack.schemas.ts';
import type { Agency, Sector } from '../../src/modules/organisation/organisation.schemas.ts';
import { ApiError, request } from './client.ts';

export type {
  AdminListItem,
  AdminProcedure,
  Agency,
  CatalogueStats,
  EformDefinition,
  FileRef,
  ImportPlan,
  ProcedureContent,
  ProcedureDetail,
  ProcedureListItem,
  ProcedurePack,
  Sector,
};
export type DiffEntry = Static<typeof DiffEntrySchema>;
export type EformCheckResult = Static<typeof EformCheckResultSchema>;

export interface ProcedureQuery {
  q?: string;
  sector?: string;
  level?: string;
  agency?: string;
  online?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

const qs = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const catalogueApi = {
  search: (query: ProcedureQuery) =>
    request<{ items: ProcedureListItem[]; total: number; page: number; pageSize: number }>(
      'GET',
      `/api/v1/procedures${qs({ ...query })}`,
    ),
  /** The version in force today, or `versionId`: the version a dossier was received under. */
  procedure: (id: string, versionId?: string) =>
    request<ProcedureDetail>(
      'GET',
      `/api/v1/procedures/${encodeURIComponent(id)}${versionId ? `?version=${encodeURIComponent(versionId)}` : ''}`,
    ),
  stats: () => request<CatalogueStats>('GET', '/api/v1/catalogue/stats'),
  sectors: () => request<{ items: Sector[] }>('GET', '/api/v1/sectors'),
  agencies: () => request<{ items: Agency[] }>('GET', '/api/v1/agencies'),
  validateEform: (versionId: string, componentKey: string, data: Record<string, unknown>) =>
    request<EformValidation>(
      'POST',
      `/api/v1/procedure-versions/${versionId}/eforms/${componentKey}/validate`,
      {
        data,
      },
    ),

  adminList: (query: { q?: string; status?: string; page?: number; pageSize?: number }) =>
    request<{ items: AdminListItem[]; total: number; page: number; pageSize: number }>(
      'GET',
      `/api/v1/admin/procedures${qs(query)}`,
    ),
  adminProcedure: (id: string) => request<AdminProcedure>('GET', `/api/v1/admin/procedures/${id}`),
  create: (body: { nationalCode: string | null; localCode: string; content: ProcedureContent }) =>
    request<{ id: string; versionId: string }>('POST', '/api/v1/admin/procedures', body),
  startDraft: (id: string) => request<{ versionId: string }>('POST', `/api/v1/admin/procedures/${id}/draft`),
  saveDraft: (id: string, content: ProcedureContent) =>
    request<{ versionId: string; changes: DiffEntry[] }>(
      'PUT',
      `/api/v1/admin/procedures/${id}/draft`,
      content,
    ),
  discardDraft: (id: string) => request<void>('DELETE', `/api/v1/admin/procedures/${id}/draft`),
  publish: (id: string, body: { decisionNumber: string; decisionDate: string; effectiveFrom: string }) =>
    request<{ versionId: string }>('POST', `/api/v1/admin/procedures/${id}/publish`, body),
  abolish: (
    id: string,
    body: { decisionNumber: string; decisionDate: string; effectiveFrom: string; reason: string },
  ) => request<void>('POST', `/api/v1/admin/procedures/${id}/abolish`, body),
  diff: (id: string, from: string, to: string) =>
    request<{ changes: DiffEntry[] }>('GET', `/api/v1/admin/procedures/${id}/diff${qs({ from, to })}`),
  checkEform: (eform: EformDefinition, data?: Record<string, unknown>) =>
    request<EformCheckResult>('POST', '/api/v1/admin/eforms/check', { eform, ...(data ? { data } : {}) }),
  exportPack: (id: string) => request<ProcedurePack>('GET', `/api/v1/admin/procedures/${id}/pack`),
  importPack: (pack: unknown, dryRun: boolean) =>
    request<ImportPlan>('POST', '/api/v1/admin/procedure-packs/import', { pack, dryRun }),
  /** Multipart upload (field "file"); the server checks the type by content. */
  async uploadForm(id: string, file: File): Promise<FileRef> {
    const body = new FormData();
    body.append('file', file);
    const response = await fetch(`/api/v1/admin/procedures/${id}/files`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-requested-with': 'motcua', accept: 'application/json' },
    });
    const parsed = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ApiError(response.status, parsed);
    }
    return parsed as FileRef;
  },
};
