import { logFailure, recordActivity } from '../activity';
import { db, readableOnly } from '../db';
import { parseOperation, type OperationRecord } from '../outbox/records';
import { queueExport } from '../export';
import { formCustomFields } from '../export/form';
import { readSettings } from '../settings';
import { factorialLookups } from '../export/lookups';
import type { ExportFields } from '../export/intents';
import type { BulkAnswers, BulkPlan, BulkPlanItem, BulkRunView } from './intents';
import { onOperationChange, process } from '../outbox';
import { assessForExport as assess, type Assessed } from './assess';
import { identityOf, waitingGroups, type HiredGroup } from './groups';
import { bulkRunRow, type BulkRunRecord } from './keys';
import { t } from './messages';
import { PublicError } from '../errors';
import { checkInFactorial } from './lookups';
import { readConnection } from '../connections/records';

// Export all

const item = (group: HiredGroup, lacks?: BulkPlanItem['lacks'], lacksCustom?: string[]): BulkPlanItem => ({
  candidateKey: group.key,
  name: group.name,
  jobTitle: group.jobTitle,
  ...(lacks?.length ? { lacks } : {}),
  ...(lacksCustom?.length ? { lacksCustom } : {}),
});

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
  if (!(await readConnection('hr'))) throw new PublicError(t('hrNotConnected'));
  // Factorial unreachable: nobody is left out as "already there"; each send looks the person up again first.
  const alreadyThere = await checkInFactorial().catch(() => [] as HiredGroup[]);
  const lookups = await factorialLookups();
  const wanted = answers.legalEntityId ?? answers.fill?.legalEntityId;
  const chosen = wanted && lookups.legalEntities.some((e) => e.id === wanted) ? wanted : undefined;
  // Several legal entities and none chosen yet: the confirmation asks for one for everyone, so it is not a reason
  // to leave anybody out of the plan (the run itself still requires it).
  const entityFor = chosen ?? lookups.legalEntities[0]?.id;
  const assessed = await assessWaiting(answers, entityFor);
  return {
    ready: assessed.filter((a) => 'fields' in a).map((a) => item(a.group, a.lacks, a.lacksCustom)),
    skipped: [
      ...assessed.flatMap((a) => ('reason' in a ? [{ ...item(a.group, a.lacks, a.lacksCustom), reason: a.reason, missing: a.missing }] : [])),
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
  return bulkRunRow.read();
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
  await bulkRunRow.write(run);
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
  await bulkRunRow.remove();
}

async function finishRunIfSettled(operationId: string): Promise<void> {
  const database = db();
  // Cheap look first (keys of pending operations, read-only): while the run goes on, most settles end here instead of
  // reading every operation of the run in a read-write transaction that holds up the other sends' saves.
  const run = await bulkRunRow.read();
  if (!run || run.finishedAt || !run.operationIds.includes(operationId)) return;
  const pending = new Set(await database.operations.where('state').anyOf('queued', 'sending').primaryKeys());
  if (run.operationIds.some((id) => pending.has(id))) return;
  const summary = await database.transaction('rw', database.settings, database.operations, async () => {
    const run = await bulkRunRow.read();
    if (!run || run.finishedAt || !run.operationIds.includes(operationId)) return null;
    const operations = readableOnly((await database.operations.bulkGet(run.operationIds)).map((op) => op && parseOperation(op)));
    if (operations.some((op) => op.state === 'queued' || op.state === 'sending')) return null;
    await bulkRunRow.write({ ...run, finishedAt: new Date().toISOString() });
    return {
      created: operations.filter((op) => op.state === 'done' && op.delivery.outcome !== 'duplicate').length,
      duplicates: operations.filter((op) => op.state === 'done' && op.delivery.outcome === 'duplicate').length,
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
      if (r.data.kind === 'hire') r.data.employeeUrl = operation.remoteUrl;
    });
}

/** Export all's follower: siblings marked exported, the run closed and logged once its operations settle. */
export function followExportRuns(): () => void {
  return onOperationChange((operation) => {
    if (operation.kind !== 'export-employee') return;
    if (operation.state === 'done') void markSiblingsExported(operation).catch(logFailure('export', 'exportRun'));
    if (operation.state === 'done' || operation.state === 'needs-attention') void finishRunIfSettled(operation.id).catch(logFailure('export', 'exportRun'));
  });
}
