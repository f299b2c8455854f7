// R37: a dossier's notifications with per-channel delivery status (officers).
import type { NotificationView } from '../../src/modules/notifications/notifications.schemas.ts';
import { request } from './client.ts';

export interface ChannelSummary {
  channel: 'email' | 'sms' | 'chat';
  total: number;
  sent: number;
  delivered: number;
  pending: number;
  failed: number;
  lastStatus: string;
  lastAt: string;
}

export interface DossierNotifications {
  dossierId: string;
  code: string;
  channels: ChannelSummary[];
  items: NotificationView[];
}

export const dossierNotificationsApi = {
  list: (dossierId: string) =>
    request<DossierNotifications>('GET', `/api/v1/dossiers/${encodeURIComponent(dossierId)}/notifications`),
};
