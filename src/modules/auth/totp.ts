// The second factor (goal 3; ASVS 6.5.1, 6.5.4, 6.5.5): RFC 6238 TOTP, 6 digits, 30-second steps,
// ±1 step of clock skew, and never the same step twice (the last accepted step is stored and the
// update is guarded, so two parallel requests with one code cannot both win).
import { generateSecret, generateURI, verify } from 'otplib';
import type { Db } from '../../platform/db/database.ts';

export const TOTP_ISSUER = 'MotCua';
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret, period: PERIOD_SECONDS, digits: 6 });
}

/** The time step a code matches (±1 step), or null. */
export async function matchTotp(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep?: number | null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: PERIOD_SECONDS,
      ...(afterTimeStep !== null && afterTimeStep !== undefined ? { afterTimeStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Checks an enrolled user's code and consumes its time step (single use). */
export async function verifyTotpCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select(['totpSecret', 'totpLastStep'])
    .where('id', '=', userId)
    .where('totpEnabledAt', 'is not', null)
    .executeTakeFirst();
  if (!row?.totpSecret) {
    return false;
  }
  const step = await matchTotp(row.totpSecret, code, now, row.totpLastStep);
  if (step === null) {
    return false;
  }
  const consumed = await db
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(consumed.numUpdatedRows) === 1;
}
