import { seedDemo } from '../../modules/demo/seed-demo.ts';
import { encryptLegacyPlaintext } from '../../modules/system/encrypt-legacy-plaintext.ts';
import type { Config } from '../../platform/config/config.ts';
import { openBlobStores, startDataProtection } from '../../platform/crypto/start.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { withDatabase } from './with-database.ts';

export async function runSeedDemo(config: Config, out: (line: string) => void): Promise<number> {
  if (config.env === 'production') {
    out('Từ chối: không nạp dữ liệu trình diễn khi NODE_ENV=production / refused in production');
    return 2;
  }
  const { seeded } = await withDatabase(config, async (handle) => {
    await migrateToLatest(handle.db);
    const protection = startDataProtection(config);
    const seeded = await seedDemo(handle.db, { blobs: openBlobStores(config, protection).blobs });
    await encryptLegacyPlaintext(handle.db, protection);
    return seeded;
  });
  out(
    seeded
      ? 'Đã nạp dữ liệu trình diễn / demo data loaded'
      : 'Dữ liệu trình diễn đã có sẵn / demo data already present',
  );
  return 0;
}
