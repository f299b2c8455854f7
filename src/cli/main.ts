// The operators' commands. Each opens the database named by the configuration (PGlite under
// MOTCUA_DATA_DIR, or DATABASE_URL), does one thing, prints what it did and exits non-zero on failure.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config/config.ts';
import { DataDirLockedError } from '../platform/db/pglite.ts';
import { runAuditVerify } from './commands/audit-verify.ts';
import { runCreateAdmin } from './commands/create-admin.ts';
import { runDoctor } from './commands/doctor.ts';
import { runKeysRetire, runKeysRotate, runKeysStatus } from './commands/keys.ts';
import { runMigrate } from './commands/migrate.ts';
import { runSeedDemo } from './commands/seed-demo.ts';

const USAGE = `MotCua — lệnh quản trị (operator commands)

Cách dùng / usage: npx motcua <command> [options]

  migrate                 Áp dụng các migration còn thiếu / apply pending migrations
  seed-demo               Nạp dữ liệu trình diễn (tỉnh An Hòa) / load the demo data
  create-admin            Tạo tài khoản quản trị hệ thống / create a system administrator
      --username <name>   (bắt buộc / required)
      --full-name <name>  (bắt buộc / required)
      --email <email>
      --password <pw>     (nếu bỏ trống: sinh ngẫu nhiên và in ra / generated and printed when omitted)
  doctor                  Kiểm tra cấu hình, CSDL, migration / check config, database, migrations
  audit verify            Kiểm tra chuỗi băm nhật ký / verify the audit hash chain (R49)
  keys status             Khóa chủ và số khóa dữ liệu / master keys and data keys per master key
  keys rotate             Thêm khóa chủ mới (tệp khóa) và bọc lại mọi khóa dữ liệu / new master key, re-wrap data keys
  keys rewrap             Bọc lại bằng khóa chủ hiện hành, không thêm khóa / re-wrap under the current key only
  keys retire --key-id <id>  Loại khóa chủ cũ khi không còn dùng / drop an unused old master key

Cấu hình qua biến môi trường (DATABASE_URL, MOTCUA_DATA_DIR, MOTCUA_MASTER_KEYS, …): xem README, docs/SECURITY.md.
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      'full-name': { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      'key-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (!command || values.help || command === 'help') {
    out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate':
      return runMigrate(config, out);
    case 'seed-demo':
      return runSeedDemo(config, out);
    case 'create-admin':
      return runCreateAdmin(config, out, {
        username: values.username,
        fullName: values['full-name'],
        email: values.email,
        password: values.password,
      });
    case 'doctor':
      return runDoctor(config, out);
    case 'audit':
      if (sub === 'verify') {
        return runAuditVerify(config, out);
      }
      break;
    case 'keys':
      if (sub === 'status') {
        return runKeysStatus(config, out);
      }
      if (sub === 'rotate') {
        return runKeysRotate(config, out);
      }
      if (sub === 'rewrap') {
        return runKeysRotate(config, out, false);
      }
      if (sub === 'retire') {
        return runKeysRetire(config, out, values['key-id']);
      }
      break;
    default:
      break;
  }
  process.stderr.write(`Lệnh không hợp lệ / unknown command: ${positionals.join(' ')}\n\n${USAGE}`);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
