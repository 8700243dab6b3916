import type { AtsValues, StartDateGap } from '../connectors/types';
import type { CandidateRecord } from '../people/candidates';
import { startDateNote } from '../export/notes';
import type { ExportFields } from '../export/intents';
import { t } from './messages';

/**
 * Hired candidates as the popup shows them. One person can be stored more than once — captured from an ATS page
 * (`<adapter>:<page id>`) and pulled from the ATS API (`ats:<provider>:<id>`) — so records are grouped by email
 * (else by key), and a group counts as exported as soon as any of its records is. Pure: used by the popup's live
 * list and by the service worker's badge, so both always agree.
 *
 * What the popup keeps in a candidate record's `data` (besides what the export flow keeps there):
 * - `origin`: 'page' | 'ats' — where the record came from;
 * - `startDate`: YYYY-MM-DD, when a page showed one or the ATS keeps one (Kombo: the accepted offer);
 * - `startDateGap`: `{ gap, tool }`, why the ATS gives no start date (pulled records);
 * - `factorialCheckedAt`: when the email was looked up in Factorial HR;
 * - `inFactorial`: `{ employeeUrl, name? }` when someone with that email is already an employee there;
 * - `atsValues`: the ATS's custom fields and accepted offer (pulled records), for the admin's field mapping.
 */

export type HiredState = 'waiting' | 'exported' | 'in-factorial' | 'not-hired';

export interface HiredGroup {
  /** The record an export of this person goes through. */
  key: string;
  keys: string[];
  name: string;
  email?: string;
  jobTitle?: string;
  /** Where it came from, e.g. ["Demo ATS", "Greenhouse through Kombo"]. */
  sources: string[];
  fromAts: boolean;
  /** The best of every record's data, for the form. */
  fields: Partial<ExportFields>;
  /** What the ATS keeps beyond its standard fields (custom fields, the accepted offer), when pulled. */
  atsValues?: AtsValues;
  /** Why there is no start date, when the ATS said ("The accepted offer in Greenhouse has no start date."). */
  startDateNote?: string;
  state: HiredState;
  employeeUrl?: string;
  /** The email was already looked up in Factorial HR. */
  checkedInFactorial: boolean;
  capturedAt: string;
}

export const identityOf = (record: Pick<CandidateRecord, 'key' | 'email'>) => record.email?.trim().toLowerCase() || `key:${record.key}`;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export function groupCandidates(records: readonly CandidateRecord[]): HiredGroup[] {
  const byIdentity = new Map<string, CandidateRecord[]>();
  for (const record of records) {
    const id = identityOf(record);
    byIdentity.set(id, [...(byIdentity.get(id) ?? []), record]);
  }
  const groups: HiredGroup[] = [];
  for (const members of byIdentity.values()) {
    // The ATS's API is more trustworthy than a page's DOM; among equals the newest wins.
    const ordered = [...members].sort((a, b) => Number(b.data.origin === 'ats') - Number(a.data.origin === 'ats') || b.updatedAt.localeCompare(a.updatedAt));
    const first = (pick: (r: CandidateRecord) => unknown) => ordered.map((r) => text(pick(r))).find(Boolean);
    const exported = members.find((r) => r.exportedEmployeeId);
    const inFactorial = members.find((r) => r.data.inFactorial);
    const hired = members.filter((r) => r.hired);
    const state: HiredState = exported ? 'exported' : inFactorial ? 'in-factorial' : hired.length ? 'waiting' : 'not-hired';
    const representative = exported ?? [...(hired.length ? hired : members)].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.key.localeCompare(b.key))[0];
    const fields: Partial<ExportFields> = {
      firstName: first((r) => r.firstName),
      lastName: first((r) => r.lastName),
      email: first((r) => r.email),
      phone: first((r) => r.phone),
      jobTitle: first((r) => r.jobTitle),
      startDate: first((r) => r.data.startDate),
    };
    for (const name of Object.keys(fields) as (keyof ExportFields)[]) if (fields[name] === undefined) delete fields[name];
    const gap = fields.startDate ? undefined : ordered.map((r) => r.data.startDateGap as { gap?: StartDateGap; tool?: string } | undefined).find((g) => g?.gap && g.tool);
    const employeeUrl = exported ? text(exported.data.employeeUrl) : inFactorial ? text((inFactorial.data.inFactorial as { employeeUrl?: string }).employeeUrl) : undefined;
    groups.push({
      key: representative.key,
      keys: members.map((r) => r.key),
      name: [fields.firstName, fields.lastName].filter(Boolean).join(' ') || fields.email || t('unnamed'),
      email: fields.email,
      jobTitle: fields.jobTitle,
      sources: [...new Set(ordered.map((r) => r.source).filter(Boolean))],
      fromAts: members.some((r) => r.data.origin === 'ats'),
      fields,
      atsValues: ordered.map((r) => (r.data.kind === 'hire' ? r.data.atsValues : undefined)).find(Boolean),
      startDateNote: gap ? startDateNote(gap.gap!, gap.tool!) : undefined,
      state,
      employeeUrl,
      checkedInFactorial: members.some((r) => !!r.data.factorialCheckedAt),
      capturedAt: members.map((r) => r.capturedAt).sort()[0],
    });
  }
  // Newest hires first; ties by name so the list does not jump around.
  return groups.sort((a, b) => b.capturedAt.localeCompare(a.capturedAt) || a.name.localeCompare(b.name));
}

/** Hired, not exported, not already an employee: what the popup lists and the badge counts. */
export function waitingGroups(records: readonly CandidateRecord[]): HiredGroup[] {
  return groupCandidates(records).filter((group) => group.state === 'waiting');
}

export function badgeText(waiting: number): string {
  if (waiting <= 0) return '';
  return waiting > 99 ? '99+' : String(waiting);
}

/** Field names as people read them, for "Missing start date and legal entity." */
export const fieldWord = (field: Exclude<keyof ExportFields, 'customFields'>): string => t(field);
