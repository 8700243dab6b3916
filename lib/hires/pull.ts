import { liveQuery } from 'dexie';
import { logFailure } from '../activity';
import { atsToolName, withAts } from '../connections';
import type { HiredApplication } from '../connectors/types';
import { db } from '../db';
import { readAtsConnection, type ConnectionRecord } from '../connections/records';
import { atsName } from '../export';
import { usesCandidateCustomFields } from '../export/form';
import { readSettings } from '../settings';
import type { HiredPullView } from './intents';
import { readLastPullFinishedAt } from '../jobs/pull';
import { jobKey } from '../jobs/rules';
import { waitingGroups } from './groups';
import { afterJobPullRow, hiredPullRow, type HiredPullRecord } from './keys';
import { t } from './messages';
import { checkInFactorial } from './lookups';
import { hireRecord, sameRecord } from './records';
import { readJob } from '../jobs/records';

/** A popup opening right after another does not ask the ATS again. */
const MIN_PULL_INTERVAL_MS = 60_000;
/** Hired applications are few; this bounds a broken cursor, not real data (100 per page). */
const MAX_HIRED_PAGES = 50;

export function pulledSourceName(connection: Pick<ConnectionRecord, 'provider' | 'tool'>): string {
  if (connection.provider !== 'kombo') return atsToolName(connection)!;
  return t('throughKombo', { tool: atsToolName(connection) ?? t('yourAts') });
}

// pulled from the ATS API

async function storePulled(connection: ConnectionRecord, items: HiredApplication[], complete: boolean): Promise<number> {
  const provider = connection.provider;
  const source = pulledSourceName(connection);
  const now = new Date().toISOString();
  const database = db();
  const seen = new Set<string>();
  await database.transaction('rw', database.candidates, database.jobs, async () => {
    for (const item of items) {
      const c = item.candidate;
      const key = `ats:${provider}:${c.id}`;
      seen.add(key);
      const previous = await database.candidates.get(key);
      const jobTitle = item.jobName ?? (item.jobId ? (await readJob(jobKey(provider, item.jobId)))?.name : undefined);
      const next = hireRecord(
        key,
        previous,
        {
          source,
          firstName: c.firstName || previous?.firstName || '',
          lastName: c.lastName || previous?.lastName || '',
          email: c.email ?? previous?.email,
          phone: c.phone ?? previous?.phone,
          jobTitle: jobTitle ?? previous?.jobTitle,
        },
        {
          origin: 'ats',
          provider,
          atsCandidateId: c.id,
          remoteId: c.remoteId,
          applicationId: item.applicationId,
          jobId: item.jobId,
          // The ATS says they are an employee already (Factorial ATS: the application's employee_id).
          ...(item.employee && !(previous?.data.kind === 'hire' && previous.data.inFactorial) ? { inFactorial: { employeeUrl: item.employee.url } } : {}),
          // The ATS's start date (Kombo: the accepted offer), or why it has none, for the form and Export all.
          startDate: item.startDate,
          startDateGap: item.startDateGap && { gap: item.startDateGap, tool: atsName(connection) },
          // The ATS's custom fields and accepted offer, for the admin's field mapping.
          atsValues: item.atsValues && Object.keys(item.atsValues).length ? item.atsValues : undefined,
        },
        now,
      );
      for (const [k, v] of Object.entries(next.data)) if (v === undefined) delete next.data[k];
      if (!sameRecord(previous, next)) await database.candidates.put(next);
    }
    // A complete listing that no longer has someone: they left the Hired stage in the ATS.
    if (complete) {
      await database.candidates
        .filter((r) => r.data.origin === 'ats' && r.data.provider === provider && r.hired && !seen.has(r.key))
        .modify({ hired: false, updatedAt: now });
    }
  });
  return seen.size;
}

/** Every hired application the connected ATS lists, stored as candidates; null when no ATS is connected. */
async function pullHiredFromAts(): Promise<number | null> {
  if (!(await readAtsConnection())) return null;
  const candidateCustomFields = usesCandidateCustomFields((await readSettings()).values.fieldMapping);
  return withAts(async (ats, connection) => {
    const items: HiredApplication[] = [];
    let cursor: string | null = null;
    let complete = false;
    for (let page = 0; page < MAX_HIRED_PAGES; page++) {
      const result: { items: HiredApplication[]; next: string | null } = await ats.listHiredApplications({ cursor, candidateCustomFields });
      items.push(...result.items);
      if (!result.next || result.next === cursor) {
        complete = true;
        break;
      }
      cursor = result.next;
    }
    return storePulled(connection, items, complete);
  });
}

// refresh (popup opening, job pulls)

let refreshInFlight: { promise: Promise<HiredPullView>; force: boolean } | null = null;

async function readHiredPull(): Promise<HiredPullRecord | undefined> {
  return hiredPullRow.read();
}

/**
 * Pull hired applications from the ATS (unless just done) and look new people up in Factorial HR. One at a time:
 * a caller joins the refresh under way, except a forced one (a job pull just ended), which follows it.
 */
export function refreshHiredCandidates(opts: { force?: boolean } = {}): Promise<HiredPullView> {
  const current = refreshInFlight;
  if (current && (current.force || !opts.force)) return current.promise;
  const promise = (async (): Promise<HiredPullView> => {
    if (current) await current.promise.catch(() => undefined); // its caller has its failure; this refresh runs anyway
    const last = await readHiredPull();
    const pulls = !!opts.force || !last || Date.now() - Date.parse(last.at) >= MIN_PULL_INTERVAL_MS;
    let pulled = last?.pulled ?? 0;
    let ok = true;
    let message: string | undefined;
    if (pulls) {
      try {
        pulled = (await pullHiredFromAts()) ?? 0;
      } catch (error) {
        ok = false;
        message = t('hiredNotListed', { reason: error instanceof Error ? error.message : t('unknownError') });
      }
    }
    try {
      await checkInFactorial();
    } catch {
      // Factorial unreachable: people stay listed, and the export itself looks them up again.
    }
    const waiting = waitingGroups(await db().candidates.toArray()).length;
    if (!pulls) return { ...last!, waiting };
    const view: HiredPullView = { at: new Date().toISOString(), ok, message, pulled, waiting };
    await hiredPullRow.write(view);
    return view;
  })();
  refreshInFlight = { promise, force: !!opts.force };
  promise
    .finally(() => {
      if (refreshInFlight?.promise === promise) refreshInFlight = null;
    })
    .catch(() => undefined); // the returned promise carries the failure to the caller
  return promise;
}

/**
 * Every job pull (alarm, Sync now, a new connection, a catch-up at start-up) is followed by a hired pull. Watching
 * the last-pull record catches them all without each caller knowing; the marker makes it once per job pull.
 */
export function followJobPulls(): () => void {
  const subscription = liveQuery(() => readLastPullFinishedAt()).subscribe({
    next: (finishedAt) => {
      if (!finishedAt) return;
      void (async () => {
        const database = db();
        const due = await database.transaction('rw', database.settings, async () => {
          if ((await afterJobPullRow.read()) === finishedAt) return false;
          await afterJobPullRow.write(finishedAt);
          return true;
        });
        if (due) await refreshHiredCandidates({ force: true });
      })().catch(logFailure('export', 'hiredRefresh'));
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
