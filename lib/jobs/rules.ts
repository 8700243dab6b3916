import type { AtsJob } from '../connectors/types';
import type { JobRecord } from './records';
import type { Provider } from '../connections/records';

/**
 * The job rules of SPEC F3, as pure functions:
 * - a new job arrives Disabled (or Archived when the ATS already closed it);
 * - an Active job is frozen: pulls no longer overwrite its fields;
 * - a job closed, archived or deleted in the ATS becomes Archived, active or not;
 * - a job that comes back open after being archived returns Disabled, for an admin to look at again.
 */

export function jobKey(provider: Provider, vendorId: string): string {
  return `${provider}:${vendorId}`;
}

export function isGoneInAts(job: Pick<AtsJob, 'status' | 'deleted'>): boolean {
  return job.deleted || job.status === 'closed' || job.status === 'archived';
}

/** The fields a pull owns (everything but Hirebridge's own status and bookkeeping). */
function pulledFields(job: AtsJob) {
  return {
    vendorId: job.id,
    remoteId: job.remoteId,
    name: job.name,
    atsStatus: job.deleted ? 'deleted' : job.status,
    country: job.country,
    locationName: job.locationName,
    url: job.url,
    screeningQuestions: job.screeningQuestions as unknown[],
    changedAt: job.changedAt,
  };
}

function sameFields(a: ReturnType<typeof pulledFields>, b: JobRecord): boolean {
  return (
    a.vendorId === b.vendorId &&
    a.remoteId === b.remoteId &&
    a.name === b.name &&
    a.atsStatus === b.atsStatus &&
    a.country === b.country &&
    a.locationName === b.locationName &&
    a.url === b.url &&
    a.changedAt === b.changedAt &&
    JSON.stringify(a.screeningQuestions) === JSON.stringify(b.screeningQuestions)
  );
}

export type JobChange = 'added' | 'updated' | 'archived';

/** What a pulled job does to the stored one: the record to write and why, or null when nothing changes. */
export function applyPulledJob(
  existing: JobRecord | undefined,
  pulled: AtsJob,
  provider: Provider,
  now: string,
): { record: JobRecord; change: JobChange } | null {
  const fields = pulledFields(pulled);
  const gone = isGoneInAts(pulled);

  if (!existing) {
    return {
      record: { key: jobKey(provider, pulled.id), provider, ...fields, status: gone ? 'archived' : 'disabled', frozen: false, firstSeenAt: now, updatedAt: now },
      change: 'added',
    };
  }

  if (gone) {
    if (existing.status === 'archived' && (existing.frozen || sameFields(fields, existing))) return null;
    // An archived job is no longer offered, so its fields may follow the ATS again.
    return { record: { ...existing, ...fields, status: 'archived', frozen: false, updatedAt: now }, change: 'archived' };
  }

  if (existing.frozen) return null;

  const status = existing.status === 'archived' ? 'disabled' : existing.status;
  if (status === existing.status && sameFields(fields, existing)) return null;
  return { record: { ...existing, ...fields, status, updatedAt: now }, change: 'updated' };
}

/** A job the full listing no longer contains was deleted in the ATS. */
export function archiveMissing(existing: JobRecord, now: string): JobRecord | null {
  if (existing.status === 'archived') return null;
  return { ...existing, status: 'archived', atsStatus: 'deleted', frozen: false, updatedAt: now };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A complete listing at least this often, even when incremental pulls kept up (Kombo recommends a periodic full fetch). */
export const FULL_LISTING_EVERY_MS = 7 * DAY_MS;
/**
 * Margin before the API forgets a deletion: Kombo marks a job deleted at its own sync (later than the ATS) and keeps
 * the mark 14 days from then; a full listing once the watermark is 12 days old leaves room for a pull that fails.
 */
export const FORGET_MARGIN_MS = 2 * DAY_MS;

/**
 * Does this pull have to list every job (no `updated_after`) and archive what is absent? Always where the API has
 * no incremental filter; where it has one (Kombo), when there is no watermark, when the watermark is older than
 * what the API remembers of deletions (minus a margin), and once a week anyway.
 */
export function needsCompleteListing(opts: {
  incremental: boolean;
  forgetsDeletedAfterMs?: number;
  watermark?: string;
  lastCompleteAt?: string;
  now: number;
}): boolean {
  if (!opts.incremental || !opts.watermark) return true;
  const age = (at: string | undefined) => (at && !Number.isNaN(Date.parse(at)) ? opts.now - Date.parse(at) : Infinity);
  if (opts.forgetsDeletedAfterMs !== undefined && age(opts.watermark) >= opts.forgetsDeletedAfterMs - FORGET_MARGIN_MS) return true;
  return age(opts.lastCompleteAt) >= FULL_LISTING_EVERY_MS;
}
