// Security goal 2: argon2id (m = 19 MiB, t = 2, p = 1). NFC is applied at set and at verify, the
// only transformation, so a Vietnamese password typed on an NFD keyboard still matches. The policy
// (length, top-3,000 list, context words) is the pure rule in src/domain/access/password-policy.ts.
import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import {
  checkPasswordPolicy,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
} from '../../domain/access/password-policy.ts';
import { AppError, type LocalizedText } from '../../platform/http/errors.ts';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const ARGON2ID = 2;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spend the same hashing work for an unknown user as for a wrong password (goal 4). */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('motcua-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

let blocklist: ReadonlySet<string> | undefined;

/** The top-3,000 list shipped in the repository (common-passwords.txt, MIT, see its header). */
export function commonPasswords(): ReadonlySet<string> {
  blocklist ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return blocklist;
}

const PROBLEMS: Record<PasswordProblem, LocalizedText> = {
  too_short: {
    vi: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  too_long: {
    vi: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
    en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  common: {
    vi: 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn một cụm từ dài hơn, khó đoán hơn.',
    en: 'This password is too common and easy to guess. Choose a longer, less predictable phrase.',
  },
  context: {
    vi: 'Mật khẩu không được chứa tên đăng nhập, họ tên, tên hệ thống hoặc tên tỉnh.',
    en: 'The password must not contain your username, your name, the name of the service or of the province.',
  },
};

/** Throws a field error when a new password breaks the policy (goal 2). */
export function assertPasswordAcceptable(password: string, words: readonly string[], field: string): void {
  const verdict = checkPasswordPolicy(password, { blocklist: commonPasswords(), words });
  if (!verdict.ok) {
    throw new AppError('PASSWORD_POLICY', 400, PROBLEMS[verdict.problem], field);
  }
}
