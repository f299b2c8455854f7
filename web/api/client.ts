// The typed API client both apps use. Request and response types come from the server's own
// TypeBox schemas (type-only imports: nothing of the server reaches the bundle). Every
// state-changing request carries the header the server's CSRF rule expects.
import type { LoginResponse } from '../../src/modules/auth/auth.schemas.ts';
import type { SiteInfo } from '../../src/modules/site/site.schemas.ts';

export interface ApiErrorBody {
  code: string;
  message: { vi: string; en: string };
  field?: string;
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message.en);
    this.status = status;
    this.body = body;
  }
}

/** Thrown when the server cannot be reached at all (offline, DNS, refused). */
export class NetworkError extends Error {}

const NETWORK_FAILURE: ApiErrorBody = {
  code: 'NETWORK',
  message: {
    vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    en: 'Cannot reach the server. Please check your connection and try again.',
  },
};

function isErrorBody(value: unknown): value is ApiErrorBody {
  const body = value as ApiErrorBody | null;
  return typeof body?.code === 'string' && typeof body?.message?.vi === 'string';
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') {
    headers['x-requested-with'] = 'motcua';
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new NetworkError(NETWORK_FAILURE.message.en);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      isErrorBody(parsed)
        ? parsed
        : {
            code: 'HTTP_ERROR',
            message: { vi: `Lỗi máy chủ (${response.status}).`, en: `Server error (${response.status}).` },
          },
    );
  }
  return parsed as T;
}

/** The error text to show the user, in their language, for anything a call may throw. */
export function errorMessage(error: unknown, lang: 'vi' | 'en'): string {
  if (error instanceof ApiError) {
    return error.body.message[lang];
  }
  return NETWORK_FAILURE.message[lang];
}

export const api = {
  site: () => request<SiteInfo>('GET', '/api/v1/site'),
  login: (username: string, password: string) =>
    request<LoginResponse>('POST', '/api/v1/auth/login', { username, password }),
  logout: () => request<void>('POST', '/api/v1/auth/logout'),
  me: () => request<LoginResponse>('GET', '/api/v1/auth/me'),
};
