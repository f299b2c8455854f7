import { verifyAuditChain } from '../../modules/audit/audit.repository.ts';
import type { Config } from '../../platform/config/config.ts';
import { withDatabase } from './with-database.ts';

/** R49: walks the hash chain; exit 1 and the first broken row when anything was altered. */
export async function runAuditVerify(config: Config, out: (line: string) => void): Promise<number> {
  const verdict = await withDatabase(config, (handle) => verifyAuditChain(handle.db));
  if (verdict.ok) {
    out(`Chuỗi nhật ký nguyên vẹn / audit chain intact: ${verdict.rows} bản ghi / rows`);
    return 0;
  }
  out(
    `CẢNH BÁO / ALERT: chuỗi nhật ký bị phá vỡ tại bản ghi / chain broken at row ${verdict.firstBrokenId} (${verdict.rows} rows verified before it)`,
  );
  return 1;
}
