// R38 on real dossiers: SMS lookups answer with the code, the national status name and the
// appointment, for every tolerated spelling of the message; unknown codes and garbage get helpful
// replies. The chat (Zalo OA) channel, with the same parser, is in channels-zalo.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_NAMES } from '../../src/domain/dossier/status.ts';
import { formatAppointment } from '../../src/domain/lookup/lookup-reply.ts';
import { act, deskDossier, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let code: string;
let dueAt: Date;

const post = (channel: 'sms', payload: Record<string, unknown>) =>
  system.app.inject({
    method: 'POST',
    url: `/api/v1/channels/${channel}/inbound`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

beforeAll(async () => {
  system = await startTestSystem({ MOTCUA_SMS_QUIET_HOURS: 'off', MOTCUA_LOOKUPS_PER_NUMBER_PER_HOUR: '40' });
  const { body } = await deskDossier(system);
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
