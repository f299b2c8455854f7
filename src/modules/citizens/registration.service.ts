// Citizen and organisation accounts (R8): sign-up with a phone number or e-mail verified by a
// one-time code, and password reset by code. Answers never reveal whether an account exists: an
// existing address gets a notice instead of a code, and the caller sees the same reply.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  localOutboxSender,
  type NotificationSender,
} from '../../adapters/notifications/notification-sender.ts';
import {
  isValidTaxCode,
  normalizeEmail,
  normalizeLoginName,
  normalizePhone,
} from '../../domain/identity/identifiers.ts';
import { cleanLine } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { destroyUserSessions } from '../../platform/http/session-store.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { findUserByLoginName } from '../auth/auth.repository.ts';
import { clearThrottle } from '../auth/login-throttle.ts';
import { assertPasswordAcceptable, hashPassword } from '../auth/password.ts';
import { citizenErrors } from './citizens.errors.ts';
import type { RegisterBody } from './citizens.schemas.ts';
import { CODE_TTL_SECONDS, consumeCode, issueCode } from './one-time-codes.ts';

const sender: NotificationSender = localOutboxSender;

export interface CodeSent {
  username: string;
  channel: 'sms' | 'email';
  destination: string;
  expiresInSeconds: number;
  simulated: boolean;
}

function parseContact(raw: string): { username: string; channel: 'sms' | 'email' } {
  const phone = normalizePhone(raw);
  if (phone) {
    return { username: phone, channel: 'sms' };
  }
  const email = normalizeEmail(raw);
  if (email) {
    return { username: email, channel: 'email' };
  }
  throw citizenErrors.badContact();
}

export function maskContact(contact: string): string {
  if (contact.includes('@')) {
    const [local = '', domain = ''] = contact.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return `${contact.slice(0, 4)}***${contact.slice(-3)}`;
}

function codeMessage(code: string, purpose: 'verify_contact' | 'reset_password') {
  const what = purpose === 'verify_contact' ? 'xác thực tài khoản' : 'đặt lại mật khẩu';
  return {
    subject: purpose === 'verify_contact' ? 'Mã xác thực tài khoản' : 'Mã đặt lại mật khẩu',
    body: `Mã ${what} Cổng dịch vụ công của bạn là ${code}. Mã có hiệu lực 10 phút. Không cung cấp mã này cho bất kỳ ai.`,
  };
}

async function sendCode(
  trx: Transaction<Database>,
  user: { id: string },
  purpose: 'verify_contact' | 'reset_password',
  contact: { username: string; channel: 'sms' | 'email' },
  now: Date,
): Promise<boolean> {
  const code = await issueCode(
    trx,
    { userId: user.id, purpose, channel: contact.channel, destination: contact.username },
    now,
  );
  if (!code) {
    return false;
  }
  const text = codeMessage(code, purpose);
  await sender.send(trx, {
    channel: contact.channel,
    recipient: contact.username,
    subject: contact.channel === 'email' ? text.subject : null,
    body: text.body,
    purpose: purpose === 'verify_contact' ? 'accounts.verify' : 'accounts.reset',
    userId: user.id,
  });
  return true;
}

export async function register(
  db: Db,
  body: RegisterBody,
  actor: Actor,
  now = new Date(),
): Promise<CodeSent> {
  const contact = parseContact(body.contact);
  const fullName = cleanLine(body.fullName);
  if (body.kind === 'organisation' && !body.organisation) {
    throw citizenErrors.organisationDetails();
  }
  if (body.organisation && !isValidTaxCode(body.organisation.taxCode)) {
    throw citizenErrors.taxCode();
  }
  assertPasswordAcceptable(body.password, [contact.username, fullName], 'password');
  const passwordHash = await hashPassword(body.password);
  const reply: CodeSent = {
    username: contact.username,
    channel: contact.channel,
    destination: maskContact(contact.username),
    expiresInSeconds: CODE_TTL_SECONDS,
    simulated: sender.simulated,
  };
  const sent = await db.transaction().execute(async (trx) => {
    const existing = await findUserByLoginName(trx, contact.username);
    if (existing && existing.status !== 'pending') {
      // Same reply as a new sign-up; the owner of the address is told instead.
      await sender.send(trx, {
        channel: contact.channel,
        recipient: contact.username,
        subject: contact.channel === 'email' ? 'Đăng ký tài khoản' : null,
        body: 'Có yêu cầu đăng ký tài khoản mới bằng số điện thoại/thư điện tử này, nhưng bạn đã có tài khoản. Nếu quên mật khẩu, hãy dùng chức năng "Quên mật khẩu".',
        purpose: 'accounts.exists',
        userId: existing.id,
      });
      return true;
    }
    const id = existing?.id ?? randomUUID();
    const values = {
      fullName,
      kind: body.kind,
      passwordHash,
      phone: contact.channel === 'sms' ? contact.username : null,
      email: contact.channel === 'email' ? contact.username : null,
      mustChangePassword: false,
      updatedAt: now,
    };
    if (existing) {
      await trx.updateTable('users').set(values).where('id', '=', id).execute();
    } else {
      await trx
        .insertInto('users')
        .values({ id, username: contact.username, status: 'pending', statusReason: 'unverified', ...values })
        .execute();
    }
    await trx
      .insertInto('accountProfiles')
      .values({
        userId: id,
        taxCode: body.organisation?.taxCode ?? null,
        representativeName: body.organisation ? cleanLine(body.organisation.representativeName) : null,
        representativeTitle: body.organisation?.representativeTitle
          ? cleanLine(body.organisation.representativeTitle)
          : null,
        updatedAt: now,
      })
      .onConflict((oc) =>
        oc.column('userId').doUpdateSet({
          taxCode: body.organisation?.taxCode ?? null,
          representativeName: body.organisation ? cleanLine(body.organisation.representativeName) : null,
          updatedAt: now,
        }),
      )
      .execute();
    await appendAudit(trx, {
      ...actor,
      actorId: null,
      actorLabel: contact.username,
      action: 'account.register',
      resourceType: 'user',
      resourceId: id,
      details: { kind: body.kind, channel: contact.channel, again: existing !== undefined },
    });
    return sendCode(trx, { id }, 'verify_contact', contact, now);
  });
  if (!sent) {
    throw citizenErrors.tooManyCodes();
  }
  return reply;
}

export async function resendVerification(db: Db, rawUsername: string, now = new Date()): Promise<CodeSent> {
  const contact = parseContact(rawUsername);
  const user = await findUserByLoginName(db, contact.username);
  if (user?.status === 'pending') {
    const sent = await db.transaction().execute((trx) => sendCode(trx, user, 'verify_contact', contact, now));
    if (!sent) {
      throw citizenErrors.tooManyCodes();
    }
  }
  return {
    username: contact.username,
    channel: contact.channel,
    destination: maskContact(contact.username),
    expiresInSeconds: CODE_TTL_SECONDS,
    simulated: sender.simulated,
  };
}

export async function verifyContact(
  db: Db,
  rawUsername: string,
  code: string,
  actor: Actor,
  now = new Date(),
) {
  const username = normalizeLoginName(rawUsername);
  const user = await findUserByLoginName(db, username);
  if (user?.status !== 'pending') {
    throw citizenErrors.codeInvalid();
  }
  // The guess is counted in its own transaction, so a wrong code still uses up an attempt.
  const ok = await db.transaction().execute((trx) => consumeCode(trx, user.id, 'verify_contact', code, now));
  if (!ok) {
    throw citizenErrors.codeInvalid();
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        status: 'active',
        statusReason: null,
        ...(user.phone === username ? { phoneVerifiedAt: now } : { emailVerifiedAt: now }),
        updatedAt: now,
      })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, {
      ...actor,
      actorId: user.id,
      actorLabel: user.username,
      action: 'account.verify',
      resourceType: 'user',
      resourceId: user.id,
    });
  });
}

