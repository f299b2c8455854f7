import { describe, expect, it } from 'vitest';
import { checkEform, type Eform, effectiveSchema, isFieldVisible, visibleData } from './eform.ts';

const t = (vi: string) => ({ vi, en: vi });

const eform: Eform = {
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      hoTen: { type: 'string', minLength: 1 },
      coUyQuyen: { type: 'boolean' },
      nguoiUyQuyen: { type: 'string', minLength: 1 },
      soGiayUyQuyen: { type: 'string' },
    },
    required: ['hoTen', 'nguoiUyQuyen'],
  },
  layout: {
    title: t('Tờ khai'),
    fields: [
      { name: 'hoTen', label: t('Họ, chữ đệm, tên'), prefill: 'fullName' },
      { name: 'coUyQuyen', label: t('Có ủy quyền'), widget: 'checkbox' },
      { name: 'nguoiUyQuyen', label: t('Người được ủy quyền'), showIf: { field: 'coUyQuyen', equals: true } },
      { name: 'soGiayUyQuyen', label: t('Số văn bản'), showIf: { field: 'nguoiUyQuyen', equals: 'x' } },
    ],
  },
};

describe('[TT 32/2017 Đ8] e-form conditional fields', () => {
  it('a field is shown only when its condition holds, and hidden behind a hidden field', () => {
    expect(isFieldVisible(eform.layout, 'nguoiUyQuyen', {})).toBe(false);
    expect(isFieldVisible(eform.layout, 'nguoiUyQuyen', { coUyQuyen: true })).toBe(true);
    expect(isFieldVisible(eform.layout, 'soGiayUyQuyen', { coUyQuyen: false, nguoiUyQuyen: 'x' })).toBe(
      false,
    );
    expect(isFieldVisible(eform.layout, 'soGiayUyQuyen', { coUyQuyen: true, nguoiUyQuyen: 'x' })).toBe(true);
  });

  it('a hidden field is not required and its value is dropped', () => {
    expect(effectiveSchema(eform, {}).required).toEqual(['hoTen']);
    expect(effectiveSchema(eform, { coUyQuyen: true }).required).toEqual(['hoTen', 'nguoiUyQuyen']);
    expect(visibleData(eform.layout, { hoTen: 'A', coUyQuyen: false, nguoiUyQuyen: 'B' })).toEqual({
      hoTen: 'A',
      coUyQuyen: false,
    });
  });

  it('checks the layout against the schema', () => {
    expect(checkEform(eform)).toEqual([]);
    const broken: Eform = {
      schema: { ...eform.schema, required: ['khong'] },
      layout: {
        title: t('x'),
        fields: [
          { name: 'hoTen', label: t('a') },
          { name: 'hoTen', label: t('b') },
          { name: 'la', label: t('c'), showIf: { field: 'mat', equals: 1 } },
        ],
      },
    };
    expect(checkEform(broken).map((p) => p.path)).toEqual([
      'layout.fields[1].name',
      'layout.fields[2].name',
      'layout.fields[2].showIf.field',
      'schema.properties.coUyQuyen',
      'schema.properties.nguoiUyQuyen',
      'schema.properties.soGiayUyQuyen',
      'schema.required',
    ]);
  });
});

describe('[TT 32/2017 Đ8] prefill from the citizen profile', () => {
  it('fills empty fields that ask for a profile value and keeps what was typed', async () => {
    const { prefillEform } = await import('./eform.ts');
    expect(prefillEform(eform.layout, {}, { fullName: 'Nguyễn Văn An', phone: '0912' })).toEqual({
      hoTen: 'Nguyễn Văn An',
    });
    expect(prefillEform(eform.layout, { hoTen: 'Trần B' }, { fullName: 'Nguyễn Văn An' })).toEqual({
      hoTen: 'Trần B',
    });
  });
});
