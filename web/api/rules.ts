// Legal rule sets: the public list, and the administrator's "add from a day on".
import type { NewRuleSet, StoredRuleSetView } from '../../src/modules/rules/rule-sets.schemas.ts';
import { request } from './client.ts';

export type { NewRuleSet, StoredRuleSetView };

export const rulesApi = {
  list: () => request<{ items: StoredRuleSetView[] }>('GET', '/api/v1/rule-sets'),
  add: (body: NewRuleSet) => request<StoredRuleSetView>('POST', '/api/v1/admin/rule-sets', body),
};
