// R37: ZNS template ids are data. Zalo only sends template messages whose numeric id it approved, with
// that template's named parameters, so administrators map each notification event to the approved id
// and fill each parameter from MotCua's placeholders. Resolved at delivery time: a dead message can be
// retried after the mapping is fixed.
import type { Transaction } from 'kysely';
import { DeliveryError } from '../../adapters/delivery.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import {
  fillTemplate,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  OFFICER_EVENTS,
  TEMPLATE_PARAMS,
} from './notification-defaults.ts';
import { notificationErrors } from './notifications.errors.ts';

export interface ZnsMapping {
  templateId: string;
  params: Record<string, string>;
}

export interface ZnsTemplateView {
  event: NotificationEvent;
  /** Officers' reminders go by e-mail only: their mapping is never used. */
  audience: 'applicant' | 'officer';
  templateId: string | null;
  params: Record<string, string>;
  updatedAt: string | null;
}

const PARAM_NAME = /^[a-z_]{1,30}$/;
const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_PARAMS);

const invalid = (field: string, vi: string, en: string) => new AppError('VALIDATION', 400, { vi, en }, field);

/** Checks an administrator's mapping; the error names the offending field. */
export function checkZnsMapping(input: ZnsMapping): ZnsMapping {
  const templateId = input.templateId.trim();
  if (!/^[0-9]{1,20}$/.test(templateId)) {
    throw invalid(
      'templateId',
      'Mã mẫu ZNS là dãy số do Zalo cấp khi duyệt mẫu (ví dụ 285436).',
      'A ZNS template id is the number Zalo assigns when it approves the template (e.g. 285436).',
    );
  }
  const entries = Object.entries(input.params);
  if (entries.length === 0) {
    throw invalid(
      'params',
      'Mẫu ZNS cần ít nhất một tham số.',
      'A ZNS template needs at least one parameter.',
    );
  }
  const params: Record<string, string> = {};
  for (const [name, raw] of entries) {
    if (!PARAM_NAME.test(name)) {
      throw invalid(
        `params.${name}`,
        `Tên tham số "${name}" chỉ gồm chữ thường không dấu và dấu gạch dưới, tối đa 30 ký tự.`,
        `Parameter name "${name}" may only hold lower-case letters and underscores, at most 30.`,
      );
    }
    const value = raw.trim();
    const used = [...value.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
    const unknown = used.find((p) => !KNOWN.has(p));
    if (unknown !== undefined || used.length === 0) {
      throw invalid(
        `params.${name}`,
        unknown
          ? `Tham số "${name}": không có trường {${unknown}}. Dùng: ${TEMPLATE_PARAMS.map((p) => `{${p}}`).join(', ')}.`
          : `Tham số "${name}" phải lấy giá trị từ một trường, ví dụ {code}.`,
        unknown
          ? `Parameter "${name}": there is no {${unknown}}. Use: ${TEMPLATE_PARAMS.map((p) => `{${p}}`).join(', ')}.`
          : `Parameter "${name}" must take its value from a placeholder, e.g. {code}.`,
      );
    }
    params[name] = value;
  }
  return { templateId, params };
}

const asRecord = (list: Array<{ name: string; value: string }>) =>
  Object.fromEntries(list.map((p) => [p.name, p.value]));

export async function findZnsMapping(
  db: Db | Transaction<Database>,
  event: string,
): Promise<ZnsMapping | undefined> {
  const row = await db
    .selectFrom('znsTemplates')
    .select(['templateId', 'params'])
    .where('event', '=', event)
    .executeTakeFirst();
  return row ? { templateId: row.templateId, params: asRecord(row.params) } : undefined;
}

export async function listZnsTemplates(db: Db): Promise<ZnsTemplateView[]> {
  const rows = await db.selectFrom('znsTemplates').selectAll().execute();
  return NOTIFICATION_EVENTS.map((event) => {
    const row = rows.find((r) => r.event === event);
    return {
      event,
      audience: OFFICER_EVENTS.has(event) ? 'officer' : 'applicant',
      templateId: row?.templateId ?? null,
      params: row ? asRecord(row.params) : {},
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    };
  });
}

/**
 * Saves (mapping) or removes (null) the ZNS template of one event, audited in the same transaction;
 * removing a mapping that does not exist is a 404 (nothing to audit).
 */
export async function setZnsTemplate(
  db: Db,
  actor: Actor,
  event: NotificationEvent,
  input: ZnsMapping | null,
): Promise<ZnsTemplateView> {
  const mapping = input ? checkZnsMapping(input) : null;
  await db.transaction().execute(async (trx) => {
    const before = await findZnsMapping(trx, event);
    if (!mapping && !before) {
      throw notificationErrors.znsNotMapped();
    }
    if (mapping) {
      const params = Object.entries(mapping.params).map(([name, value]) => ({ name, value }));
      const row = { templateId: mapping.templateId, params: JSON.stringify(params) };
      await trx
        .insertInto('znsTemplates')
        .values({ event, ...row, updatedBy: actor.actorId, updatedAt: new Date() })
        .onConflict((oc) =>
          oc.column('event').doUpdateSet({ ...row, updatedBy: actor.actorId, updatedAt: new Date() }),
        )
        .execute();
    } else {
      await trx.deleteFrom('znsTemplates').where('event', '=', event).execute();
    }
    await appendAudit(trx, {
      ...actor,
      action: mapping ? 'zns_template.update' : 'zns_template.remove',
      resourceType: 'zns_template',
      resourceId: event,
      details: { before: before ?? null, after: mapping },
    });
  });
  return (await listZnsTemplates(db)).find((t) => t.event === event) as ZnsTemplateView;
}

/**
 * The template id and data for one chat notification. Without a mapping, the local/demo Zalo gets the
 * readable `motcua_<event>` with the whole text; the real Zalo would refuse such an id, so in `zalo`
 * mode the message is dead-lettered with the reason instead of being sent.
 */
export async function znsMessageFor(
  db: Db,
  chatKind: string,
  n: { event: string; params: Record<string, string>; body: string },
): Promise<ZnsMapping> {
  const mapping = await findZnsMapping(db, n.event);
  if (!mapping) {
    if (chatKind === 'zalo') {
      throw new DeliveryError(
        `no ZNS template is mapped for event "${n.event}" (Nội dung mẫu → Mẫu tin ZNS (Zalo)); not sent, Zalo only accepts approved template ids`,
        true,
      );
    }
    return { templateId: `motcua_${n.event}`, params: { content: n.body } };
  }
  const params: Record<string, string> = {};
  for (const [name, text] of Object.entries(mapping.params)) {
    const missing = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string).find((p) => !(p in n.params));
    if (missing) {
      throw new DeliveryError(
        `ZNS template ${mapping.templateId}: parameter ${name} needs {${missing}}, which event "${n.event}" does not have`,
        true,
      );
    }
    params[name] = fillTemplate(text, n.params);
  }
  return { templateId: mapping.templateId, params };
}
