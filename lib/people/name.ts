/**
 * The one rule for splitting a full name someone's page shows into first and last name, used by Export to
 * FactorialHR, the hired list and Sync to ATS alike, so the same person gets the same first name everywhere.
 *
 * The first word is the first name and everything after it the last name ("María García López" → "María" /
 * "García López"): compound and double surnames (Spanish, Portuguese, "van der Berg") stay together, and they are
 * the more common case than a two-word first name. The forms show both fields, so a recruiter can move a word.
 */
export function splitFullName(fullName: string | undefined): { firstName?: string; lastName?: string } {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return {};
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') || undefined };
}

/** A YYYY-MM-DD day that exists: Date.parse accepts 2027-02-30, a real day survives the round trip. The one rule. */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** A day as pages and forms give it (YYYY-MM-DD), or undefined for anything else. */
export const isoDay = (value: string | undefined): string | undefined => (value && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined);
