// @vitest-environment happy-dom
// The shared e-form renderer (TT 32/2017 Đ8): fields in layout order with labels, conditional fields
// appear only when their condition holds, prefill fills from the profile without overwriting.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { EformLayout, EformSchema } from '../../../src/domain/catalogue/eform.ts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { EformRenderer } from './EformRenderer.tsx';

const schema: EformSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    hoTen: { type: 'string', minLength: 1 },
    nopThay: { type: 'boolean' },
    nguoiUyQuyen: { type: 'string' },
    soLuong: { type: 'integer', minimum: 1 },
  },
  required: ['hoTen'],
};
const layout: EformLayout = {
  title: { vi: 'Tờ khai thử', en: 'Test form' },
  fields: [
    {
      name: 'hoTen',
      label: { vi: 'Họ tên', en: 'Full name' },
      prefill: 'fullName',
      help: { vi: 'Như trên thẻ', en: 'As on the card' },
    },
    { name: 'nopThay', label: { vi: 'Nộp thay', en: 'On behalf' } },
    {
      name: 'nguoiUyQuyen',
      label: { vi: 'Người ủy quyền', en: 'Principal' },
      showIf: { field: 'nopThay', equals: true },
    },
    { name: 'soLuong', label: { vi: 'Số lượng', en: 'Copies' } },
  ],
};

function Harness({ errors }: { errors?: Record<string, string> }) {
  const [data, setData] = useState<Record<string, unknown>>({});
  return (
    <I18nProvider>
      <EformRenderer
        schema={schema}
        layout={layout}
        data={data}
        onChange={setData}
        errors={errors}
        profile={{ fullName: 'Nguyễn Văn An' }}
      />
      <output data-testid="data">{JSON.stringify(data)}</output>
    </I18nProvider>
  );
}

describe('[TT 32/2017 Đ8] e-form renderer', () => {
  it('renders labelled fields with help, shows a conditional field only when it applies, and prefills', async () => {
    render(<Harness errors={{ hoTen: 'Vui lòng nhập "Họ tên".' }} />);
    expect(screen.getByRole('group', { name: 'Tờ khai thử' })).toBeTruthy();
    const name = screen.getByLabelText(/Họ tên/) as HTMLInputElement;
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain('help');
    expect(screen.queryByLabelText('Người ủy quyền')).toBeNull();
    await act(async () => fireEvent.click(screen.getByLabelText('Nộp thay')));
    expect(screen.getByLabelText('Người ủy quyền')).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByLabelText('Số lượng'), { target: { value: '3' } }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Điền sẵn từ hồ sơ cá nhân' })));
    expect(JSON.parse(screen.getByTestId('data').textContent ?? '{}')).toEqual({
      nopThay: true,
      soLuong: 3,
      hoTen: 'Nguyễn Văn An',
    });
  });
});
