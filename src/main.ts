// The server process: starts the whole system and shuts it down gracefully on SIGTERM/SIGINT
// (stop accepting, finish requests in flight, stop workers, close the database).
import { ConfigError, describeConfig, loadConfig } from './platform/config/config.ts';
import { createLogger } from './platform/logging/logger.ts';
import { startSystem } from './system.ts';

const startedAt = performance.now();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`MotCua: invalid configuration. ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
const logger = createLogger(config);
logger.info({ config: describeConfig(config) }, 'starting MotCua');

try {
  const system = await startSystem(config, { logger });
  await system.app.listen({ port: config.port, host: config.host });
  logger.info(
    { url: config.publicUrl, startupMs: Math.round(performance.now() - startedAt) },
    `MotCua is ready: ${config.publicUrl} (back office: ${config.publicUrl}/admin/)`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    timer.unref();
    system.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  logger.fatal({ err: error }, 'MotCua could not start');
  process.exit(1);
}
