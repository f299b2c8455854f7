// The documents use cases: resolve a form's effective wording (code defaults ← rule-set-wide
// override ← the agency's override), render it, and let administrators change the wording.
import { cleanLine, cleanText } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import {
  type AgencyHeader,
  type DocumentModels,
  type RuleSet,
  ruleSetOn,
  TEMPLATE_NAMES,
  type TemplateName,
} from './document-models.ts';
import { documentErrors } from './documents.errors.ts';
import { findTemplateOverrides, upsertTemplateOverride } from './documents.repository.ts';
import { applyPaperConversionMark, renderDocument, templateExists } from './render-document.ts';
import { SAMPLE_MODELS } from './sample-models.ts';
import type { RenderContext } from './templates/render-context.ts';
import { defaultTexts, TEMPLATE_CATALOGUE } from './templates/template-catalogue.ts';

const HEADER_KEYS = ['governingAgency', 'agencyName', 'place'] as const satisfies ReadonlyArray<
  keyof AgencyHeader
>;

export interface EffectiveTemplate {
  texts: Record<string, string>;
  header: Partial<AgencyHeader>;
  /** Keys an administrator changed from the code default at this level or above. */
  overridden: string[];
}

export async function resolveTemplate(
  db: Db,
  name: TemplateName,
  ruleSet: RuleSet,
  agencyId: string | null = null,
): Promise<EffectiveTemplate> {
  const texts = defaultTexts(name, ruleSet);
  const header: Partial<AgencyHeader> = {};
  const overridden = new Set<string>();
  for (const row of await findTemplateOverrides(db, ruleSet, name, agencyId)) {
    for (const [key, value] of Object.entries(row.texts)) {
      if (key in texts && typeof value === 'string') {
        texts[key] = value;
        overridden.add(key);
      }
    }
    for (const key of HEADER_KEYS) {
      const value = row.header[key];
      if (typeof value === 'string' && value) {
        header[key] = value;
      }
    }
  }
  return { texts, header, overridden: [...overridden] };
}

export async function resolveRenderContext(
  db: Db,
  publicUrl: string,
  name: TemplateName,
  ruleSet: RuleSet,
  agencyId: string | null,
): Promise<RenderContext> {
  const effective = await resolveTemplate(db, name, ruleSet, agencyId);
  return { ruleSet, texts: effective.texts, headerOverride: effective.header, publicUrl };
}

export interface RenderOptions {
  /** Defaults to the rule set in force at the document's date (`issuedAt`). */
  ruleSet?: RuleSet;
  /** The issuing agency, for its own wording and header overrides. */
  agencyId?: string | null;
}

/**
 * What the dossier module calls to print a form: the model in, the PDF bytes out. Throws
 * AppError DOCUMENT_NOT_IN_RULE_SET when the form does not exist under the rule set.
 */
export async function renderOfficialDocument<N extends Exclude<TemplateName, 'paper_conversion_mark'>>(
  db: Db,
  publicUrl: string,
  name: N,
  model: DocumentModels[N],
  options: RenderOptions = {},
): Promise<Buffer> {
  const ruleSet = options.ruleSet ?? ruleSetOn(model.issuedAt);
  if (!templateExists(name, ruleSet)) {
    throw documentErrors.notInRuleSet();
  }
  const ctx = await resolveRenderContext(db, publicUrl, name, ruleSet, options.agencyId ?? null);
  return renderDocument(name, model, ctx);
}

/** ND 45/2020 Đ18: a printable copy of an electronic result with the conversion mark. */
export async function convertToPaper(
  db: Db,
  publicUrl: string,
  original: Uint8Array,
  model: DocumentModels['paper_conversion_mark'],
  options: RenderOptions = {},
): Promise<Buffer> {
  const ruleSet = options.ruleSet ?? ruleSetOn(model.convertedAt);
  const ctx = await resolveRenderContext(
    db,
    publicUrl,
    'paper_conversion_mark',
    ruleSet,
    options.agencyId ?? null,
  );
  return applyPaperConversionMark(original, model, ctx);
}

/** The preview administrators use to check wording: the sample models of the demo province. */
export async function renderPreview(
  db: Db,
  publicUrl: string,
  name: TemplateName,
  ruleSet: RuleSet,
  agencyId: string | null,
): Promise<Buffer> {
  if (!templateExists(name, ruleSet)) {
    throw documentErrors.notInRuleSet();
  }
  if (name === 'paper_conversion_mark') {
    const receipt = await renderOfficialDocument(db, publicUrl, 'receipt', SAMPLE_MODELS.receipt, {
      ruleSet,
      agencyId,
    });
    return convertToPaper(db, publicUrl, receipt, SAMPLE_MODELS.paper_conversion_mark, { ruleSet, agencyId });
  }
  return renderOfficialDocument(db, publicUrl, name, SAMPLE_MODELS[name] as never, { ruleSet, agencyId });
}

export function listTemplateDefinitions() {
  return TEMPLATE_NAMES.map((name) => {
    const d = TEMPLATE_CATALOGUE[name];
    return { name, label: d.label, formNumber: d.formNumber, legalBasis: d.legalBasis };
  });
}

export async function saveTemplateOverride(
  db: Db,
  actor: Actor,
  input: {
    name: TemplateName;
    ruleSet: RuleSet;
    agencyId: string | null;
    texts: Record<string, string>;
    header: Partial<AgencyHeader>;
  },
): Promise<EffectiveTemplate> {
  const defaults = defaultTexts(input.name, input.ruleSet);
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.texts)) {
    if (!(key in defaults)) {
      throw documentErrors.unknownTextKey(key);
    }
    const cleaned = cleanText(value);
    // An empty text or the default itself means "use the default".
    if (cleaned && cleaned !== defaults[key]) {
      texts[key] = cleaned;
    }
  }
  const header: Record<string, string> = {};
  for (const key of HEADER_KEYS) {
    const value = input.header[key];
    if (value && cleanLine(value)) {
      header[key] = cleanLine(value);
    }
  }
  await db.transaction().execute(async (trx) => {
    await upsertTemplateOverride(trx, {
      ruleSet: input.ruleSet,
      template: input.name,
      agencyId: input.agencyId,
      texts,
      header,
      updatedBy: actor.actorId,
    });
    await appendAudit(trx, {
      ...actor,
      action: 'document_template.update',
      resourceType: 'document_template',
      resourceId: `${input.ruleSet}/${input.name}${input.agencyId ? `/${input.agencyId}` : ''}`,
      details: { texts, header },
    });
  });
  return resolveTemplate(db, input.name, input.ruleSet, input.agencyId);
}
