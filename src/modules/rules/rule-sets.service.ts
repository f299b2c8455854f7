// Administrators add a rule set (a provincial decision such as QĐ 766's supplement clock, or a new
// national decree) from a day on; the one in force then ends the day before. Past days never change:
// every dossier keeps the rule set it was received under (brief: rules are data, with dates).
import { randomUUID } from 'node:crypto';
import { planSuccession, type RuleSet, type SuccessionProblem } from '../../domain/rules/rule-set.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import type { Db } from '../../platform/db/database.ts';
import { type AppError, errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { listRuleSets, type StoredRuleSet } from './rule-sets.repository.ts';

const PROBLEMS: Record<SuccessionProblem, () => AppError> = {
  invalid: () =>
    errors.validation('settings', {
      vi: 'Bộ quy tắc không hợp lệ: kiểm tra mã (chữ thường, số, gạch ngang), ngày và các thông số.',
      en: 'Invalid rule set: check the code (lower-case letters, digits, dashes), the date and the settings.',
    }),
  retroactive: () =>
    errors.validation('effectiveFrom', {
      vi: 'Ngày có hiệu lực không được trước hôm nay: hồ sơ đã tiếp nhận giữ quy tắc khi tiếp nhận.',
      en: 'The effective date cannot be before today: dossiers already received keep their rules.',
    }),
  same_day: () =>
    errors.conflict({
      vi: 'Đã có bộ quy tắc có hiệu lực từ ngày này; chọn ngày sau.',
      en: 'A rule set already takes effect on this day; choose a later day.',
    }),
  not_last: () =>
    errors.conflict({
      vi: 'Đã có bộ quy tắc có hiệu lực sau ngày này; bộ mới phải có hiệu lực sau bộ cuối cùng.',
      en: 'A rule set already takes effect after this day; a new one must follow the last one.',
    }),
  gap: () =>
    errors.validation('effectiveFrom', {
      vi: 'Bộ mới phải có hiệu lực ngay sau ngày hết hiệu lực của bộ cuối cùng (không để ngày trống).',
      en: 'The new rule set must start the day after the last one ends (no day without rules).',
    }),
  duplicate_code: () =>
    errors.conflict({ vi: 'Mã bộ quy tắc đã được dùng.', en: 'This rule set code is already in use.' }),
};

export async function addRuleSet(db: Db, actor: Actor, input: RuleSet, now: Date): Promise<StoredRuleSet> {
  const candidate: RuleSet = {
    ...input,
    name: { vi: input.name.vi.normalize('NFC').trim(), en: input.name.en.normalize('NFC').trim() },
    legalBasis: input.legalBasis.map((b) => b.normalize('NFC').trim()).filter((b) => b !== ''),
    effectiveTo: null,
  };
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    // One writer at a time: two administrators cannot both append after the same rule set.
    await trx.selectFrom('ruleSets').select('id').forUpdate().execute();
    const plan = planSuccession(await listRuleSets(trx), candidate, todayInVietnam(now));
    if (!plan.ok) {
      throw PROBLEMS[plan.problem]();
    }
    if (plan.close) {
      await trx
        .updateTable('ruleSets')
        .set({ effectiveTo: plan.close.effectiveTo, updatedAt: now })
        .where('code', '=', plan.close.code)
        .execute();
    }
    await trx
      .insertInto('ruleSets')
      .values({
        id,
        code: candidate.code,
        name: candidate.name.vi,
        nameEn: candidate.name.en,
        legalBasis: JSON.stringify(candidate.legalBasis),
        effectiveFrom: candidate.effectiveFrom,
        effectiveTo: null,
        settings: JSON.stringify(candidate.settings),
        national: false,
        updatedAt: now,
      })
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'rule_set.add',
      resourceType: 'rule_set',
      resourceId: id,
      details: { ruleSet: candidate, closed: plan.close },
    });
  });
  const added = (await listRuleSets(db)).find((r) => r.id === id);
  if (!added) {
    throw errors.internal();
  }
  return added;
}
