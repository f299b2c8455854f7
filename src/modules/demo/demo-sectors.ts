// Demo sector (ngành) and field (lĩnh vực) list. Sector codes are the ministries' level-1 identifier
// codes (QĐ 20/2020 as amended by QĐ 09/2025; legal digest §5: G01 Công an, G03 GD&ĐT, G09 Nội vụ,
// G10 NN&MT, G12 Tài chính, G15 Tư pháp, G17 Xây dựng, G18 Y tế), which production catalogues reuse.
// Field codes ("G15-HT") follow the observed "ministry-field" shape but are LOCAL codes: the official
// field list (reportedly in TT 03/2025/TT-VPCP) was not available to check (docs/CATALOGUE.md).
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Entry = [code: string, name: string, nameEn: string];

export const DEMO_SECTORS: Array<{ sector: Entry; fields: Entry[] }> = [
  {
    sector: ['G15', 'Tư pháp', 'Justice'],
    fields: [
      ['G15-HT', 'Hộ tịch', 'Civil status'],
      ['G15-CT', 'Chứng thực', 'Authentication'],
      ['G15-LLTP', 'Lý lịch tư pháp', 'Judicial records'],
      ['G15-HGCS', 'Hòa giải ở cơ sở', 'Grassroots mediation'],
    ],
  },
  {
    sector: ['G01', 'Công an', 'Public security'],
    fields: [
      ['G01-CT', 'Đăng ký, quản lý cư trú', 'Residence registration'],
      ['G01-CC', 'Cấp, quản lý căn cước', 'Identity cards'],
      ['G01-XNC', 'Quản lý xuất nhập cảnh', 'Immigration'],
      [
        'G01-ANTT',
        'Ngành, nghề kinh doanh có điều kiện về an ninh, trật tự',
        'Security-conditional businesses',
      ],
      ['G01-GPLX', 'Sát hạch, cấp giấy phép lái xe', 'Driving tests and licences'],
    ],
  },
  {
    sector: ['G17', 'Xây dựng', 'Construction'],
    fields: [
      ['G17-HDXD', 'Hoạt động xây dựng', 'Construction activities'],
      ['G17-NO', 'Nhà ở', 'Housing'],
    ],
  },
  {
    sector: ['G10', 'Nông nghiệp và Môi trường', 'Agriculture and Environment'],
    fields: [
      ['G10-DD', 'Đất đai', 'Land'],
      ['G10-MT', 'Môi trường', 'Environment'],
      ['G10-GN', 'Giảm nghèo', 'Poverty reduction'],
    ],
  },
  {
    sector: ['G12', 'Tài chính', 'Finance'],
    fields: [
      ['G12-HKD', 'Thành lập và hoạt động của hộ kinh doanh', 'Business households'],
      ['G12-DN', 'Thành lập và hoạt động doanh nghiệp', 'Enterprises'],
    ],
  },
  {
    sector: ['G03', 'Giáo dục và Đào tạo', 'Education and Training'],
    fields: [
      ['G03-GDMN', 'Giáo dục mầm non', 'Preschool education'],
      ['G03-GDPT', 'Giáo dục phổ thông', 'General education'],
    ],
  },
  {
    sector: ['G18', 'Y tế', 'Health'],
    fields: [
      ['G18-BTXH', 'Bảo trợ xã hội', 'Social protection'],
      ['G18-KCB', 'Khám bệnh, chữa bệnh', 'Medical examination and treatment'],
      ['G18-BHYT', 'Bảo hiểm y tế', 'Health insurance'],
    ],
  },
  {
    sector: ['G09', 'Nội vụ', 'Home Affairs'],
    fields: [['G09-NCC', 'Người có công', 'People with meritorious services']],
  },
];

/** Inserts the list; returns sector ids by code. */
export async function seedDemoSectors(trx: Transaction<Database>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let order = 0;
  for (const { sector, fields } of DEMO_SECTORS) {
    const sectorId = randomUUID();
    ids.set(sector[0], sectorId);
    await trx
      .insertInto('sectors')
      .values({
        id: sectorId,
        code: sector[0],
        name: sector[1],
        nameEn: sector[2],
        sortOrder: order++,
        updatedAt: new Date(),
      })
      .execute();
    for (const [code, name, nameEn] of fields) {
      const id = randomUUID();
      ids.set(code, id);
      await trx
        .insertInto('sectors')
        .values({ id, code, name, nameEn, parentId: sectorId, sortOrder: order++, updatedAt: new Date() })
        .execute();
    }
  }
  return ids;
}
