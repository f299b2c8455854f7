// Structured JSON logs with UTC ISO timestamps and request ids (goal 22). Secrets never reach a
// log line: cookies, authorisation headers and any field named like a password or token are
// redacted; JSON encoding keeps CR/LF inside user text on one line.
import pino, { type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config/config.ts';

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.otp',
  '*.token',
  '*.secret',
  'password',
  'token',
];

export function loggerOptions(config: Pick<Config, 'logLevel'>): LoggerOptions {
  return {
    level: config.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'motcua' },
    formatters: { level: (label) => ({ level: label }) },
  };
}

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(config), destination) : pino(loggerOptions(config));
}
