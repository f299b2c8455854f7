// Password policy (security goal 2; ASVS 6.2.1, 6.2.4, 6.2.5, 6.2.9, 6.2.11; TCVN 14423:2026
// 5.6.2.2 with MFA): at least 8 characters, up to 256 (≥ 64 required), no composition rules, not
// one of the 3,000 most common passwords, and no context word (the service, the province, the
// user's own name or username). Length is counted in characters after NFC, the only
// transformation applied to a password (goal 2). Pure: the server passes the blocklist.
import { foldVietnamese } from '../text/vietnamese.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** Words that make a password guessable anywhere MotCua runs (ASVS 6.2.11). */
export const SERVICE_CONTEXT_WORDS = [
  'motcua',
  'matkhau',
  'dichvucong',
  'dvc',
  'congdichvu',
  'ubnd',
  'quantri',
  'anhoa',
  'demo2026',
];

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'context';

export interface PasswordContext {
  /** Lower-case common passwords (the top-3,000 list). */
  blocklist: ReadonlySet<string>;
  /** Extra words: username, full name, e-mail local part, agency names. */
  words: readonly string[];
}

const squash = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]/g, '');

export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

export function checkPasswordPolicy(
  password: string,
  context: PasswordContext,
): { ok: true } | { ok: false; problem: PasswordProblem } {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return { ok: false, problem: 'too_short' };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { ok: false, problem: 'too_long' };
  }
  const lower = password.normalize('NFC').toLowerCase();
  if (context.blocklist.has(lower)) {
    return { ok: false, problem: 'common' };
  }
  const squashed = squash(password);
  // A password that is only a common one with digits or symbols around it is common too.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length >= 4 && context.blocklist.has(core)) {
    return { ok: false, problem: 'common' };
  }
  const words = [...SERVICE_CONTEXT_WORDS, ...context.words.flatMap((w) => w.split(/[\s.@_-]+/))]
    .map(squash)
    .filter((w) => w.length >= 4);
  if (words.some((word) => squashed.includes(word))) {
    return { ok: false, problem: 'context' };
  }
  return { ok: true };
}
