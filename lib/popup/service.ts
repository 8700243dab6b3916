import { liveQuery } from 'dexie';
import { recordActivity } from '../activity';
import { withAts, withHr } from '../connections';
import { komboToolName } from '../connectors';
import type { HiredApplication } from '../connectors/types';
import { db, type CandidateRecord, type ConnectionRecord, type OperationRecord } from '../db';
import { atsName, candidateKey, completeDraft, employeeInFactorial, queueExport, type InFactorial } from '../export';
import { iconPaths, TOOLBAR_SIZES } from '../icons';
import { formCustomFields } from '../export/form';
import { readSettings } from '../settings';
import { factorialLookups } from '../export/lookups';
import type { ExportDraft, ExportFields, PageCandidate, PageCandidateStatus } from '../messaging/intents/export';
import type { BulkAnswers, BulkPlan, BulkPlanItem, BulkRunView, HiredPullView } from '../messaging/intents/popup';
import { onOperationChange, process, requeue } from '../outbox';
import { adapterById } from '../sites/adapters';
import { LAST_KEY, type PullSummary } from '../sync/jobPull';
import { jobKey } from '../sync/rules';
import { assessForExport as assess, type Assessed } from './assess';
import { badgeText, groupCandidates, identityOf, waitingGroups, type HiredGroup } from './groups';
import { AFTER_JOB_PULL_KEY, BULK_RUN_KEY, HIRED_PULL_KEY, type BulkRunRecord, type HiredPullRecord } from './keys';
import { t } from './messages';

/**
 * The popup's service-worker side: which hired candidates wait for export (captured from ATS pages, pulled from
 * the ATS API), the toolbar badge, and Export all — durable operations the worker owns, so closing the popup
 * does not stop them; the outbox paces the sends to the vendor's limits.
 */

class PublicError extends Error {
  constructor(readonly publicMessage: string) {
    super(publicMessage);
  }
}

/** A popup opening right after another does not ask the ATS again. */
const MIN_PULL_INTERVAL_MS = 60_000;
/** Hired applications are few; this bounds a broken cursor, not real data (100 per page). */
const MAX_HIRED_PAGES = 50;
/** Parallel email look-ups in Factorial (reads: not under the POST limit, but kept polite). */
const LOOKUP_CONCURRENCY = 4;
/** How long a page's buttons wait for the Factorial HR look-up before they show what is known. */
const PAGE_CHECK_WAIT_MS = 3_000;

export function pulledSourceName(connection: Pick<ConnectionRecord, 'provider' | 'tool'>): string {
  if (connection.provider !== 'kombo') return 'Factorial ATS';
  const tool = (connection.tool && komboToolName(connection.tool)) || t('yourAts');
  return t('throughKombo', { tool });
}

const splitName = (fullName: string | undefined) => {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') || undefined };
};
const isoDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined);

