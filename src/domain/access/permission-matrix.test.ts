import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionMatrixMarkdown } from './permission-matrix.ts';

describe('[goal 7, ASVS 8.1.1] the documented permission matrix is the shipped one', () => {
  it('docs/ACCESS.md carries exactly the matrix of the policy', () => {
    const doc = fs.readFileSync(new URL('../../../docs/ACCESS.md', import.meta.url), 'utf8');
    const between = /<!-- permission-matrix:start -->\n([\s\S]*?)\n<!-- permission-matrix:end -->/.exec(doc);
    expect(between?.[1], 'regenerate the table in docs/ACCESS.md from permissionMatrixMarkdown()').toBe(
      permissionMatrixMarkdown(),
    );
  });
});
