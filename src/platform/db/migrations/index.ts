// The ordered list of migrations. Names sort in apply order; never rename or edit a shipped one.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_organisation.ts';
import * as m0003 from './0003_accounts.ts';
import * as m0004 from './0004_catalogue.ts';
import * as m0005 from './0005_calendar.ts';
import * as m0006 from './0006_accounts_sso.ts';
import * as m0008 from './0008_idempotency_and_codes.ts';
import * as m0009 from './0009_notifications.ts';
import * as m0010 from './0010_document_templates.ts';
import * as m0011 from './0011_rule_sets.ts';
import * as m0012 from './0012_files.ts';
import * as m0013 from './0013_dossiers.ts';
import * as m0015 from './0015_processes.ts';
import * as m0016 from './0016_encryption_at_rest.ts';
import * as m0017 from './0017_zns_templates.ts';
import * as m0018 from './0018_document_numbers.ts';
import * as m0019 from './0019_provider_tokens.ts';
import * as m0020 from './0020_inbound_events.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_organisation': m0002,
  '0008_idempotency_and_codes': m0008,
  '0011_rule_sets': m0011,
  '0012_files': m0012,
  '0013_dossiers': m0013,
  '0003_accounts': m0003,
  '0005_calendar': m0005,
  '0009_notifications': m0009,
  '0010_document_templates': m0010,
  '0006_accounts_sso': m0006,
  '0004_catalogue': m0004,
  '0015_processes': m0015,
  '0016_encryption_at_rest': m0016,
  '0017_zns_templates': m0017,
  '0018_document_numbers': m0018,
  '0019_provider_tokens': m0019,
  '0020_inbound_events': m0020,
};
