// The desk's slips at reception (ND 61/2018 Đ17; legal digest §1.2, §2.1): Mẫu 01 receipt and
// appointment with a QR code to the public lookup, Mẫu 02 completion request, Mẫu 03 refusal.
import QRCode from 'qrcode';
import { lookupUrl } from '../../../domain/lookup/lookup-reply.ts';
import type { CompletionRequestModel, PartyModel, ReceiptModel, RefusalModel } from '../document-models.ts';
import { clean, FormWriter } from '../pdf/form-writer.ts';
import { formatTimeAndDate } from '../pdf/vietnamese-dates.ts';
import {
  agencyNameOf,
  formatTimeLimit,
  formLabel,
  headerBlock,
  type RenderContext,
  text,
} from './render-context.ts';

function party(writer: FormWriter, ctx: RenderContext, p: PartyModel, nameKey = 'applicantLabel'): void {
  writer.field(text(ctx, nameKey), p.name);
  if (p.address !== undefined) {
    writer.field(text(ctx, 'addressLabel'), p.address);
  }
  const x2 = writer.left + writer.width / 2;
  const y = writer.doc.y;
  writer.field(text(ctx, 'phoneLabel'), p.phone, { width: writer.width / 2 });
  const afterPhone = writer.doc.y;
  if (ctx.texts.emailLabel) {
    writer.doc.y = y;
    writer.field(text(ctx, 'emailLabel'), p.email, { x: x2 });
  }
  writer.doc.y = Math.max(afterPhone, writer.doc.y);
}

const count = (n: number | undefined) => (n ? String(n) : '');

export async function renderReceipt(model: ReceiptModel, ctx: RenderContext): Promise<Buffer> {
  const writer = new FormWriter({ title: `${text(ctx, 'title')} ${model.code}` });
  const { doc } = writer;
  formLabel(writer, ctx, 'receipt');
  writer.header(headerBlock(ctx, model));
  const url = lookupUrl(ctx.publicUrl, clean(model.code));

  // The QR code sits at the right of the title block, the code itself in bold under the title.
  const qrSize = 74;
  const top = doc.y;
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  doc.image(qr, writer.left + writer.width - qrSize, top - 4, { width: qrSize, height: qrSize });
  doc
    .font('italic')
    .fontSize(8)
    .text(text(ctx, 'qrCaption'), writer.left + writer.width - qrSize - 10, top + qrSize - 2, {
      width: qrSize + 20,
      align: 'center',
    });
  doc.font('regular').fontSize(writer.fontSize);
  doc.y = top + 6;
  const titleWidth = writer.width - qrSize - 8;
  doc
    .font('bold')
    .fontSize(writer.fontSize + 1)
    .text(text(ctx, 'title'), writer.left, doc.y, {
      width: titleWidth,
      align: 'center',
    });
  if (model.copyLabel) {
    doc
      .font('italic')
      .fontSize(writer.fontSize - 1)
      .text(`(${clean(model.copyLabel)})`, writer.left, doc.y, {
        width: titleWidth,
        align: 'center',
      });
  }
  doc.y += 4;
  writer.centredRuns(
    [
      { text: `${text(ctx, 'codeLabel')}: `, style: 'regular' },
      { text: model.code, style: 'bold' },
    ],
    titleWidth,
  );
  doc.font('regular');
  doc.y = Math.max(doc.y + 6, top + qrSize + 10);

  writer.paragraph(text(ctx, 'intro', { agencyName: agencyNameOf(ctx, model) }));
  party(writer, ctx, model.applicant);
  if (model.owner && clean(model.owner.name) !== clean(model.applicant.name)) {
    writer.field(text(ctx, 'ownerLabel'), model.owner.name);
  }
  writer.field(text(ctx, 'requestLabel'), model.requestContent);
  doc.moveDown(0.3);
  writer.paragraph(text(ctx, 'componentsHeading'));
  writer.table(
    [
      { header: text(ctx, 'colNo'), weight: 0.6, align: 'center' },
      { header: text(ctx, 'colName'), weight: 5.2 },
      { header: text(ctx, 'colOriginal'), weight: 1.1, align: 'center' },
      { header: text(ctx, 'colCertified'), weight: 1.4, align: 'center' },
      { header: text(ctx, 'colPhotocopy'), weight: 1.1, align: 'center' },
    ],
    model.components.map((c, i) => [
      String(i + 1),
      c.name,
      count(c.originals),
      count(c.certifiedCopies),
      count(c.photocopies),
    ]),
  );
  writer.paragraph(text(ctx, 'setCountLine', { setCount: model.setCount }));
  writer.paragraph(text(ctx, 'timeLimitLine', { timeLimit: formatTimeLimit(model.timeLimit) }));
  writer.paragraph(text(ctx, 'receivedLine', { receivedAt: formatTimeAndDate(model.receivedAt) }));
  writer.paragraph(
    model.dueAt
      ? text(ctx, 'dueLine', { dueAt: formatTimeAndDate(model.dueAt) })
      : text(ctx, 'onTheSpotLine'),
  );
  writer.paragraph(text(ctx, 'deliveryLine', { deliveryPlace: clean(model.deliveryPlace) }));
  if (model.book) {
    writer.paragraph(
      text(ctx, 'bookLine', { volume: clean(model.book.volume), line: clean(model.book.line) }),
      {
        style: 'italic',
      },
    );
  }
  writer.note(text(ctx, 'lookupHint', { lookupUrl: url, code: clean(model.code) }));
  writer.signatures([
    { title: text(ctx, 'applicantSign'), note: text(ctx, 'signNote'), name: model.applicant.name },
    { title: text(ctx, 'receiverSign'), note: text(ctx, 'signNote'), name: model.receiverName },
  ]);
  return writer.finish();
}

