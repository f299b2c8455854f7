// Security goal 2: argon2id (m = 19 MiB, t = 2, p = 1). NFC is applied at set and at verify, the
// only transformation, so a Vietnamese password typed on an NFD keyboard still matches.
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

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
