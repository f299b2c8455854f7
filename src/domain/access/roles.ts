// The officer roles of issue 4 (R9–R11), combinable, each granted with a scope (an agency or unit,
// or the whole deployment). The permission policy (role × action × scope) builds on these names.
export const OFFICER_ROLES = [
  'system_admin',
  'unit_admin',
  'desk_officer',
  'specialist',
  'unit_head',
  'agency_leader',
  'procedure_control',
  'provincial_monitor',
  'statistics_viewer',
] as const;

export type OfficerRole = (typeof OFFICER_ROLES)[number];

export function isOfficerRole(value: string): value is OfficerRole {
  return (OFFICER_ROLES as readonly string[]).includes(value);
}
