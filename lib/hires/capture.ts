import { isoDay, splitFullName } from '../people';
import { db } from '../db';
import type { CandidateRecord } from '../people/candidates';
import { candidateKey } from '../export';
import type { PageCandidate, PageCandidateStatus } from '../export/intents';
import { siteById } from '../sites/where';
import { groupCandidates, identityOf } from './groups';
import { checkInFactorial } from './lookups';
import { hireRecord, sameRecord } from './records';

/** How long a page's buttons wait for the Factorial HR look-up before they show what is known. */
const PAGE_CHECK_WAIT_MS = 3_000;

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
  const adapter = siteById(adapterId);
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
      const name = splitFullName(page.fullName);
      // What the export form already refined (from the ATS API) wins over a list row's text.
      const next = hireRecord(
        keys[i],
        previous,
        {
          source: previous?.source || adapter.name,
          firstName: previous?.firstName || name.firstName || '',
          lastName: previous?.lastName || name.lastName || '',
          email: previous?.email || page.email || undefined,
          phone: previous?.phone || page.phone || undefined,
          jobTitle: previous?.jobTitle || page.jobTitle || undefined,
        },
        {
          origin: previous?.data.kind === 'hire' ? (previous.data.origin ?? 'page') : 'page',
          adapterId,
          siteCandidateId: page.siteCandidateId,
          stage: page.stage ?? (previous?.data.kind === 'hire' ? previous.data.stage : undefined),
          startDate: isoDay(page.startDate) ?? (previous?.data.kind === 'hire' ? previous.data.startDate : undefined),
        },
        now,
      );
      for (const key of ['stage', 'startDate'] as const) if (next.data[key] === undefined) delete next.data[key];
      const sibling = exportedByIdentity.get(identityOf(next));
      if (sibling && !next.exportedEmployeeId) {
        next.exportedEmployeeId = sibling.exportedEmployeeId;
        const employeeUrl = sibling.data.kind === 'hire' ? sibling.data.employeeUrl : undefined;
        next.data.employeeUrl = employeeUrl;
        exportedNow.set(page.siteCandidateId, employeeUrl);
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
