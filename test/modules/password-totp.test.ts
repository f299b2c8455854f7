// Goal 2 (password policy and storage) and goal 3 (one-time codes) with the figures they name.
import fc from 'fast-check';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  assertPasswordAcceptable,
  commonPasswords,
  hashPassword,
  verifyPassword,
} from '../../src/modules/auth/password.ts';
import { matchTotp, newTotpSecret } from '../../src/modules/auth/totp.ts';

describe('[goal 2] password policy and storage', () => {
  it('3,000/3,000 listed common passwords are refused', () => {
    const list = [...commonPasswords()];
    expect(list).toHaveLength(3000);
    let refused = 0;
    for (const password of list) {
      try {
        assertPasswordAcceptable(password, [], 'password');
      } catch {
        refused++;
      }
    }
    expect(refused).toBe(3000);
  });

  it('an NFD-typed Vietnamese password verifies against its NFC hash in 1,000/1,000 generated cases', async () => {
    const letters = [...'aăâeêioôơuưyđ'].flatMap((l) => [l, l.toUpperCase()]);
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const syllable = fc
      .tuple(fc.constantFrom(...'bcdghklmnpqrstvx'), fc.constantFrom(...letters), fc.constantFrom(...tones))
      .map(([c, v, t]) => `${c}${v}${t}`.normalize('NFC'));
    const phrase = fc.array(syllable, { minLength: 3, maxLength: 6 }).map((s) => s.join(' '));
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(phrase, async (password) => {
        const stored = await hashPassword(password);
        expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
        if (await verifyPassword(stored, password.normalize('NFD'))) {
          matched++;
        }
      }),
      { numRuns: 1000 },
    );
    expect(matched).toBe(1000);
  }, 180_000);

  it('no truncation: passwords differing only in the 73rd or the 256th character do not match', async () => {
    const long = 'x'.repeat(255);
    const stored = await hashPassword(`${long}a`);
    expect(await verifyPassword(stored, `${long}b`)).toBe(false);
    const at73 = await hashPassword(`${'y'.repeat(72)}a tail`);
    expect(await verifyPassword(at73, `${'y'.repeat(72)}b tail`)).toBe(false);
  });
});

describe('[goal 3] TOTP codes: ±1 step, single use', () => {
  it('0 of 1,000 replayed or expired codes are accepted; current codes are', async () => {
    let accepted = 0;
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_700_000_000, max: 2_000_000_000 }),
        fc.integer({ min: 2, max: 100 }),
        async (epoch, stepsAgo) => {
          const secret = newTotpSecret();
          const now = new Date(epoch * 1000);
          const current = await generate({ secret, epoch });
          const step = await matchTotp(secret, current, now);
          if (step !== null) {
            valid++;
          }
          // Replay: the same code once its step has been used.
          if ((await matchTotp(secret, current, now, step)) !== null) {
            accepted++;
          }
          // Expired: a code from two or more steps ago.
          const old = await generate({ secret, epoch: epoch - stepsAgo * 30 });
          if (old !== current && (await matchTotp(secret, old, now)) !== null) {
            accepted++;
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(valid).toBe(500);
    expect(accepted).toBe(0);
  });
});
