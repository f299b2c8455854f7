// R38 on real dossiers: SMS and chat lookups answer with the code, the national status name and the
// appointment, for every tolerated spelling of the message; unknown codes and garbage get helpful
// replies; each number has its hourly allowance per channel (goals 10, 36). The chat reply also goes
// back to the user through the chat adapter (read from the local chat API).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_NAMES } from '../../src/domain/dossier/status.ts';
import { formatAppointment } from '../../src/domain/lookup/lookup-reply.ts';
import { act, getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let code: string;
let dueAt: Date;

const post = (channel: 'sms' | 'chat', payload: Record<string, unknown>) =>
  system.app.inject({
    method: 'POST',
    url: `/api/v1/channels/${channel}/inbound`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

beforeAll(async () => {
  system = await startTestSystem({ MOTCUA_SMS_QUIET_HOURS: 'off', MOTCUA_LOOKUPS_PER_NUMBER_PER_HOUR: '40' });
  const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
  const { body } = await postDossier(system, desk, {
    procedureId: procedure.id,
    channel: 'desk',
    applicant: { fullName: 'Phạm Thị Hồng Nhung', phone: '0987654321' },
    delivery: { method: 'desk' },
  });
  code = body.code;
  dueAt = new Date(body.dueAt);
});
afterAll(async () => system?.close());

const variants = () => {
  const lower = code.toLowerCase();
  const digits = code.replace(/[^0-9A-Za-z]/g, '');
  return [
    `TC ${code}`,
    `tc ${lower}`,
    `TC${code}`,
    `tc${lower}`,
    `TRACUU ${code}`,
    `tracuu${lower}`,
    `TRA CUU ${code}`,
    `Tra cứu ${code}`,
    `tra cứu: ${lower}.`.normalize('NFD'),
    `TC ${digits}`,
    `  TC   ${code}  `,
    code,
  ];
};

describe('[R38] SMS lookup on a real dossier', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])(
    'variant %i gets the code, status and appointment',
    async (i) => {
      const text = variants()[i] as string;
      const res = await post('sms', { from: `091200${String(i).padStart(4, '0')}`, text });
      expect(res.statusCode).toBe(200);
      const reply: string = res.json().reply;
      expect(reply, text).toContain(code);
      expect(reply).toContain(STATUS_NAMES[2].vi);
      expect(reply).toContain(formatAppointment(dueAt));
      expect(reply).toContain(`/tra-cuu?ma=${encodeURIComponent(code)}`);
      // Goal 10: nothing personal in the reply.
      expect(reply).not.toContain('Nhung');
      expect(reply).not.toContain('0987654321');
    },
  );

  it('an unknown but well-formed code, a malformed code and garbage get helpful replies', async () => {
    const unknown = code.replace(/-(\d{4})$/, '-9999');
    expect((await post('sms', { from: '0913000001', text: `TC ${unknown}` })).json().reply).toContain(
      `Không tìm thấy hồ sơ mã ${unknown}`,
    );
    expect((await post('sms', { from: '0913000001', text: 'TC 12345' })).json().reply).toContain(
      'không đúng định dạng',
    );
    expect((await post('sms', { from: '0913000001', text: 'TC' })).json().reply).toContain('Thiếu mã hồ sơ');
    for (const text of ['xin chào', '???', 'DK 123']) {
      expect((await post('sms', { from: '0913000001', text })).json().reply).toContain('Soạn TC <mã hồ sơ>');
    }
  });
});

describe('[R38] closed dossiers', () => {
  it('a refused dossier gets its status and no appointment', async () => {
    const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
    const citizen = await loginAs(system, '0912345678', 'Demo@2026');
    const { body } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    await act(system, desk, body.id, { action: 'refuse', reasons: ['Không thuộc thẩm quyền'] });
    const reply: string = (await post('sms', { from: '0914000001', text: `TC ${body.code}` })).json().reply;
    expect(reply).toContain(body.code);
    expect(reply).toContain(STATUS_NAMES[3].vi);
    expect(reply).not.toContain('Hẹn trả kết quả');
    expect(reply).not.toContain('Không thuộc thẩm quyền');
  });
});

describe('[R38] chat lookup through the chat adapter', () => {
  it('answers like SMS and sends the reply back to the user through the chat API', async () => {
    const res = await post('chat', {
      from: '0988000111',
      text: `tra cuu ${code.toLowerCase()}`,
      messageId: 'm-1',
    });
    expect(res.statusCode).toBe(200);
    const reply: string = res.json().reply;
    expect(reply).toContain(code);
    expect(reply).toContain(STATUS_NAMES[2].vi);
    const local = system.notifications.local.chat;
    expect(local).not.toBeNull();
    const sent = local?.messages.list().filter((m) => m.to === '84988000111') ?? [];
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toBe(reply);
    // The same message delivered twice by the chat app: one reply to the user (tracking id).
    await post('chat', { from: '0988000111', text: `tra cuu ${code.toLowerCase()}`, messageId: 'm-1' });
    expect(local?.messages.list().filter((m) => m.to === '84988000111')).toHaveLength(1);
  });

  it('garbage gets the syntax; a bad signature is refused; bodies outside the contract get 400', async () => {
    expect((await post('chat', { from: '0988000222', text: 'alo' })).json().reply).toContain('Soạn TC');
    const bad = await system.app.inject({
      method: 'POST',
      url: '/api/v1/channels/chat/inbound',
      headers: {
        'content-type': 'application/json',
        'x-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-signature': 'b'.repeat(64),
      },
      payload: JSON.stringify({ from: '0988000222', text: `TC ${code}` }),
    });
    expect(bad.statusCode).toBe(401);
    expect((await post('chat', { from: 'abc', text: 'TC' })).statusCode).toBe(400);
    expect((await post('chat', { from: '0988000222' })).statusCode).toBe(400);
  });

  it('[goal 36] each number has its own hourly allowance on chat: one notice, then silence', async () => {
    for (let i = 0; i < 40; i++) {
      expect((await post('chat', { from: '0988000333', text: `TC ${code}` })).json().reply).toContain(code);
    }
    expect((await post('chat', { from: '0988000333', text: `TC ${code}` })).json().reply).toContain(
      'quá nhiều lần',
    );
    expect((await post('chat', { from: '0988000333', text: `TC ${code}` })).json().reply).toBe('');
    expect(system.rawLogs.some((l) => l.includes('CHAT lookup rate limit exceeded'))).toBe(true);
  });
});