export async function requestPasswordReset(db: Db, rawUsername: string, now = new Date()): Promise<CodeSent> {
  const contact = parseContact(rawUsername);
  const user = await findUserByLoginName(db, contact.username);
  // Officers are reset by their administrators (the reset must not bypass their second factor).
  if (user && user.kind !== 'officer' && user.status !== 'pending' && user.status !== 'disabled') {
    await db.transaction().execute((trx) => sendCode(trx, user, 'reset_password', contact, now));
  }
  return {
    username: contact.username,
    channel: contact.channel,
    destination: maskContact(contact.username),
    expiresInSeconds: CODE_TTL_SECONDS,
    simulated: sender.simulated,
  };
}

export async function confirmPasswordReset(
  db: Db,
  rawUsername: string,
  code: string,
  newPassword: string,
  actor: Actor,
  now = new Date(),
): Promise<void> {
  const username = normalizeLoginName(rawUsername);
  const user = await findUserByLoginName(db, username);
  if (!user || user.kind === 'officer') {
    throw citizenErrors.codeInvalid();
  }
  assertPasswordAcceptable(newPassword, [user.username, user.fullName, user.email ?? ''], 'newPassword');
  const ok = await db.transaction().execute((trx) => consumeCode(trx, user.id, 'reset_password', code, now));
  if (!ok) {
    throw citizenErrors.codeInvalid();
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where('id', '=', user.id)
      .execute();
    await clearThrottle(trx, username);
    await clearThrottle(trx, user.username);
    await appendAudit(trx, {
      ...actor,
      actorId: user.id,
      actorLabel: user.username,
      action: 'account.password_reset',
      resourceType: 'user',
      resourceId: user.id,
    });
  });
  await destroyUserSessions(db, user.id);
}
