// Demo processes (issue 7): Cấp Phiếu LLTP at Sở Tư pháp goes desk (tiepnhan) → specialist
// (chuyenvien.stp) → unit head (truongphong.stp) → agency leader signs (lanhdao.stp) → desk confirms
// and returns; ten more procedures get the same shape with allotments within their time limit.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { StoredStep } from '../processing/process.repository.ts';

const DAY = 480;

/** The standard five steps, sharing `total` working minutes (desk 5 %, specialist 50 %, head 20 %, leader 15 %, desk 10 %). */
export function standardSteps(total: number): StoredStep[] {
  const part = (share: number) => Math.max(30, Math.floor((total * share) / 30) * 30);
  return [
    {
      key: 'tiep_nhan',
      name: { vi: 'Tiếp nhận, chuyển hồ sơ', en: 'Reception and transfer' },
      role: 'desk_officer',
      unit: { kind: 'desk' },
      allottedMinutes: part(0.05),
      signature: false,
      paperCheck: true,
    },
    {
      key: 'tham_dinh',
      name: { vi: 'Chuyên viên thẩm định, đề xuất', en: 'Specialist reviews and proposes' },
      role: 'specialist',
      unit: { kind: 'performing_agency' },
      allottedMinutes: part(0.5),
      allottedMinutesOnline: part(0.45),
      signature: false,
      paperCheck: true,
    },
    {
      key: 'xem_xet',
      name: { vi: 'Trưởng phòng xem xét', en: 'Unit head reviews' },
      role: 'unit_head',
      unit: { kind: 'performing_agency' },
      allottedMinutes: part(0.2),
      signature: false,
    },
    {
      key: 'ky_duyet',
      name: { vi: 'Lãnh đạo Sở ký duyệt', en: 'Agency leader signs' },
      role: 'agency_leader',
      unit: { kind: 'performing_agency' },
      allottedMinutes: part(0.15),
      signature: true,
    },
    {
      key: 'tra_ket_qua',
      name: { vi: 'Xác nhận và trả kết quả', en: 'Confirm and return the result' },
      role: 'desk_officer',
      unit: { kind: 'desk' },
      allottedMinutes: part(0.1),
      signature: false,
    },
  ];
}

export async function seedDemoProcesses(trx: Transaction<Database>, now = new Date()): Promise<number> {
  const versions = await trx
    .selectFrom('procedureVersions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedureId')
    .select(['p.id', 'p.localCode', 'v.timeValue', 'v.timeUnit', 'v.onlineTimeValue'])
    .where('v.status', '=', 'published')
    .where('v.timeUnit', 'in', ['working_days', 'working_hours'])
    .where('v.timeValue', '>', 0)
    .orderBy(trxOrder)
    .execute();
  const chosen = [
    ...versions.filter((v) => v.localCode === 'AH-LLTP-01'),
    ...versions.filter((v) => v.localCode !== 'AH-LLTP-01').slice(0, 10),
  ];
  const processes = [];
  const processVersions = [];
  for (const v of chosen) {
    const limit = (value: number) => (v.timeUnit === 'working_days' ? value * DAY : value * 60);
    const total = Math.min(limit(v.timeValue), limit(v.onlineTimeValue ?? v.timeValue));
    const processId = randomUUID();
    processes.push({ id: processId, procedureId: v.id, agencyId: null });
    processVersions.push({
      id: randomUUID(),
      processId,
      versionNo: 1,
      status: 'published' as const,
      steps: JSON.stringify(standardSteps(total)),
      decisionRef: 'QĐ 1234/QĐ-UBND (demo)',
      decisionDate: '2026-01-05',
      publishedAt: now,
    });
  }
  if (processes.length > 0) {
    await trx.insertInto('processes').values(processes).execute();
    await trx.insertInto('processVersions').values(processVersions).execute();
  }
  return processes.length;
}

const trxOrder = 'p.localCode' as const;
