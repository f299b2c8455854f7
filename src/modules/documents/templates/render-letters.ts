// Letters signed by the head of the agency: the apology with a new appointment (TT 01/2018 Mẫu 04;
// ND 61 Đ19: at most one reschedule), its 2025 form with an extension request (TT 03/2025 Mẫu 04),
// and the 2025 notice that processing stopped (TT 03/2025 Mẫu 05).
import type { ApologyModel, StopNoticeModel } from '../document-models.ts';
import { clean, FormWriter } from '../pdf/form-writer.ts';
import { formatDate, formatTimeAndDate } from '../pdf/vietnamese-dates.ts';
import { agencyNameOf, formLabel, headerBlock, type RenderContext, text } from './render-context.ts';

/** "Nơi nhận" in small print on the left, the signer (title, seal note, name) on the right. */
function closingBlock(writer: FormWriter, ctx: RenderContext, signerTitle: string, signerName: string): void {
  const { doc } = writer;
  writer.ensureSpace(130);
  const top = doc.y + 8;
  const half = writer.width / 2;
  doc.font('boldItalic').fontSize(11).text(text(ctx, 'recipientsLabel'), writer.left, top, { width: half });
  doc.font('regular').fontSize(10).text(text(ctx, 'recipients'), writer.left, doc.y, { width: half });
  const leftBottom = doc.y;
  const x = writer.left + half;
  doc.font('bold').fontSize(writer.fontSize).text(clean(signerTitle).toUpperCase(), x, top, {
    width: half,
    align: 'center',
  });
  doc
    .font('italic')
    .fontSize(writer.fontSize - 1)
    .text('(Ký, ghi rõ họ tên và đóng dấu)', x, doc.y, {
      width: half,
      align: 'center',
    });
  doc
    .font('bold')
    .fontSize(writer.fontSize)
    .text(clean(signerName), x, doc.y + 62, { width: half, align: 'center' });
  doc.font('regular');
  doc.x = writer.left;
  doc.y = Math.max(leftBottom, doc.y) + 10;
}

export async function renderApology(model: ApologyModel, ctx: RenderContext): Promise<Buffer> {
  const writer = new FormWriter({ title: text(ctx, 'title') });
  formLabel(writer, ctx, 'apology');
  writer.header(headerBlock(ctx, model));
  writer.title(text(ctx, 'title'));
  writer.centred(`${text(ctx, 'addresseeLabel')}: ${clean(model.addressee)}`);
  writer.doc.moveDown(0.6);
  const agencyName = agencyNameOf(ctx, model);
  const values = {
    agencyName,
    receivedAt: formatDate(model.receivedAt),
    procedureName: clean(model.procedureName),
    code: clean(model.code),
    originalDueAt: formatDate(model.originalDueAt),
    reason: clean(model.reason),
    newDueAt: formatTimeAndDate(model.newDueAt),
    extensionFrom: clean(model.extensionRequestedFrom ?? 'cơ quan có thẩm quyền'),
  };
  for (const key of ['body', 'delay', 'apology', 'thanks']) {
    writer.paragraph(text(ctx, key, values), { indent: true });
  }
  closingBlock(writer, ctx, model.signerTitle, model.signerName);
  return writer.finish();
}

export async function renderStopNotice(model: StopNoticeModel, ctx: RenderContext): Promise<Buffer> {
  const writer = new FormWriter({ title: text(ctx, 'title') });
  formLabel(writer, ctx, 'stop_notice');
  writer.header(headerBlock(ctx, model));
  writer.title(text(ctx, 'title'));
  writer.centred(`${text(ctx, 'addresseeLabel')}: ${clean(model.addressee)}`);
  writer.doc.moveDown(0.6);
  const values = {
    agencyName: agencyNameOf(ctx, model),
    receivedAt: formatDate(model.receivedAt),
    procedureName: clean(model.procedureName),
    code: clean(model.code),
    reason: clean(model.reason),
    legalBasis: clean(model.legalBasis),
  };
  writer.paragraph(text(ctx, 'body', values), { indent: true });
  writer.paragraph(text(ctx, 'decision', values), { indent: true });
  if (model.legalBasis) {
    writer.paragraph(text(ctx, 'legalBasisLine', values), { indent: true });
  }
  writer.paragraph(text(ctx, 'closing', values), { indent: true });
  closingBlock(writer, ctx, model.signerTitle, model.signerName);
  return writer.finish();
}
