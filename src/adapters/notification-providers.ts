// Chooses and starts the notification providers from the configuration: the real clients, or the
// faithful local implementations (in-process SMTP server, local SMS gateway, local chat API) on random
// loopback ports, which keep what they "send" for the back office's simulated outbox.
import { randomBytes } from 'node:crypto';
import type { NotificationConfig, ZaloWebhookKeys } from '../platform/config/notifications-config.ts';
import type { ChatSender } from './chat/chat.ts';
import { LocalChatServer } from './chat/local-chat-server.ts';
import { createZaloChatSender } from './chat/zalo-chat-client.ts';
import {
  fixedAccessToken,
  memoryTokenStore,
  renewingAccessToken,
  type TokenStore,
} from './chat/zalo-token.ts';
import type { EmailSender } from './email/email.ts';
import { LocalSmtpServer } from './email/local-smtp-server.ts';
import { createSmtpEmailSender } from './email/smtp-email.ts';
import { createHttpSmsSender } from './sms/http-sms-client.ts';
import { LocalSmsGateway } from './sms/local-sms-gateway.ts';
import type { SmsSender } from './sms/sms.ts';

export interface NotificationProviders {
  email: EmailSender | null;
  sms: SmsSender | null;
  chat: ChatSender | null;
  /** The local implementations in use (null: a real provider, or the channel is off). */
  local: { smtp: LocalSmtpServer | null; sms: LocalSmsGateway | null; chat: LocalChatServer | null };
  /** HMAC secret shared with the SMS gateway (signed inbound messages and receipts). */
  smsSecret: string | null;
  /** App id and OA secret key that sign Zalo's webhook events (local: generated; null: webhook refused). */
  chatWebhook: ZaloWebhookKeys | null;
  close(): Promise<void>;
}

export interface ProviderUrls {
  /** Our inbound SMS webhook, as the gateway reaches it. */
  smsInboundUrl?: string;
  /** Our delivery-receipt endpoint, as the gateway reaches it. */
  smsReceiptUrl?: string;
  /** Our Zalo OA webhook, as the local chat server reaches it. */
  chatInboundUrl?: string;
}

export async function startNotificationProviders(
  config: NotificationConfig,
  urls: ProviderUrls = {},
  /** Where Zalo's renewed tokens live (the database, so app processes share them); memory if not given. */
  zaloTokens: TokenStore = memoryTokenStore(),
): Promise<NotificationProviders> {
  const local: NotificationProviders['local'] = { smtp: null, sms: null, chat: null };
  let email: EmailSender | null = null;
  let sms: SmsSender | null = null;
  let chat: ChatSender | null = null;
  let smsSecret: string | null = null;
  let chatWebhook: ZaloWebhookKeys | null = null;
  try {
    if (config.email.kind === 'local') {
      local.smtp = new LocalSmtpServer();
      await local.smtp.start();
      email = createSmtpEmailSender({ url: local.smtp.url, from: config.emailFrom });
    } else if (config.email.kind === 'smtp') {
      email = createSmtpEmailSender({ url: config.email.url, from: config.emailFrom });
    }
    if (config.sms.kind === 'local') {
      const apiKey = randomBytes(16).toString('hex');
      smsSecret = randomBytes(32).toString('hex');
      local.sms = new LocalSmsGateway({
        apiKey,
        secret: smsSecret,
        ...(urls.smsInboundUrl ? { inboundUrl: urls.smsInboundUrl } : {}),
      });
      await local.sms.start();
      sms = createHttpSmsSender({
        baseUrl: local.sms.url,
        apiKey,
        secret: smsSecret,
        ...(urls.smsReceiptUrl ? { receiptUrl: urls.smsReceiptUrl } : {}),
      });
    } else if (config.sms.kind === 'http') {
      smsSecret = config.sms.secret;
      sms = createHttpSmsSender({
        baseUrl: config.sms.url,
        apiKey: config.sms.apiKey,
        secret: config.sms.secret,
        ...(config.sms.sender ? { sender: config.sms.sender } : {}),
        ...(urls.smsReceiptUrl ? { receiptUrl: urls.smsReceiptUrl } : {}),
      });
    }
    if (config.chat.kind === 'local') {
      const accessToken = randomBytes(24).toString('hex');
      const refreshToken = randomBytes(24).toString('hex');
      const appSecret = randomBytes(15).toString('base64url');
      chatWebhook = {
        appId: randomBytes(8).readBigUInt64BE().toString(),
        oaSecretKey: randomBytes(15).toString('base64url'),
      };
      local.chat = new LocalChatServer({
        accessToken,
        refreshToken,
        appSecret,
        ...chatWebhook,
        ...(urls.chatInboundUrl ? { inboundUrl: urls.chatInboundUrl } : {}),
      });
      await local.chat.start();
      // The demo renews like production (its tokens die with the local server, so memory keeps them).
      const token = renewingAccessToken({
        store: memoryTokenStore(),
        oauth: { oauthUrl: local.chat.url, appId: chatWebhook.appId, appSecret },
        initial: { accessToken, refreshToken },
      });
      chat = createZaloChatSender({ znsBaseUrl: local.chat.url, oaBaseUrl: local.chat.url, token });
    } else if (config.chat.kind === 'zalo') {
      chatWebhook = config.chat.webhook;
      const { renewal, accessToken } = config.chat;
      chat = createZaloChatSender({
        znsBaseUrl: config.chat.url,
        oaBaseUrl: config.chat.oaUrl,
        token: renewal
          ? renewingAccessToken({
              store: zaloTokens,
              oauth: renewal,
              initial: { accessToken, refreshToken: renewal.refreshToken },
            })
          : fixedAccessToken(accessToken),
        ...(config.chat.permanentErrors ? { permanentErrors: config.chat.permanentErrors } : {}),
      });
    }
  } catch (error) {
    await Promise.allSettled([local.smtp?.stop(), local.sms?.stop(), local.chat?.stop()]);
    throw error;
  }
  return {
    email,
    sms,
    chat,
    local,
    smsSecret,
    chatWebhook,
    async close() {
      await email?.close();
      await Promise.allSettled([local.smtp?.stop(), local.sms?.stop(), local.chat?.stop()]);
    },
  };
}
