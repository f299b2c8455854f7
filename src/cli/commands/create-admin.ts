import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../modules/auth/actor.ts';
import { findUserByUsername } from '../../modules/auth/auth.repository.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../modules/auth/password.ts';
import { createUser } from '../../modules/auth/users.service.ts';
import type { Config } from '../../platform/config/config.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { withDatabase } from './with-database.ts';

interface Options {
  username: string | undefined;
  fullName: string | undefined;
  email: string | undefined;
  password: string | undefined;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** A system administrator who must change the password at first sign-in (R9, goal 6). */
export async function runCreateAdmin(
  config: Config,
  out: (line: string) => void,
  options: Options,
): Promise<number> {
  const username = options.username?.normalize('NFC').trim().toLowerCase();
  const fullName = options.fullName?.normalize('NFC').trim();
  if (!username || !USERNAME.test(username) || !fullName) {
    out(
      'Cần --username (a-z, 0-9, . _ -, 3–64 ký tự) và --full-name / --username and --full-name are required',
    );
    return 2;
  }
  const generated = options.password === undefined;
  const password = options.password ?? randomBytes(12).toString('base64url');
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    out(
      `Mật khẩu phải dài ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} ký tự / password length ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH}`,
    );
    return 2;
  }
  return withDatabase(config, async (handle) => {
    await migrateToLatest(handle.db);
    if (await findUserByUsername(handle.db, username)) {
      out(`Tài khoản ${username} đã tồn tại / already exists`);
      return 1;
    }
    await handle.db.transaction().execute((trx) =>
      createUser(
        trx,
        {
          username,
          fullName,
          email: options.email ?? null,
          kind: 'officer',
          password,
          mustChangePassword: true,
          roles: [{ role: 'system_admin', scopeId: null }],
        },
        { ...SYSTEM_ACTOR, actorLabel: 'cli' },
      ),
    );
    out(`Đã tạo quản trị hệ thống / created system administrator: ${username}`);
    if (generated) {
      out(`Mật khẩu tạm thời (đổi khi đăng nhập lần đầu) / temporary password: ${password}`);
    }
    return 0;
  });
}
