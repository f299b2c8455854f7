// Chooses and starts the notification providers from the configuration: the real clients, or the
// faithful local implementations (in-process SMTP server, local SMS gateway, local chat API) on random
// loopback ports, which keep what they "send" for the back office's simulated outbox.
import { randomBytes } from 'node:crypto';
import type { NotificationConfig } from '../platform/config/notifications-config.ts';
import type { ChatSender } from './chat/chat.ts';
import { LocalChatServer } from './chat/local-chat-server.ts';
import { createZnsChatSender } from './chat/zns-chat-client.ts';
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
  /** HMAC secret for the chat app's inbound webhook (local: generated; real providers: not yet configured). */
  chatSecret?: string | null;
  close(): Promise<void>;
}

export interface ProviderUrls {
  /** Our inbound SMS webhook, as the gateway reaches it. */
  smsInboundUrl?: string;
  /** Our delivery-receipt endpoint, as the gateway reaches it. */
  smsReceiptUrl?: string;
}

export async function startNotificationProviders(
  config: NotificationConfig,
  urls: ProviderUrls = {},
): Promise<NotificationProviders> {
  const local: NotificationProviders['local'] = { smtp: null, sms: null, chat: null };
  let email: EmailSender | null = null;
  let sms: SmsSender | null = null;
  let chat: ChatSender | null = null;
  let smsSecret: string | null = null;
  let chatSecret: string | null = null;
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
      const token = randomBytes(24).toString('hex');
      chatSecret = randomBytes(32).toString('hex');
      local.chat = new LocalChatServer(token);
      await local.chat.start();
      chat = createZnsChatSender({ baseUrl: local.chat.url, accessToken: token });
    } else if (config.chat.kind === 'zns') {
      chat = createZnsChatSender({ baseUrl: config.chat.url, accessToken: config.chat.accessToken });
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
    chatSecret,
    async close() {
      await email?.close();
      await Promise.allSettled([local.smtp?.stop(), local.sms?.stop(), local.chat?.stop()]);
    },
  };
}
