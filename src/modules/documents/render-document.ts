// One entry point for every form: the dossier module calls renderDocument(name, model, context).
import type { DocumentModels, RuleSet, TemplateName } from './document-models.ts';
import type { RenderContext } from './templates/render-context.ts';
import { renderCompletionRequest, renderReceipt, renderRefusal } from './templates/render-desk-forms.ts';
import { renderApology, renderStopNotice } from './templates/render-letters.ts';
import { renderControlSlip, renderTrackingBook } from './templates/render-registers.ts';
import { applyPaperConversionMark, renderResultHandover } from './templates/render-results.ts';
import { TEMPLATE_CATALOGUE } from './templates/template-catalogue.ts';

export type { RenderContext };

export class TemplateNotInRuleSetError extends Error {}

type Renderers = {
  [N in Exclude<TemplateName, 'paper_conversion_mark'>]: (
    model: DocumentModels[N],
    ctx: RenderContext,
  ) => Promise<Buffer>;
};

const RENDERERS: Renderers = {
  receipt: renderReceipt,
  completion_request: renderCompletionRequest,
  refusal: renderRefusal,
  apology: renderApology,
  stop_notice: renderStopNotice,
  control_slip: renderControlSlip,
  tracking_book: renderTrackingBook,
  result_handover: renderResultHandover,
};

/** Whether the rule set has this form (the stop notice exists only from ND 118/2025). */
export function templateExists(name: TemplateName, ruleSet: RuleSet): boolean {
  const definition = TEMPLATE_CATALOGUE[name];
  return definition.formNumber[ruleSet] !== null || !['stop_notice'].includes(name);
}

export async function renderDocument<N extends Exclude<TemplateName, 'paper_conversion_mark'>>(
  name: N,
  model: DocumentModels[N],
  ctx: RenderContext,
): Promise<Buffer> {
  if (!templateExists(name, ctx.ruleSet)) {
    throw new TemplateNotInRuleSetError(`${name} does not exist under ${ctx.ruleSet}`);
  }
  const render = RENDERERS[name] as (model: DocumentModels[N], ctx: RenderContext) => Promise<Buffer>;
  return render(model, ctx);
}

export { applyPaperConversionMark };
