import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffVersions } from './diff.ts';

describe('[R4] diff between two versions', () => {
  it('names each changed, added and removed field by path', () => {
    const before = {
      name: 'Đăng ký khai sinh',
      processingTime: { value: 3, unit: 'working_days' },
      fees: [{ name: 'Lệ phí', amountVnd: 5000 }],
      components: [
        { key: 'to-khai', name: 'Tờ khai', quantity: 1 },
        { key: 'giay-chung-sinh', name: 'Giấy chứng sinh', quantity: 1 },
      ],
    };
    const after = {
      name: 'Đăng ký khai sinh',
      processingTime: { value: 1, unit: 'working_days' },
      fees: [{ name: 'Lệ phí', amountVnd: 0 }],
      components: [
        { key: 'giay-chung-sinh', name: 'Giấy chứng sinh', quantity: 2 },
        { key: 'uy-quyen', name: 'Văn bản ủy quyền', quantity: 1 },
      ],
      requirements: ['Có mặt khi nhận kết quả'],
    };
    expect(diffVersions(before, after)).toEqual([
      { path: 'components[to-khai]', kind: 'removed', before: before.components[0] },
      { path: 'components[giay-chung-sinh].quantity', kind: 'changed', before: 1, after: 2 },
      { path: 'components[uy-quyen]', kind: 'added', after: after.components[1] },
      { path: 'fees[0].amountVnd', kind: 'changed', before: 5000, after: 0 },
      { path: 'processingTime.value', kind: 'changed', before: 3, after: 1 },
      { path: 'requirements', kind: 'added', after: ['Có mặt khi nhận kết quả'] },
    ]);
  });

  it('is empty exactly when both versions are equal (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(diffVersions(a, a)).toEqual([]);
        if (same) {
          expect(diffVersions(a, b)).toEqual([]);
        }
      }),
    );
  });

  it('turns the change around when the versions are swapped (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const forward = diffVersions(a, b);
        const backward = diffVersions(b, a);
        expect(backward.map((d) => d.path).sort()).toEqual(forward.map((d) => d.path).sort());
        const flip = { added: 'removed', removed: 'added', changed: 'changed' } as const;
        for (const entry of forward) {
          const mirrored = backward.find((d) => d.path === entry.path);
          expect(mirrored?.kind).toBe(flip[entry.kind]);
        }
      }),
    );
  });
});
