import type { EntityTable } from 'dexie';
import type { SettingRecord } from './rows';

/**
 * The typed tables of the one database, by name. The platform's own here (the keyed `settings` rows of `storedRow`);
 * every other table is added by the room that owns it and its rows, beside their schemas:
 * `declare module '../db/tables' { interface Tables { jobs: EntityTable<JobRecord, 'key'> } }` (lib/jobs/records.ts).
 * The stores, indexes and migrations stay in `database.ts`: they work on raw objects and know no owner's row.
 */
export interface Tables {
  settings: EntityTable<SettingRecord, 'key'>;
}
