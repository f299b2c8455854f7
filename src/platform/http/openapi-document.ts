// Builds the whole application on a throwaway in-memory database, only to read the OpenAPI
// document its routes declare (used by `npm run openapi` and the drift test).
import os from 'node:os';
import path from 'node:path';
import { startSystem } from '../../system.ts';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { createLogger } from '../logging/logger.ts';

export async function openApiDocument(): Promise<unknown> {
  const dataDir = path.join(os.tmpdir(), `motcua-openapi-${process.pid}`);
  const config = loadConfig({
    NODE_ENV: 'test',
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_DEMO: 'false',
    MOTCUA_WORKERS: 'false',
    LOG_LEVEL: 'silent',
  });
  const database = await openDatabase(config.database, { inMemory: true });
  const system = await startSystem(config, { logger: createLogger(config), database, webDistDir: dataDir });
  try {
    await system.app.ready();
    return system.app.swagger();
  } finally {
    await system.close();
  }
}
