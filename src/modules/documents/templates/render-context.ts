// What every renderer receives besides its model: the rule set, the effective texts (defaults plus
// administrators' overrides) and deployment facts such as the public URL used in QR codes.

import type {
  AgencyHeader,
  DocumentBase,
  RuleSet,
  TemplateName,
  TimeLimitModel,
} from '../document-models.ts';
import { clean, type FormWriter, type HeaderBlock } from '../pdf/form-writer.ts';
import { formatPlaceDate } from '../pdf/vietnamese-dates.ts';
import { fill, TEMPLATE_CATALOGUE, type TemplateTexts } from './template-catalogue.ts';

export interface RenderContext {
  ruleSet: RuleSet;
  texts: TemplateTexts;
  /** Header lines an administrator fixed for this agency; they win over the model's. */
  headerOverride?: Partial<AgencyHeader>;
  /** MOTCUA_PUBLIC_URL, for lookup links and QR codes. */
  publicUrl: string;
}

export function text(
  ctx: RenderContext,
  key: string,
  values: Record<string, string | number | undefined> = {},
): string {
  return fill(ctx.texts[key] ?? '', values);
}

export function effectiveAgency(ctx: RenderContext, agency: AgencyHeader): AgencyHeader {
  return { ...agency, ...Object.fromEntries(Object.entries(ctx.headerOverride ?? {}).filter(([, v]) => v)) };
}

export function headerBlock(ctx: RenderContext, model: DocumentBase): HeaderBlock {
  const agency = effectiveAgency(ctx, model.agency);
  return {
    governingAgency: agency.governingAgency,
    agencyName: agency.agencyName,
    // A numbered slip (one with `numberFormat` wording) shows its number, or a dotted line to fill in
    // by hand for events recorded before numbers were issued; other forms print no "Số:" line.
    number: model.number ?? (ctx.texts.numberFormat ? '......./.......' : undefined),
    place: agency.place,
    placeDate: formatPlaceDate(model.issuedAt),
  };
}

/** "Mẫu số 01 (Thông tư số 01/2018/TT-VPCP)" in small italics at the top right. */
export function formLabel(writer: FormWriter, ctx: RenderContext, name: TemplateName): void {
  const definition = TEMPLATE_CATALOGUE[name];
  const number = definition.formNumber[ctx.ruleSet];
  if (!number) {
    return;
  }
  const { doc } = writer;
  doc.font('italic').fontSize(10);
  doc.text(`${number} (${definition.legalBasis[ctx.ruleSet]})`, writer.left, doc.y - 22, {
    width: writer.width,
    align: 'right',
  });
  doc.font('regular').fontSize(writer.fontSize);
  doc.y += 8;
}

export function formatTimeLimit(limit: TimeLimitModel): string {
  const unit = { working_days: 'ngày làm việc', days: 'ngày', working_hours: 'giờ làm việc' }[limit.unit];
  return `${limit.amount} ${unit}`;
}

export function agencyNameOf(ctx: RenderContext, model: DocumentBase): string {
  return clean(effectiveAgency(ctx, model.agency).agencyName);
}
