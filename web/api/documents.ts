// API calls of the forms, signatures and notifications screens (issue 8).
import type {
  TemplateDetail,
  TemplateList,
  TemplateUpdate,
} from '../../src/modules/documents/documents.schemas.ts';
import type {
  NotificationList,
  NotificationTemplateList,
  NotificationTemplateView,
  NotificationView,
  SimulatedList,
  ZnsTemplateList,
  ZnsTemplateUpdate,
  ZnsTemplateView,
} from '../../src/modules/notifications/notifications.schemas.ts';
import type { VerificationView } from '../../src/modules/signatures/signatures.schemas.ts';
import { ApiError, type ApiErrorBody, NetworkError, request } from './client.ts';

export const documentsApi = {
  notifications: (filter: { channel?: string; status?: string }) => {
    const query = new URLSearchParams();
    if (filter.channel) {
      query.set('channel', filter.channel);
    }
    if (filter.status) {
      query.set('status', filter.status);
    }
    return request<NotificationList>('GET', `/api/v1/admin/notifications?${query.toString()}`);
  },
  retryNotification: (id: string) =>
    request<NotificationView>('POST', `/api/v1/admin/notifications/${encodeURIComponent(id)}/retry`),
  simulated: (channel: 'email' | 'sms' | 'chat') =>
    request<SimulatedList>('GET', `/api/v1/admin/notifications/simulated/${channel}`),
  templates: () => request<TemplateList>('GET', '/api/v1/admin/documents/templates'),
  template: (name: string, ruleSet: string, agencyCode?: string) =>
    request<TemplateDetail>(
      'GET',
      `/api/v1/admin/documents/templates/${encodeURIComponent(name)}?ruleSet=${ruleSet}${agencyCode ? `&agencyCode=${encodeURIComponent(agencyCode)}` : ''}`,
    ),
  saveTemplate: (name: string, body: TemplateUpdate) =>
    request<TemplateDetail>('PUT', `/api/v1/admin/documents/templates/${encodeURIComponent(name)}`, body),
  notificationTemplates: () =>
    request<NotificationTemplateList>('GET', '/api/v1/admin/notifications/templates'),
  saveNotificationTemplate: (
    key: { event: string; channel: string; lang: string },
    body: { subject: string | null; body: string },
  ) =>
    request<NotificationTemplateView>(
      'PUT',
      `/api/v1/admin/notifications/templates/${key.event}/${key.channel}/${key.lang}`,
      body,
    ),
  znsTemplates: () => request<ZnsTemplateList>('GET', '/api/v1/admin/notifications/zns-templates'),
  saveZnsTemplate: (event: string, body: ZnsTemplateUpdate) =>
    request<ZnsTemplateView>(
      'PUT',
      `/api/v1/admin/notifications/zns-templates/${encodeURIComponent(event)}`,
      body,
    ),
  removeZnsTemplate: (event: string) =>
    request<ZnsTemplateView>(
      'DELETE',
      `/api/v1/admin/notifications/zns-templates/${encodeURIComponent(event)}`,
    ),
  previewUrl: (name: string, ruleSet: string, signed = false) =>
    `/api/v1/admin/documents/templates/${encodeURIComponent(name)}/preview?ruleSet=${ruleSet}${signed ? '&signed=true' : ''}`,
  /** The PDF itself is the body (application/pdf). */
  async verifySignature(file: Blob): Promise<VerificationView> {
    let response: Response;
    try {
      response = await fetch('/api/v1/signatures/verify', {
        method: 'POST',
        headers: {
          'content-type': 'application/pdf',
          'x-requested-with': 'motcua',
          accept: 'application/json',
        },
        credentials: 'same-origin',
        body: file,
      });
    } catch {
      throw new NetworkError('network');
    }
    const parsed = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      throw new ApiError(response.status, parsed as ApiErrorBody);
    }
    return parsed as VerificationView;
  },
};
