import fs from 'node:fs';
import path from 'node:path';
import { type Config, describeConfig } from '../../platform/config/config.ts';
import { serverVersion } from '../../platform/db/database.ts';
import { migrationState } from '../../platform/db/migrate.ts';
import { WEB_DIST_DIR } from '../../platform/http/web-static.ts';
import { withDatabase } from './with-database.ts';

/** Prints what an operator needs to see first; exits 1 when something would stop the server. */
export async function runDoctor(config: Config, out: (line: string) => void): Promise<number> {
  let problems = 0;
  out(`Node.js: ${process.version}`);
  out(`Cấu hình / configuration: ${JSON.stringify(describeConfig(config), null, 2)}`);
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.accessSync(config.dataDir, fs.constants.W_OK);
    out(`Thư mục dữ liệu / data directory: ${config.dataDir} (ghi được / writable)`);
  } catch {
    out(`LỖI / ERROR: không ghi được / not writable: ${config.dataDir}`);
    problems++;
  }
  const built = fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'));
  out(`Giao diện web / web apps: ${built ? 'đã build / built' : 'chưa build (npm run build) / not built'}`);
  await withDatabase(config, async (handle) => {
    out(
      `CSDL / database: ${handle.kind === 'pglite' ? 'PGlite (nhúng / embedded)' : 'PostgreSQL server'} ${await serverVersion(handle.db)}`,
    );
    const state = await migrationState(handle.db);
    out(`Migration đã áp dụng / applied: ${state.applied.length} (${state.applied.join(', ') || '-'})`);
    out(`Migration chờ / pending: ${state.pending.length} (${state.pending.join(', ') || '-'})`);
  });
  out(problems === 0 ? 'Kết quả / result: OK' : `Kết quả / result: ${problems} vấn đề / problem(s)`);
  return problems === 0 ? 0 : 1;
}
