// @vitest-environment happy-dom
// An e-form's answers as a person reads them (review step, desk check): labels not field names,
// dd/mm/yyyy dates, choices by label, Có/Không for check boxes, and answers the layout does not name.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EformLayout, EformSchema } from '../../../src/domain/catalogue/eform.ts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { EformAnswers } from './EformAnswers.tsx';

const schema: EformSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    hoTen: { type: 'string' },
    ngaySinh: { type: 'string', format: 'date' },
    gioiTinh: { type: 'string', enum: ['nam', 'nu'] },
    nopThay: { type: 'boolean' },
  },
};
const layout: EformLayout = {
  title: { vi: 'Tờ khai', en: 'Form' },
  fields: [
    { name: 'hoTen', label: { vi: 'Họ và tên', en: 'Full name' } },
    { name: 'ngaySinh', label: { vi: 'Ngày sinh', en: 'Date of birth' } },
    {
      name: 'gioiTinh',
      label: { vi: 'Giới tính', en: '' },
      optionLabels: [
        { vi: 'Nam', en: 'Male' },
        { vi: 'Nữ', en: 'Female' },
      ],
    },
    { name: 'nopThay', label: { vi: 'Nộp thay', en: 'On behalf' } },
  ],
};

function pairs(): string[] {
  return [...document.querySelectorAll('dt')].map(
    (dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`,
  );
}

afterEach(cleanup);

describe('EformAnswers', () => {
  it('shows labels and readable values in Vietnamese', () => {
    render(
      <I18nProvider>
        <EformAnswers
          schema={schema}
          layout={layout}
          values={{
            hoTen: 'Nguyễn Thị Hoa',
            ngaySinh: '1990-03-07',
            gioiTinh: 'nu',
            nopThay: false,
            cu: 'x',
          }}
        />
      </I18nProvider>,
    );
    expect(pairs()).toEqual([
      'Họ và tên=Nguyễn Thị Hoa',
      'Ngày sinh=07/03/1990',
      'Giới tính=Nữ',
      'Nộp thay=Không',
      // Not in this layout (an older form version): shown by key, never dropped.
      'cu=x',
    ]);
    expect(screen.queryByText('1990-03-07')).toBeNull();
  });

  it('leaves out unanswered fields and falls back to Vietnamese where the English label is empty', () => {
    localStorage.setItem('motcua.lang', 'en');
    render(
      <I18nProvider>
        <EformAnswers schema={schema} layout={layout} values={{ gioiTinh: 'nam', nopThay: true }} />
      </I18nProvider>,
    );
    const shown = pairs();
    localStorage.removeItem('motcua.lang');
    expect(shown).toEqual(['Giới tính=Male', 'On behalf=Yes']);
  });
});
