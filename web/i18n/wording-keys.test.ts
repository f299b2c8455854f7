// Every text an administrator can change on a form has a name on the wording screen, in both languages.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_CATALOGUE } from '../../src/modules/documents/templates/template-catalogue.ts';
import { WORDING_KEY_NAMES } from './wording-keys.ts';

describe('[issue 8] wording screen names', () => {
  it('names every text key of every form under every rule set', () => {
    const keys = new Set<string>();
    for (const definition of Object.values(TEMPLATE_CATALOGUE)) {
      for (const key of Object.keys(definition.texts)) {
        keys.add(key);
      }
      for (const texts of Object.values(definition.ruleSetTexts ?? {})) {
        for (const key of Object.keys(texts ?? {})) {
          keys.add(key);
        }
      }
    }
    const unnamed = [...keys].filter((key) => !WORDING_KEY_NAMES[key]?.vi || !WORDING_KEY_NAMES[key]?.en);
    expect(unnamed).toEqual([]);
    // No name for a key that no form has (a renamed key would leave one behind).
    expect(Object.keys(WORDING_KEY_NAMES).filter((key) => !keys.has(key))).toEqual([]);
  });
});
