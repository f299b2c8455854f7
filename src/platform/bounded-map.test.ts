import { describe, expect, it } from 'vitest';
import { setBounded } from './bounded-map.ts';

describe('setBounded', () => {
  it('keeps at most the limit, dropping the entry set longest ago', () => {
    const map = new Map<string, number>();
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) {
      setBounded(map, key, i, 3);
    }
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
  });

  it('setting a key again makes it the newest and drops nothing', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    setBounded(map, 'a', 10, 3);
    expect([...map.entries()]).toEqual([
      ['b', 2],
      ['c', 3],
      ['a', 10],
    ]);
    setBounded(map, 'd', 4, 3);
    expect([...map.keys()]).toEqual(['c', 'a', 'd']);
  });
});