/** Only write what changed: every write wakes the live lists and the badge. */
function sameRecord(a: CandidateRecord | undefined, b: CandidateRecord): boolean {
  if (!a) return false;
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

async function mapPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------- captured from ATS pages

/**
 * What ATS pages showed: hired people are remembered for the popup (with a start date when the page had one);
 * someone the page now shows at another stage stops waiting. Someone already exported under another record
 * (pulled from the ATS, exported from the popup) is marked exported here too, and the page is told so.
 */
export async function capturePageCandidates(
  adapterId: string,
  candidates: readonly PageCandidate[],
  statuses: readonly PageCandidateStatus[],
): Promise<PageCandidateStatus[]> {
  const adapter = adapterById(adapterId);
  if (!adapter || !candidates.length) return [...statuses];
  const stateOf = new Map(statuses.map((s) => [s.siteCandidateId, s.state]));
  const now = new Date().toISOString();
  const database = db();
  const exportedNow = new Map<string, string | undefined>();
  await database.transaction('rw', database.candidates, async () => {
    const keys = candidates.map((c) => candidateKey(adapterId, c.siteCandidateId));
    const existing = await database.candidates.bulkGet(keys);
    const exportedByIdentity = new Map((await database.candidates.filter((r) => !!r.exportedEmployeeId).toArray()).map((r) => [identityOf(r), r]));
    const writes: CandidateRecord[] = [];
    candidates.forEach((page, i) => {
      const previous = existing[i];
      const state = stateOf.get(page.siteCandidateId);
      if (state === 'not-hired') {
        if (previous?.hired) writes.push({ ...previous, hired: false, updatedAt: now });
        return;
      }
      if (state !== 'exportable') return;
      const name = splitName(page.fullName);
      // What the export form already refined (from the ATS API) wins over a list row's text.
      const next: CandidateRecord = {
        key: keys[i],
        source: previous?.source || adapter.name,
        firstName: previous?.firstName || name.firstName || '',
        lastName: previous?.lastName || name.lastName || '',
        email: previous?.email || page.email || undefined,
        phone: previous?.phone || page.phone || undefined,
        jobTitle: previous?.jobTitle || page.jobTitle || undefined,
        hired: true,
        exportedEmployeeId: previous?.exportedEmployeeId,
        capturedAt: previous?.capturedAt ?? now,
        updatedAt: now,
        data: {
          ...(previous?.data ?? {}),
          origin: previous?.data.origin ?? 'page',
          adapterId,
          siteCandidateId: page.siteCandidateId,
          stage: page.stage ?? previous?.data.stage,
          startDate: isoDate(page.startDate) ?? previous?.data.startDate,
        },
      };
      for (const key of ['stage', 'startDate'] as const) if (next.data[key] === undefined) delete next.data[key];
      const sibling = exportedByIdentity.get(identityOf(next));
      if (sibling && !next.exportedEmployeeId) {
        next.exportedEmployeeId = sibling.exportedEmployeeId;
        next.data.employeeUrl = sibling.data.employeeUrl;
        exportedNow.set(page.siteCandidateId, typeof sibling.data.employeeUrl === 'string' ? sibling.data.employeeUrl : undefined);
      }
      if (!sameRecord(previous, next)) writes.push(next);
    });
    if (writes.length) await database.candidates.bulkPut(writes);
  });
  // The same rule as the popup's list and the export form: a hire already in Factorial HR is not offered an
  // Export. Each person's email is looked up once; the answer is kept on their records.
  const hiredKeys = candidates.filter((c) => stateOf.get(c.siteCandidateId) === 'exportable').map((c) => candidateKey(adapterId, c.siteCandidateId));
  const inFactorial = new Map<string, string | undefined>();
  if (hiredKeys.length) {
    // A slow or unreachable Factorial does not hold the page's buttons back: the look-up goes on and is kept,
    // and the export form (and the send itself) look again before anyone is created.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([checkInFactorial(hiredKeys).catch(() => []), new Promise((done) => (timer = setTimeout(done, PAGE_CHECK_WAIT_MS)))]);
    clearTimeout(timer);
    const groupOf = new Map(groupCandidates(await database.candidates.toArray()).flatMap((group) => group.keys.map((key) => [key, group] as const)));
    for (const key of hiredKeys) {
      const group = groupOf.get(key);
      if (group?.state === 'in-factorial') inFactorial.set(key, group.employeeUrl);
    }
  }
  return statuses.map((status): PageCandidateStatus => {
    const { siteCandidateId } = status;
    if (exportedNow.has(siteCandidateId)) return { siteCandidateId, state: 'exported', employeeUrl: exportedNow.get(siteCandidateId) };
    const key = candidateKey(adapterId, siteCandidateId);
    if (status.state === 'exportable' && inFactorial.has(key)) return { siteCandidateId, state: 'in-factorial', employeeUrl: inFactorial.get(key) };
    return status;
  });
}

// ---------------------------------------------------------------- pulled from the ATS API

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
      const jobTitle = item.jobName ?? (item.jobId ? (await database.jobs.get(jobKey(provider, item.jobId)))?.name : undefined);
      const next: CandidateRecord = {
        key,
        source,
        firstName: c.firstName || previous?.firstName || '',
        lastName: c.lastName || previous?.lastName || '',
        email: c.email ?? previous?.email,
        phone: c.phone ?? previous?.phone,
        jobTitle: jobTitle ?? previous?.jobTitle,
        hired: true,
        exportedEmployeeId: previous?.exportedEmployeeId,
        capturedAt: previous?.capturedAt ?? now,
        updatedAt: now,
        data: {
          ...(previous?.data ?? {}),
          origin: 'ats',
          provider,
          atsCandidateId: c.id,
          remoteId: c.remoteId,
          applicationId: item.applicationId,
          jobId: item.jobId,
          // The ATS says they are an employee already (Factorial ATS: the application's employee_id).
          ...(item.employee && !previous?.data.inFactorial ? { inFactorial: { employeeUrl: item.employee.url } } : {}),
          // The ATS's start date (Kombo: the accepted offer), or why it has none, for the form and Export all.
          startDate: item.startDate,
          startDateGap: item.startDateGap && { gap: item.startDateGap, tool: atsName(connection) },
        },
      };
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
  if (!(await db().connections.get('ats'))) return null;
  return withAts(async (ats, connection) => {
    const items: HiredApplication[] = [];
    let cursor: string | null = null;
    let complete = false;
    for (let page = 0; page < MAX_HIRED_PAGES; page++) {
      const result: { items: HiredApplication[]; next: string | null } = await ats.listHiredApplications({ cursor });
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

// ---------------------------------------------------------------- already in Factorial HR?

async function markInFactorial(group: HiredGroup, found: InFactorial | undefined): Promise<void> {
  const now = new Date().toISOString();
  await db().candidates.bulkGet(group.keys).then((records) =>
    db().candidates.bulkPut(
      records
        .filter((r): r is CandidateRecord => !!r)
        .map((r) => ({ ...r, data: { ...r.data, factorialCheckedAt: now, ...(found ? { inFactorial: found } : {}) } })),
    ),
  );
  if (found) {
    await recordActivity({ kind: 'export', level: 'info', message: t('loggedInFactorial', { name: group.name }) });
  }
}

/** One look-up per email at a time, whoever asks (the popup opening, a page's buttons). */
const lookingUp = new Map<string, Promise<HiredGroup | undefined>>();

/**
 * Look up, once per person, whether a waiting hire is already an employee in Factorial HR (a second employee is
 * never created; they leave the list instead, and their buttons on ATS pages say so). `keys`: only the people
 * with one of these records. Returns who was found now.
 */
export async function checkInFactorial(keys?: readonly string[]): Promise<HiredGroup[]> {
  if (!(await db().connections.get('hr'))) return [];
  const only = keys && new Set(keys);
  const unchecked = waitingGroups(await db().candidates.toArray()).filter((g) => g.email && !g.checkedInFactorial && (!only || g.keys.some((k) => only.has(k))));
  if (!unchecked.length) return [];
  const found: HiredGroup[] = [];
  await withHr(async (hr) =>
    mapPool(unchecked, LOOKUP_CONCURRENCY, async (group) => {
      const identity = group.email!.trim().toLowerCase();
      let lookup = lookingUp.get(identity);
      if (!lookup) {
        lookup = (async () => {
          let match: InFactorial | undefined;
          try {
            match = await employeeInFactorial(hr, group.email!);
          } catch {
            return undefined; // stays unchecked: asked again next time
          }
          await markInFactorial(group, match);
          return match ? { ...group, state: 'in-factorial' as const, employeeUrl: match.employeeUrl } : undefined;
        })().finally(() => lookingUp.delete(identity));
        lookingUp.set(identity, lookup);
      }
      const match = await lookup;
      if (match) found.push(match);
    }),
  );
  return found;
}

// ---------------------------------------------------------------- refresh (popup opening, job pulls)

let refreshInFlight: { promise: Promise<HiredPullView>; force: boolean } | null = null;

async function readHiredPull(): Promise<HiredPullRecord | undefined> {
  return (await db().settings.get(HIRED_PULL_KEY))?.value as HiredPullRecord | undefined;
}

/**
 * Pull hired applications from the ATS (unless just done) and look new people up in Factorial HR. One at a time:
 * a caller joins the refresh under way, except a forced one (a job pull just ended), which follows it.
 */
export function refreshHiredCandidates(opts: { force?: boolean } = {}): Promise<HiredPullView> {
  const current = refreshInFlight;
  if (current && (current.force || !opts.force)) return current.promise;
  const promise = (async (): Promise<HiredPullView> => {
    if (current) await current.promise.catch(() => undefined);
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
    await db().settings.put({ key: HIRED_PULL_KEY, value: view });
    return view;
  })();
  refreshInFlight = { promise, force: !!opts.force };
  promise
    .finally(() => {
      if (refreshInFlight?.promise === promise) refreshInFlight = null;
    })
    .catch(() => undefined);
  return promise;
}

/**
 * Every job pull (alarm, Sync now, a new connection, a catch-up at start-up) is followed by a hired pull. Watching
 * the last-pull record catches them all without each caller knowing; the marker makes it once per job pull.
 */
export function followJobPulls(): () => void {
  const subscription = liveQuery(() => db().settings.get(LAST_KEY)).subscribe({
    next: (row) => {
      const finishedAt = (row?.value as PullSummary | undefined)?.finishedAt;
      if (!finishedAt) return;
      void (async () => {
        const database = db();
        const due = await database.transaction('rw', database.settings, async () => {
          if ((await database.settings.get(AFTER_JOB_PULL_KEY))?.value === finishedAt) return false;
          await database.settings.put({ key: AFTER_JOB_PULL_KEY, value: finishedAt });
          return true;
        });
        if (due) await refreshHiredCandidates({ force: true });
      })().catch(() => undefined);
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** Toolbar updates are cosmetic: one that fails, at once or later, must never stop the badge or the background. */
function toToolbar(update: (action: typeof browser.action) => Promise<unknown>): void {
  try {
    void update(browser.action).catch(() => undefined);
  } catch {
    // No toolbar API in this context: nothing to show.
  }
}

/**
 * The toolbar badge and icon: how many hired candidates wait for export (the icon gets a dot), following every
 * change to the list.
 */
export function followBadge(): () => void {
  let shown: string | undefined;
  toToolbar((action) => action.setBadgeBackgroundColor({ color: '#2f5bea' }));
  const subscription = liveQuery(() => db().candidates.toArray()).subscribe({
    next: (records) => {
      const waiting = waitingGroups(records).length;
      const text = badgeText(waiting);
      if (text === shown) return;
      shown = text;
      toToolbar((action) => action.setBadgeText({ text }));
      toToolbar((action) => action.setIcon({ path: iconPaths(waiting ? 'waiting' : 'default', TOOLBAR_SIZES, '/') }));
      toToolbar((action) => action.setTitle({ title: waiting ? (waiting === 1 ? t('badgeOne') : t('badgeMany', { count: waiting })) : 'Hirebridge' }));
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

// ---------------------------------------------------------------- one export from the popup

async function groupOf(key: string): Promise<HiredGroup> {
  const group = groupCandidates(await db().candidates.toArray()).find((g) => g.keys.includes(key));
  if (!group) throw new PublicError(t('notInList'));
  return group;
}

/** The same draft the page dialog gets, from what Hirebridge stored about the person. */
export async function preparePopupExport(key: string): Promise<ExportDraft> {
  const group = await groupOf(key);
  const fields = { ...group.fields };
  const { lookups, existing, warning, mapping } = await completeDraft(group.key, fields);
  if (existing && !existing.exportedHere && group.state === 'waiting') await markInFactorial(group, { employeeUrl: existing.employeeUrl, name: existing.name });
  const hired = group.state !== 'not-hired';
  return {
    candidateKey: group.key,
    source: group.fromAts ? 'ats-api' : 'page',
    sourceName: group.sources.join(t('and')) || 'Hirebridge',
    hired,
    notHiredReason: hired ? undefined : t('notHiredAnyMore', { name: group.name }),
    fields,
    fieldNotes: group.startDateNote && !fields.startDate ? { startDate: group.startDateNote } : undefined,
    lookups,
    mapping,
    existing,
    warning,
  };
}

// ---------------------------------------------------------------- Export all

const item = (group: HiredGroup, lacks?: BulkPlanItem['lacks']): BulkPlanItem => ({ candidateKey: group.key, name: group.name, jobTitle: group.jobTitle, ...(lacks?.length ? { lacks } : {}) });

/** Everyone waiting, checked by the form's rule with what the recruiter gave once and per person. */
async function assessWaiting(answers: BulkAnswers, legalEntityId: string | undefined): Promise<Assessed[]> {
  const lookups = await factorialLookups();
  const mapping = (await readSettings()).values.fieldMapping;
  const perPerson = answers.perPerson ?? {};
  return waitingGroups(await db().candidates.toArray()).map((g) => {
    const override = g.keys.map((k) => perPerson[k]).find(Boolean) ?? {};
    return assess(g, lookups, legalEntityId, answers.fill, override, mapping);
  });
}

/** Who Export all would send now, and who it leaves out and why. Sends nothing to Factorial but look-ups. */
export async function planBulkExport(answers: BulkAnswers = {}): Promise<BulkPlan> {
  if (!(await db().connections.get('hr'))) throw new PublicError(t('hrNotConnected'));
  const alreadyThere = await checkInFactorial().catch(() => [] as HiredGroup[]);
  const lookups = await factorialLookups();
  const wanted = answers.legalEntityId ?? answers.fill?.legalEntityId;
  const chosen = wanted && lookups.legalEntities.some((e) => e.id === wanted) ? wanted : undefined;
  // Several legal entities and none chosen yet: the confirmation asks for one for everyone, so it is not a reason
  // to leave anybody out of the plan (the run itself still requires it).
  const entityFor = chosen ?? lookups.legalEntities[0]?.id;
  const assessed = await assessWaiting(answers, entityFor);
  return {
    ready: assessed.filter((a) => 'fields' in a).map((a) => item(a.group, a.lacks)),
    skipped: [
      ...assessed.flatMap((a) => ('reason' in a ? [{ ...item(a.group, a.lacks), reason: a.reason, missing: a.missing }] : [])),
      ...alreadyThere.map((g) => ({ ...item(g), reason: t('alreadyInFactorial'), employeeUrl: g.employeeUrl })),
    ],
    legalEntities: lookups.legalEntities.length > 1 ? lookups.legalEntities.map((e) => ({ id: e.id, name: e.country ? `${e.name} (${e.country})` : e.name })) : [],
    legalEntityId: chosen ?? (lookups.legalEntities.length === 1 ? lookups.legalEntities[0].id : undefined),
    teams: lookups.teams.map((x) => ({ id: x.id, name: x.name })),
    locations: lookups.locations.map((l) => ({ id: l.id, name: l.country ? `${l.name} (${l.country})` : l.name })),
    customFields: formCustomFields(lookups.customFields, lookups.legalEntities.find((e) => e.id === entityFor), (await readSettings()).values.fieldMapping),
  };
}

async function readRun(): Promise<BulkRunRecord | undefined> {
  return (await db().settings.get(BULK_RUN_KEY))?.value as BulkRunRecord | undefined;
}

async function runIsActive(run: BulkRunRecord | undefined): Promise<boolean> {
  if (!run) return false;
  const operations = await db().operations.bulkGet(run.operationIds);
  return operations.some((op) => op && (op.state === 'queued' || op.state === 'sending'));
}

/**
 * Queue every ready person as a durable export operation, then let the outbox send them, paced to Factorial's
 * limit. The popup only watches: the worker finishes the run whether it stays open or not.
 */
export async function startBulkExport(keys: readonly string[], answers: BulkAnswers = {}): Promise<BulkRunView> {
  if (await runIsActive(await readRun())) throw new PublicError(t('runStillGoing'));
  const wanted = new Set(keys);
  // The same check as the plan, again here: nobody whose data is incomplete is sent, whatever the popup asked.
  const assessed = await assessWaiting(answers, answers.legalEntityId ?? answers.fill?.legalEntityId);
  // Only who the confirmation listed is sent (someone hired since then waits for the next run).
  const ready = assessed.filter((a): a is Extract<Assessed, { fields: ExportFields }> => 'fields' in a && a.group.keys.some((k) => wanted.has(k)));
  if (!ready.length) throw new PublicError(t('nobodyReady'));
  const operations: OperationRecord[] = [];
  for (const { group, fields } of ready) operations.push(await queueExport(group.key, fields));
  const skipped = assessed.flatMap((a) => ('reason' in a ? [{ name: a.group.name, reason: a.reason }] : []));
  const run: BulkRunRecord = { id: crypto.randomUUID(), startedAt: new Date().toISOString(), operationIds: operations.map((op) => op.id), skipped };
  await db().settings.put({ key: BULK_RUN_KEY, value: run });
  await recordActivity({
    kind: 'export',
    level: 'info',
    message: t(ready.length === 1 ? 'loggedStartedOne' : 'loggedStartedMany', {
      count: ready.length,
      leftOut: skipped.length ? t('loggedLeftOut', { count: skipped.length, who: skipped.map((s) => `${s.name}: ${s.reason}`).join(' ') }) : '',
    }),
  });
  for (const operation of operations) void process(operation.id);
  return run;
}

/** Forget a finished run's progress panel. */
export async function dismissBulkExport(): Promise<void> {
  const run = await readRun();
  if (await runIsActive(run)) throw new PublicError(t('thisRunStillGoing'));
  await db().settings.delete(BULK_RUN_KEY);
}

/** Retry a needs-attention operation now (the same input; the handler looks the person up first). */
export async function retryOperation(id: string): Promise<void> {
  const operation = await requeue(id);
  if (!operation) throw new PublicError(t('unknownOperation'));
  if (operation.state === 'queued') void process(id);
}

async function finishRunIfSettled(operationId: string): Promise<void> {
  const database = db();
  // Cheap look first (keys of pending operations, read-only): while the run goes on, most settles end here instead of
  // reading every operation of the run in a read-write transaction that holds up the other sends' saves.
  const run = (await database.settings.get(BULK_RUN_KEY))?.value as BulkRunRecord | undefined;
  if (!run || run.finishedAt || !run.operationIds.includes(operationId)) return;
  const pending = new Set(await database.operations.where('state').anyOf('queued', 'sending').primaryKeys());
  if (run.operationIds.some((id) => pending.has(id))) return;
  const summary = await database.transaction('rw', database.settings, database.operations, async () => {
    const run = (await database.settings.get(BULK_RUN_KEY))?.value as BulkRunRecord | undefined;
    if (!run || run.finishedAt || !run.operationIds.includes(operationId)) return null;
    const operations = (await database.operations.bulkGet(run.operationIds)).filter((op): op is OperationRecord => !!op);
    if (operations.some((op) => op.state === 'queued' || op.state === 'sending')) return null;
    await database.settings.put({ key: BULK_RUN_KEY, value: { ...run, finishedAt: new Date().toISOString() } });
    return {
      created: operations.filter((op) => op.state === 'done' && op.payload.outcome !== 'duplicate').length,
      duplicates: operations.filter((op) => op.state === 'done' && op.payload.outcome === 'duplicate').length,
      attention: operations.filter((op) => op.state === 'needs-attention').length,
      skipped: run.skipped.length,
    };
  });
  if (!summary) return;
  const parts = [t('partExported', { count: summary.created })];
  if (summary.duplicates) parts.push(t('partDuplicates', { count: summary.duplicates }));
  if (summary.attention) parts.push(summary.attention === 1 ? t('partAttentionOne') : t('partAttentionMany', { count: summary.attention }));
  if (summary.skipped) parts.push(t('partLeftOut', { count: summary.skipped }));
  await recordActivity({ kind: 'export', level: summary.attention ? 'warning' : 'success', message: t('loggedFinished', { parts: parts.join(', ') }) });
}

/** The same person stored under other keys (page and ATS) is exported too: the badge and the page buttons agree. */
async function markSiblingsExported(operation: OperationRecord): Promise<void> {
  const subject = await db().candidates.get(operation.subject);
  if (!subject?.email || !operation.remoteId) return;
  const identity = identityOf(subject);
  await db()
    .candidates.filter((r) => r.key !== subject.key && !r.exportedEmployeeId && identityOf(r) === identity)
    .modify((r) => {
      r.exportedEmployeeId = operation.remoteId;
      r.data = { ...r.data, employeeUrl: operation.remoteUrl };
    });
}

onOperationChange((operation) => {
  if (operation.kind !== 'export-employee') return;
  if (operation.state === 'done') void markSiblingsExported(operation).catch(() => undefined);
  if (operation.state === 'done' || operation.state === 'needs-attention') void finishRunIfSettled(operation.id).catch(() => undefined);
});