function contactLine(ctx: RenderContext, officer: { name: string; phone?: string } | undefined): string {
  return text(ctx, 'contact', {
    portalUrl: ctx.publicUrl,
    contactName: officer ? clean(officer.name) : 'Bộ phận tiếp nhận và trả kết quả',
    contactPhone: officer?.phone ? clean(officer.phone) : '................',
  });
}

export async function renderCompletionRequest(
  model: CompletionRequestModel,
  ctx: RenderContext,
): Promise<Buffer> {
  const writer = new FormWriter({ title: text(ctx, 'title') });
  formLabel(writer, ctx, 'completion_request');
  writer.header(headerBlock(ctx, model));
  writer.title(text(ctx, 'title'));
  writer.paragraph(text(ctx, 'intro', { agencyName: agencyNameOf(ctx, model) }));
  party(writer, ctx, model.applicant);
  writer.field(text(ctx, 'requestLabel'), model.requestContent);
  if (model.code) {
    writer.field(text(ctx, 'codeLabel'), model.code);
  }
  writer.doc.moveDown(0.3);
  writer.paragraph(text(ctx, 'itemsHeading'));
  writer.table(
    [
      { header: text(ctx, 'colNo'), weight: 0.6, align: 'center' },
      { header: text(ctx, 'colName'), weight: 5.5 },
      { header: text(ctx, 'colQuantity'), weight: 1.2, align: 'center' },
      { header: text(ctx, 'colNote'), weight: 2.2 },
    ],
    model.items.map((item, i) => [String(i + 1), item.name, count(item.quantity), item.note ?? '']),
  );
  writer.field(text(ctx, 'reasonLabel'), model.reason);
  writer.paragraph(text(ctx, 'closing'), { style: 'italic' });
  writer.paragraph(contactLine(ctx, model.contactOfficer));
  writer.signatures([{ title: text(ctx, 'guideSign'), note: text(ctx, 'signNote'), name: model.guideName }]);
  return writer.finish();
}

export async function renderRefusal(model: RefusalModel, ctx: RenderContext): Promise<Buffer> {
  const writer = new FormWriter({ title: text(ctx, 'title') });
  formLabel(writer, ctx, 'refusal');
  writer.header(headerBlock(ctx, model));
  writer.title(text(ctx, 'title'));
  const agencyName = agencyNameOf(ctx, model);
  writer.paragraph(text(ctx, 'intro', { agencyName }));
  party(writer, ctx, model.applicant);
  writer.field(text(ctx, 'requestLabel'), model.requestContent);
  writer.doc.moveDown(0.3);
  writer.paragraph(text(ctx, 'decision', { agencyName }), { indent: true });
  for (const reason of model.reasons) {
    writer.paragraph(`- ${clean(reason)}`, { indent: true });
  }
  writer.paragraph(text(ctx, 'closing'), { indent: true });
  writer.paragraph(contactLine(ctx, model.contactOfficer), { indent: true });
  writer.signatures([
    { title: text(ctx, 'applicantSign'), note: text(ctx, 'signNote'), name: model.applicant.name },
    { title: text(ctx, 'officerSign'), note: text(ctx, 'signNote'), name: model.officerName },
  ]);
  return writer.finish();
}
