import path from 'node:path';
import { seedDemo } from '../../modules/demo/seed-demo.ts';
import { createLocalBlobStore } from '../../platform/blobs/local-blob-store.ts';
import type { Config } from '../../platform/config/config.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { withDatabase } from './with-database.ts';

export async function runSeedDemo(config: Config, out: (line: string) => void): Promise<number> {
  if (config.env === 'production') {
    out('Từ chối: không nạp dữ liệu trình diễn khi NODE_ENV=production / refused in production');
    return 2;
  }
  const { seeded } = await withDatabase(config, async (handle) => {
    await migrateToLatest(handle.db);
    return seedDemo(handle.db, { blobs: createLocalBlobStore(path.join(config.dataDir, 'blobs')) });
  });
  out(
    seeded
      ? 'Đã nạp dữ liệu trình diễn / demo data loaded'
      : 'Dữ liệu trình diễn đã có sẵn / demo data already present',
  );
  return 0;
}
