// The demo province "tỉnh An Hòa" (fictional; level-1 code H99, which no real province uses):
// the provincial People's Committee, its Public Administration Service Centre, four departments
// with units, and six communes — the two-level shape most provinces have since 01/07/2025.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AgenciesTable, Database } from '../../platform/db/schema.ts';

interface DemoAgency {
  code: string;
  shortName?: string;
  name: string;
  nameEn: string;
  level: AgenciesTable['level'];
  kind: AgenciesTable['kind'];
  parent?: string;
  /** Code of the agency whose one-stop desk receives for this one. */
  desk?: string;
  address?: string;
  email?: string;
  hotline?: string;
}

const PROVINCE = '000.00.00.H99';
const CENTRE = '000.00.06.H99';

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: PROVINCE,
    shortName: 'ubndtinh',
    name: 'Ủy ban nhân dân tỉnh An Hòa',
    nameEn: 'People’s Committee of An Hoa Province',
    level: 'province',
    kind: 'committee',
    address: 'Số 1 đường Trần Hưng Đạo, phường Hòa Bình, tỉnh An Hòa',
    email: 'ubnd@anhoa.example.vn',
  },
  {
    code: CENTRE,
    shortName: 'ttpvhcc',
    name: 'Trung tâm Phục vụ hành chính công tỉnh An Hòa',
    nameEn: 'An Hoa Province Public Administration Service Centre',
    level: 'province',
    kind: 'service_centre',
    parent: PROVINCE,
    address: 'Số 8 đường Lê Lợi, phường Hòa Bình, tỉnh An Hòa',
    email: 'ttpvhcc@anhoa.example.vn',
    hotline: '0299 3800 000',
  },
  {
    code: '000.00.11.H99',
    shortName: 'stp',
    name: 'Sở Tư pháp',
    nameEn: 'Department of Justice',
    level: 'province',
    kind: 'department',
    parent: PROVINCE,
    desk: CENTRE,
    address: 'Số 12 đường Nguyễn Huệ, phường Hòa Bình, tỉnh An Hòa',
    email: 'stp@anhoa.example.vn',
    hotline: '0299 3800 111',
  },
  {
    code: '000.01.11.H99',
    name: 'Phòng Hành chính tư pháp',
    nameEn: 'Judicial Administration Division',
    level: 'province',
    kind: 'unit',
    parent: '000.00.11.H99',
  },
  {
    code: '000.02.11.H99',
    name: 'Phòng Bổ trợ tư pháp',
    nameEn: 'Judicial Support Division',
    level: 'province',
    kind: 'unit',
    parent: '000.00.11.H99',
  },
  {
    code: '000.03.11.H99',
    name: 'Văn phòng Sở Tư pháp',
    nameEn: 'Office of the Department of Justice',
    level: 'province',
    kind: 'unit',
    parent: '000.00.11.H99',
  },
  {
    code: '000.00.12.H99',
    shortName: 'sxd',
    name: 'Sở Xây dựng',
    nameEn: 'Department of Construction',
    level: 'province',
    kind: 'department',
    parent: PROVINCE,
    desk: CENTRE,
    address: 'Số 20 đường Hai Bà Trưng, phường Hòa Bình, tỉnh An Hòa',
    email: 'sxd@anhoa.example.vn',
    hotline: '0299 3800 222',
  },
  {
    code: '000.01.12.H99',
    name: 'Phòng Quản lý hoạt động xây dựng',
    nameEn: 'Construction Activities Division',
    level: 'province',
    kind: 'unit',
    parent: '000.00.12.H99',
  },
  {
    code: '000.02.12.H99',
    name: 'Phòng Quản lý nhà và thị trường bất động sản',
    nameEn: 'Housing and Real Estate Division',
    level: 'province',
    kind: 'unit',
    parent: '000.00.12.H99',
  },
  {
    code: '000.00.13.H99',
    shortName: 'snnmt',
    name: 'Sở Nông nghiệp và Môi trường',
    nameEn: 'Department of Agriculture and Environment',
    level: 'province',
    kind: 'department',
    parent: PROVINCE,
    desk: CENTRE,
    address: 'Số 35 đường Lý Thường Kiệt, phường Hòa Bình, tỉnh An Hòa',
    email: 'snnmt@anhoa.example.vn',
    hotline: '0299 3800 333',
  },
  {
    code: '000.01.13.H99',
    name: 'Phòng Quản lý đất đai',
    nameEn: 'Land Management Division',
    level: 'province',
    kind: 'unit',
    parent: '000.00.13.H99',
  },
  {
    code: '000.02.13.H99',
    name: 'Phòng Môi trường',
    nameEn: 'Environment Division',
    level: 'province',
    kind: 'unit',
    parent: '000.00.13.H99',
  },
  {
    code: '000.00.14.H99',
    shortName: 'sgddt',
    name: 'Sở Giáo dục và Đào tạo',
    nameEn: 'Department of Education and Training',
    level: 'province',
    kind: 'department',
    parent: PROVINCE,
    desk: CENTRE,
    address: 'Số 3 đường Phan Chu Trinh, phường Hòa Bình, tỉnh An Hòa',
    email: 'sgddt@anhoa.example.vn',
  },
  {
    code: '000.00.15.H99',
    shortName: 'syt',
    name: 'Sở Y tế',
    nameEn: 'Department of Health',
    level: 'province',
    kind: 'department',
    parent: PROVINCE,
    desk: CENTRE,
    address: 'Số 5 đường Pasteur, phường Hòa Bình, tỉnh An Hòa',
    email: 'syt@anhoa.example.vn',
  },
  ...commune('51', 'anphu', 'Ủy ban nhân dân xã An Phú', 'An Phu Commune People’s Committee'),
  ...commune('52', 'hoabinh', 'Ủy ban nhân dân phường Hòa Bình', 'Hoa Binh Ward People’s Committee'),
  ...commune('53', 'tanlap', 'Ủy ban nhân dân xã Tân Lập', 'Tan Lap Commune People’s Committee'),
  ...commune('54', 'phumy', 'Ủy ban nhân dân xã Phú Mỹ', 'Phu My Commune People’s Committee'),
  ...commune('55', 'thanhloi', 'Ủy ban nhân dân xã Thạnh Lợi', 'Thanh Loi Commune People’s Committee'),
  ...commune('56', 'binhminh', 'Ủy ban nhân dân phường Bình Minh', 'Binh Minh Ward People’s Committee'),
];

