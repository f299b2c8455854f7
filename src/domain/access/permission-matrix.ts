// The permission matrix as a Markdown table, generated from the policy itself: docs/ACCESS.md
// carries it, and a test fails when the document and the code disagree (ASVS 8.1.1).
import { ACTIONS, PROVINCIAL_ROLES, ROLE_PERMISSIONS } from './policy.ts';
import { OFFICER_ROLES } from './roles.ts';

export function permissionMatrixMarkdown(): string {
  const header = `| action | ${OFFICER_ROLES.map((r) => `\`${r}\``).join(' | ')} |`;
  const rule = `| --- | ${OFFICER_ROLES.map(() => ':-:').join(' | ')} |`;
  const rows = ACTIONS.map((action) => {
    const cells = OFFICER_ROLES.map((role) => {
      if (!ROLE_PERMISSIONS[role].includes(action)) {
        return '';
      }
      return PROVINCIAL_ROLES.includes(role) ? 'P' : 'S';
    });
    return `| \`${action}\` | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
