// Registers of the processing path: the control slip that travels with the dossier, one row per
// hand-over with its time and early/on-time/overdue verdict (TT 01/2018 Mẫu 05; TT 03/2025 Mẫu 06),
// and the tracking book of a unit for a period (TT 01/2018 Mẫu 06; TT 03/2025 Mẫu 07).
import type { ControlSlipModel, TrackingBookModel } from '../document-models.ts';
import { clean, FormWriter } from '../pdf/form-writer.ts';
import { formatDate, formatDateTimeShort, formatTimeAndDate } from '../pdf/vietnamese-dates.ts';
import { formatTimeLimit, formLabel, headerBlock, type RenderContext, text } from './render-context.ts';

export async function renderControlSlip(model: ControlSlipModel, ctx: RenderContext): Promise<Buffer> {
  const writer = new FormWriter({ title: `${text(ctx, 'title')} ${model.code}` });
  formLabel(writer, ctx, 'control_slip');
  writer.header(headerBlock(ctx, model));
  writer.title(text(ctx, 'title'));
  if (model.receiptNumber) {
    writer.centred(text(ctx, 'attached', { receiptNumber: clean(model.receiptNumber) }), 'italic');
    writer.doc.moveDown(0.4);
  }
  writer.field(text(ctx, 'codeLabel'), model.code);
  writer.field(text(ctx, 'applicantLabel'), model.applicantName);
  writer.field(text(ctx, 'leadLabel'), model.leadAgency);
  writer.field(
    text(ctx, 'coordinatingLabel'),
    model.coordinatingAgencies.length > 0 ? model.coordinatingAgencies.map(clean).join('; ') : 'Không',
  );
  writer.field(text(ctx, 'limitLabel'), formatTimeLimit(model.timeLimit));
  writer.field(text(ctx, 'receivedLabel'), formatTimeAndDate(model.receivedAt));
  writer.field(text(ctx, 'dueLabel'), formatTimeAndDate(model.dueAt));
  writer.doc.moveDown(0.4);
  const outcome = (o: ControlSlipModel['handovers'][number]['outcome']) => (o ? text(ctx, o) : '');
  writer.table(
    [
      { header: text(ctx, 'colStep'), weight: 3.2 },
      { header: text(ctx, 'colTime'), weight: 3.2 },
      { header: text(ctx, 'colOutcome'), weight: 2, align: 'center' },
      { header: text(ctx, 'colNote'), weight: 1.6 },
    ],
    model.handovers.map((h, i) => [
      `${text(ctx, 'handOver', { n: 2 * i + 1, from: clean(h.from) })}\n${text(ctx, 'receive', {
        n: 2 * i + 2,
        to: clean(h.to),
      })}`,
      `${formatTimeAndDate(h.at)}\n${text(ctx, 'giver')}: ${clean(h.giverName) || '..........'}\n${text(
        ctx,
        'receiver',
      )}: ${clean(h.receiverName) || '..........'}`,
      outcome(h.outcome),
      h.note ?? '',
    ]),
    { fontSize: 11 },
  );
  return writer.finish();
}

const when = (at: Date | undefined) => (at ? formatDateTimeShort(at) : '');

export async function renderTrackingBook(model: TrackingBookModel, ctx: RenderContext): Promise<Buffer> {
  const writer = new FormWriter({ title: text(ctx, 'title'), landscape: true, fontSize: 12 });
  formLabel(writer, ctx, 'tracking_book');
  writer.header(headerBlock(ctx, model), { leftWeight: 0.45 });
  writer.title(
    text(ctx, 'title'),
    text(ctx, 'subtitle', {
      unitName: clean(model.unitName),
      from: formatDate(model.periodFrom),
      to: formatDate(model.periodTo),
    }),
  );
  if (model.volumes && model.volumes.length > 0) {
    writer.centred(text(ctx, 'volumeLine', { volume: model.volumes.map(clean).join(', ') }), 'italic');
  }
  const dates = text(ctx, 'datesGroup');
  writer.table(
    [
      { header: text(ctx, 'colNo'), weight: 0.65, align: 'center' },
      { header: text(ctx, 'colCode'), weight: 2.2 },
      { header: text(ctx, 'colProcedure'), weight: 1.3 },
      { header: text(ctx, 'colSets'), weight: 0.6, align: 'center' },
      { header: text(ctx, 'colApplicant'), weight: 1.2 },
      { header: text(ctx, 'colAddress'), weight: 1.3 },
      { header: text(ctx, 'colLead'), weight: 1.2 },
      { header: `${text(ctx, 'colReceived')} (${dates})`, weight: 0.95, align: 'center' },
      { header: `${text(ctx, 'colDue')} (${dates})`, weight: 0.95, align: 'center' },
      { header: text(ctx, 'colTransferred'), weight: 0.95, align: 'center' },
      { header: text(ctx, 'colResultIn'), weight: 0.95, align: 'center' },
      { header: text(ctx, 'colReturned'), weight: 0.95, align: 'center' },
      { header: text(ctx, 'colSign'), weight: 0.7 },
      { header: text(ctx, 'colNote'), weight: 0.7 },
    ],
    model.rows.map((r) => [
      r.line ?? '',
      r.code,
      r.procedureName,
      String(r.setCount),
      r.applicantName,
      r.addressPhone,
      r.leadAgency,
      when(r.receivedAt),
      when(r.dueAt),
      when(r.transferredAt),
      when(r.resultReceivedAt),
      when(r.returnedAt),
      '',
      r.note ?? '',
    ]),
    { fontSize: 8.5 },
  );
  writer.note(
    model.rows.length === 0 ? text(ctx, 'empty') : text(ctx, 'totalLine', { count: model.rows.length }),
  );
  return writer.finish();
}