function commune(number: string, shortName: string, name: string, nameEn: string): DemoAgency[] {
  const place = name.replace('Ủy ban nhân dân ', '');
  return [
    {
      code: `000.00.${number}.H99`,
      shortName,
      name,
      nameEn,
      level: 'commune',
      kind: 'committee',
      parent: PROVINCE,
      address: `Trụ sở UBND ${place}, tỉnh An Hòa`,
      email: `${shortName}@anhoa.example.vn`,
    },
  ];
}

/** Inserts the demo tree; returns agency ids by code for the other demo seeds. */
export async function seedDemoOrganisation(trx: Transaction<Database>): Promise<Map<string, string>> {
  const ids = new Map(DEMO_AGENCIES.map((agency) => [agency.code, randomUUID()]));
  const idOf = (code: string | undefined) => (code ? (ids.get(code) ?? null) : null);
  for (const [index, agency] of DEMO_AGENCIES.entries()) {
    await trx
      .insertInto('agencies')
      .values({
        id: idOf(agency.code) ?? randomUUID(),
        code: agency.code,
        shortName: agency.shortName ?? null,
        name: agency.name,
        nameEn: agency.nameEn,
        level: agency.level,
        kind: agency.kind,
        parentId: idOf(agency.parent),
        deskAgencyId: idOf(agency.desk),
        address: agency.address ?? null,
        email: agency.email ?? null,
        hotline: agency.hotline ?? null,
        validFrom: '2025-07-01',
        sortOrder: index,
        updatedAt: new Date(),
      })
      .execute();
  }
  return ids;
}
