// R38: one answer for every text channel (SMS, chat): per-sender rate limit, parse "TC <code>", look
// the dossier up, compose the reply; each lookup is logged with the sender masked (goal 22).
import type { FastifyBaseLogger } from 'fastify';
import { parseLookupMessage } from '../../domain/lookup/lookup-message.ts';
import { composeLookupReply, replyRateLimited } from '../../domain/lookup/lookup-reply.ts';
import type { App } from '../../platform/http/app.ts';
import { findSiteSettings } from '../site/site.repository.ts';
import type { LookupProvider } from './lookup-provider.ts';
import { maskPhone, SenderRateLimiter } from './sender-rate-limit.ts';

type LookupChannel = 'sms' | 'chat';

/** The reply text; empty when the sender is over the limit and was already told (silence). */
export type LookupAnswer = (
  log: FastifyBaseLogger,
  channel: LookupChannel,
  from: string,
  text: string,
) => Promise<string>;

export function createLookupAnswer(app: App, lookup: LookupProvider): LookupAnswer {
  const { config } = app.deps;
  // One allowance per sender and channel: a number texting and chatting is counted on each.
  const limiters = {
    sms: new SenderRateLimiter(config.notifications.lookupsPerNumberPerHour),
    chat: new SenderRateLimiter(config.notifications.lookupsPerNumberPerHour),
  };
  return async (log, channel, from, text) => {
    const gate = limiters[channel].hit(from);
    if (!gate.allowed) {
      log.warn(
        { sender: maskPhone(from) },
        `${channel.toUpperCase()} lookup rate limit exceeded (possible enumeration)`,
      );
      return gate.firstRefusal ? replyRateLimited() : '';
    }
    const parsed = parseLookupMessage(text);
    const result = parsed.ok ? await lookup.lookup(parsed.code) : null;
    const site = await findSiteSettings(app.deps.database.db);
    const reply = composeLookupReply(parsed, result, {
      publicUrl: config.publicUrl,
      hotline: site?.hotline ?? undefined,
    });
    log.info(
      { sender: maskPhone(from), parsed: parsed.ok ? 'code' : parsed.reason, found: result !== null },
      `${channel.toUpperCase()} lookup`,
    );
    return reply;
  };
}
