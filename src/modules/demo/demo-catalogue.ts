// Demo procedure catalogue of tỉnh An Hòa (issue 5): real national procedures (names and codes from
// shared/data/procedures-sample.json; no national code is invented — procedures whose code we could
// not check carry only a local "AH-…" code), assigned to the demo agencies: commune procedures to the
// six communes, provincial ones to their department, received at the centre's desk. All published
// under a fictional decision of the (fictional) provincial chairman. A few demo states show R4:
// a future-dated amendment, a pending draft, an abolished procedure.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { planAbolition, planPublication } from '../../domain/catalogue/versions.ts';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import type { Database } from '../../platform/db/schema.ts';
import {
  closeVersion,
  insertDraftVersion,
  insertProcedure,
  listVersionRows,
  listVersions,
  markProcedureAbolished,
  publishDraftVersion,
} from '../catalogue/catalogue.repository.ts';
import type { ProcedureContent } from '../catalogue/procedure-content.schemas.ts';
import { DEMO_PROCEDURES_JUSTICE } from './demo-catalogue-justice.ts';
import { DEMO_PROCEDURES_OTHER } from './demo-catalogue-other.ts';
import { DEMO_PROCEDURES_POLICE } from './demo-catalogue-police.ts';
import { contentOf, DEMO_DECISION, type DemoProcedure, demoPdf } from './demo-procedure-content.ts';
import { seedDemoSectors } from './demo-sectors.ts';

export const DEMO_PROCEDURES: DemoProcedure[] = [
  ...DEMO_PROCEDURES_JUSTICE,
  ...DEMO_PROCEDURES_POLICE,
  ...DEMO_PROCEDURES_OTHER,
];

/** Seeds sectors and the catalogue inside the demo transaction; form files go to `blobs` when given. */
export async function seedDemoCatalogue(
  trx: Transaction<Database>,
  agencies: Map<string, string>,
  blobs: BlobStore | undefined,
  today: string,
): Promise<Map<string, string>> {
  const sectors = await seedDemoSectors(trx);
  const procedureIds = new Map<string, string>();
  for (const spec of DEMO_PROCEDURES) {
    const procedureId = randomUUID();
    procedureIds.set(spec.local, procedureId);
    await insertProcedure(trx, { id: procedureId, nationalCode: spec.code ?? null, localCode: spec.local });
    const files = new Map<string, string>();
    for (const form of spec.components.flatMap(([, , o]) => (o?.form ? [o.form] : []))) {
      if (!blobs) {
        continue;
      }
      const content = demoPdf(form.replace(/\.pdf$/, ''));
      const stored = await blobs.put(content, { maxBytes: 1_000_000 });
      const fileId = randomUUID();
      files.set(form, fileId);
      await trx
        .insertInto('procedureFiles')
        .values({
          id: fileId,
          procedureId,
          blobKey: stored.key,
          sha256: stored.sha256,
          size: stored.size,
          fileName: form,
          mediaType: 'application/pdf',
          published: true,
        })
        .execute();
    }
    const versionId = randomUUID();
    await insertDraftVersion(trx, {
      id: versionId,
      procedureId,
      number: 1,
      createdBy: null,
      content: contentOf(spec, agencies, sectors, files),
    });
    await publishDraftVersion(trx, versionId, DEMO_DECISION);
  }
  await seedDemoStates(trx, procedureIds, today);
  // Demo usage counters, so "most viewed" has something to show (simulated, like all demo data).
  const views: Record<string, number> = {
    'AH-HT-01': 1840,
    'AH-LLTP-01': 1525,
    'AH-CT-01': 1310,
    'AH-HT-03': 960,
    'AH-CT-CT01': 870,
    'AH-HKD-01': 640,
    'AH-XD-01': 455,
    'AH-DD-01': 390,
  };
  for (const [local, count] of Object.entries(views)) {
    await trx.updateTable('procedures').set({ viewCount: count }).where('localCode', '=', local).execute();
  }
  return procedureIds;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function draftFrom(
  trx: Transaction<Database>,
  procedureId: string,
  change: (content: ProcedureContent) => ProcedureContent,
): Promise<string> {
  const versions = await listVersions(trx, procedureId);
  const latest = versions.at(-1);
  if (!latest) {
    throw new Error('demo: no version');
  }
  const {
    id: _i,
    number,
    status: _s,
    decisionNumber: _d,
    decisionDate: _dd,
    effectiveFrom: _e,
    effectiveTo: _t,
    publishedAt: _p,
    ...content
  } = latest;
  const versionId = randomUUID();
  await insertDraftVersion(trx, {
    id: versionId,
    procedureId,
    number: number + 1,
    createdBy: null,
    content: change(content),
  });
  return versionId;
}

/** R4 shown on demo data: a future-dated amendment, a pending draft, an abolished procedure. */
async function seedDemoStates(
  trx: Transaction<Database>,
  ids: Map<string, string>,
  today: string,
): Promise<void> {
  const birth = ids.get('AH-HT-01');
  if (birth) {
    const versionId = await draftFrom(trx, birth, (c) => ({
      ...c,
      processingTime: {
        ...c.processingTime,
        onlineValue: 0,
        note: 'Nộp trực tuyến: trả kết quả điện tử ngay khi được phê duyệt.',
      },
      requirements: [
        ...c.requirements,
        'Trường hợp nộp trực tuyến, Giấy khai sinh điện tử có giá trị như bản giấy.',
      ],
    }));
    const effectiveFrom = addDays(today, 30);
    const timeline = await listVersionRows(trx, birth);
    const plan = planPublication(timeline, { decisionDate: today, effectiveFrom }, false);
    if (plan.ok) {
      await publishDraftVersion(trx, versionId, {
        decisionNumber: '1410/QĐ-UBND',
        decisionDate: today,
        effectiveFrom,
      });
      for (const change of plan.changes) {
        if (change.id !== versionId && change.effectiveTo) {
          await closeVersion(trx, change.id, 'superseded', change.effectiveTo);
        }
      }
    }
  }
  const marriage = ids.get('AH-HT-03');
  if (marriage) {
    await draftFrom(trx, marriage, (c) => ({
      ...c,
      processingTime: {
        ...c.processingTime,
        note: 'Dự thảo: bổ sung trường hợp xác minh qua Cơ sở dữ liệu hộ tịch điện tử.',
      },
    }));
  }
  const abolished = ids.get('AH-GPLX-01');
  if (abolished) {
    const decision = {
      decisionNumber: '980/QĐ-UBND',
      decisionDate: '2025-09-15',
      effectiveFrom: '2025-10-01',
    };
    const timeline = await listVersionRows(trx, abolished);
    const plan = planAbolition(timeline, decision, false);
    if (plan.ok) {
      for (const change of plan.changes) {
        if (change.effectiveTo) {
          await closeVersion(trx, change.id, 'abolished', change.effectiveTo);
        }
      }
      await markProcedureAbolished(trx, abolished, decision);
    }
  }
}
