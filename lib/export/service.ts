import { logFailure, recordActivity } from '../activity';
import { isConnectedAtsSite, withAts, withHr } from '../connections';
import { isoDay, splitFullName } from '../people';
import type { AtsCandidate, AtsValues, HireStartDate, KnownEmployee, SiteApplicationIds, TrackingImportPlan } from '../connectors/types';
import { exportOperation, type ExportOperation } from './operation';
import { asHire, readHire } from './records';
import { db, isUnreadable, readableOnly } from '../db';
import { parseOperation, readOperation, type OperationRecord } from '../outbox/records';
import type { ExportDraft, ExportFields, ExportProgress, PageCandidate, PageCandidateStatus } from './intents';
import { PublicError } from '../errors';
import { enqueue, hasStepProgress, onOperationChange, process, registerHandler, type OperationHandler, requeue, runSteps, settle } from '../outbox';
import type { AtsSite } from '../sites/types';
import { siteById } from '../sites/where';
import { employeeInFactorial } from './in-factorial';
import { readSettings } from '../settings';
import { checkCustomFields, customValueError, requiredCustomFields, staleMapping, withMappedFields } from './form';
import { factorialLookups } from './lookups';
import { t } from './messages';
import { EXPORT_STEPS, employeeOf, stepFailure } from './steps';
import { atsName, startDateNote } from './notes';
import { readAtsConnection } from '../connections/records';

/**
 * Export to FactorialHR, on the service-worker side. Prefer, in this order: the connected ATS's API by the page's
 * id (when the page is that ATS), then what the page shows. Sending is a durable operation that looks the email
 * up in Factorial before it creates anyone.
 */

export const candidateKey = (adapterId: string, siteCandidateId: string) => `${adapterId}:${siteCandidateId}`;
const HIRED_STAGE = /\bhired\b|\bcontratad[oa]\b/i;

function siteOrFail(adapterId: string): AtsSite {
  const adapter = siteById(adapterId);
  if (!adapter) throw new PublicError(t('unknownSite'));
  return adapter;
}

/** Is the connected system-of-record ATS the ATS of this page? Then the page's ids are its ids. */
async function isConnectedAts(adapter: AtsSite): Promise<boolean> {
  return isConnectedAtsSite(adapter, await readAtsConnection());
}

/** The page's ids, as Kombo's import into tracking needs them. */
const siteIds = (page: PageCandidate): SiteApplicationIds => ({ candidateRemoteId: page.siteCandidateId, applicationRemoteId: page.siteApplicationId, jobRemoteId: page.siteJobId });

/**
 * The connected ATS's API does not know this page's candidate. Through Kombo that usually means the integration
 * tracks only applications created through Kombo ("Only Sync Created Applications"): say so, and the way out.
 */
function untrackedNotice(tool: string, page: PageCandidate, plan: TrackingImportPlan, imported: boolean): NonNullable<ExportDraft['untracked']> {
  const why = t('untracked', { tool, id: page.siteCandidateId });
  if (imported) return { message: `${why} ${t('untrackedImported', { tool })}`, canImport: false, imported: true };
  const way = plan.possible ? t('untrackedImport') : plan.reason === 'unsupported' ? t('untrackedAskAdmin', { tool }) : t('untrackedOpenApplication', { tool });
  return { message: `${why} ${way}`, canImport: plan.possible, imported: false };
}

function hiredApplication(candidate: AtsCandidate) {
  return candidate.applications.find((a) => a.hired);
}

function notHiredReason(name: string | undefined, stage: string | undefined): string {
  const who = name || t('thisCandidate');
  return stage ? t('notHiredAt', { who, stage }) : t('notHired', { who });
}

/**
 * Where this candidate's export stands. The export operation is the truth: a worker stopped between an export's
 * "done" and marking its candidate left the record unmarked, and it is marked here.
 */
async function exportStanding(key: string): Promise<{ exported: true; employeeUrl?: string } | { exported: false; underWay: boolean }> {
  const record = await readHire(key);
  if (record?.exportedEmployeeId) return { exported: true, employeeUrl: record.data.employeeUrl || undefined };
  const operations = readableOnly((await db().operations.where('subject').equals(key).toArray()).map(parseOperation)).filter((op) => op.kind === 'export-employee');
  const done = operations.find((op) => op.state === 'done');
  if (done) {
    await markExported(done);
    return { exported: true, employeeUrl: done.remoteUrl };
  }
  return { exported: false, underWay: operations.some((op) => op.state === 'queued' || op.state === 'sending') };
}

async function markExported(operation: OperationRecord): Promise<void> {
  await db().candidates.update(operation.subject, (record) => {
    record.exportedEmployeeId = operation.remoteId;
    if (record.data.kind === 'hire') record.data.employeeUrl = operation.remoteUrl;
  });
}

/** Buttons on a page ask whether each candidate can be exported. One API request for the whole page. */
export async function pageCandidatesStatus(adapterId: string, candidates: PageCandidate[]): Promise<PageCandidateStatus[]> {
  const adapter = siteOrFail(adapterId);
  let fromApi: Map<string, AtsCandidate> | undefined;
  if (await isConnectedAts(adapter)) {
    try {
      const found = await withAts((ats) => ats.findCandidatesByRemoteIds(candidates.map((c) => c.siteCandidateId)));
      fromApi = new Map(found.map((c) => [c.remoteId ?? c.id, c]));
    } catch {
      fromApi = undefined; // the page's own stage is the fallback
    }
  }
  return Promise.all(
    candidates.map(async (candidate): Promise<PageCandidateStatus> => {
      const standing = await exportStanding(candidateKey(adapterId, candidate.siteCandidateId));
      if (standing.exported) return { siteCandidateId: candidate.siteCandidateId, state: 'exported', employeeUrl: standing.employeeUrl };
      // Sent or waiting to be (e.g. resumed after a stopped worker): the page asks again until it settles.
      if (standing.underWay) return { siteCandidateId: candidate.siteCandidateId, state: 'exporting' };
      const api = fromApi?.get(candidate.siteCandidateId);
      // The ATS's API answered without them (Kombo may not track them): the page's Hired still counts, but another
      // stage must not lock the dialog that explains why they are missing and imports them.
      if (fromApi && !api) {
        const hiredOnPage = !!candidate.stage && HIRED_STAGE.test(candidate.stage);
        return { siteCandidateId: candidate.siteCandidateId, state: hiredOnPage ? 'exportable' : 'unknown', reason: t('untrackedShort') };
      }
      if (api) {
        const hired = hiredApplication(api);
        const stage = api.applications[0]?.stageName;
        return hired
          ? { siteCandidateId: candidate.siteCandidateId, state: 'exportable' }
          : { siteCandidateId: candidate.siteCandidateId, state: 'not-hired', reason: notHiredReason(`${api.firstName} ${api.lastName}`.trim(), stage) };
      }
      if (candidate.stage && HIRED_STAGE.test(candidate.stage)) return { siteCandidateId: candidate.siteCandidateId, state: 'exportable' };
      if (candidate.stage) return { siteCandidateId: candidate.siteCandidateId, state: 'not-hired', reason: notHiredReason(candidate.fullName, candidate.stage) };
      // Nothing says either way: the dialog will check again and let the recruiter confirm.
      return { siteCandidateId: candidate.siteCandidateId, state: 'unknown' };
    }),
  );
}

/** Everything the dialog needs: pre-filled fields, Factorial's lists, and whether this person already exists. */
export async function prepareExport(adapterId: string, page: PageCandidate): Promise<ExportDraft> {
  const adapter = siteOrFail(adapterId);
  const key = candidateKey(adapterId, page.siteCandidateId);
  let fields: Partial<ExportFields> = { ...splitFullName(page.fullName), email: page.email, phone: page.phone, jobTitle: page.jobTitle, startDate: isoDay(page.startDate) };
  let source: ExportDraft['source'] = 'page';
  let hired = !!page.stage && HIRED_STAGE.test(page.stage);
  let stage = page.stage;
  let warning: string | undefined;
  let knownEmployee: KnownEmployee | undefined;
  let fieldNotes: ExportDraft['fieldNotes'];
  let untracked: ExportDraft['untracked'];
  const previous = await readHire(key);

  if (await isConnectedAts(adapter)) {
    try {
      const found = await withAts(async (ats, connection) => {
        const tool = atsName(connection);
        const candidate = await ats.findCandidateByRemoteId(page.siteCandidateId, siteIds(page));
        if (!candidate) return { tool, candidate, tracking: ats.tracking && { plan: ats.tracking.plan(siteIds(page)) } };
        const hire = hiredApplication(candidate);
        // Only a hire has a start date to look for; a failed look-up costs the pre-fill, not the form.
        const start: HireStartDate | { error: unknown } | undefined =
          hire && ats.hireStartDate ? await ats.hireStartDate(hire.id).catch((error: unknown) => ({ error })) : undefined;
        return { tool, candidate, start };
      });
      const candidate = found.candidate;
      if (candidate) {
        const application = hiredApplication(candidate) ?? candidate.applications[0];
        const start = 'start' in found ? found.start : undefined;
        fields = {
          ...fields,
          firstName: candidate.firstName || fields.firstName,
          lastName: candidate.lastName || fields.lastName,
          email: candidate.email ?? fields.email,
          phone: candidate.phone ?? fields.phone,
          jobTitle: application?.jobName ?? fields.jobTitle,
          startDate: (start && 'startDate' in start ? start.startDate : undefined) ?? fields.startDate,
        };
        if (!fields.startDate && start && 'gap' in start) fieldNotes = { startDate: startDateNote(start.gap, found.tool) };
        if (!fields.startDate && start && 'error' in start) {
          fieldNotes = { startDate: t('startDateNotRead', { tool: found.tool, reason: start.error instanceof Error ? start.error.message : t('unknownError') }) };
        }
        source = 'ats-api';
        hired = !!hiredApplication(candidate);
        knownEmployee = candidate.applications.find((a) => a.employee)?.employee;
        stage = application?.stageName ?? stage;
      } else if ('tracking' in found && found.tracking) {
        untracked = untrackedNotice(found.tool, page, found.tracking.plan, typeof previous?.data.trackingImportedAt === 'string');
      } else {
        warning = t('notFoundThroughAts', { site: adapter.name });
      }
    } catch (error) {
      warning = t('atsNotAsked', { reason: error instanceof Error ? error.message : t('unknownError') });
    }
  }

  const completed = await completeDraft(key, fields, knownEmployee);
  const { lookups, existing } = completed;
  warning = [warning, completed.warning].filter(Boolean).join(' ') || undefined;

  const now = new Date().toISOString();
  await db().candidates.put({
    key,
    source: adapter.name,
    firstName: fields.firstName ?? '',
    lastName: fields.lastName ?? '',
    email: fields.email,
    phone: fields.phone,
    jobTitle: fields.jobTitle,
    hired,
    exportedEmployeeId: previous?.exportedEmployeeId,
    capturedAt: previous?.capturedAt ?? now,
    updatedAt: now,
    data: { ...previous?.data, kind: 'hire', stage, adapterId, siteCandidateId: page.siteCandidateId },
  });

  return {
    candidateKey: key,
    source,
    sourceName: source === 'ats-api' ? t('sourceThroughAts', { site: adapter.name }) : t('sourcePage', { site: adapter.name }),
    hired,
    notHiredReason: hired ? undefined : notHiredReason([fields.firstName, fields.lastName].filter(Boolean).join(' '), stage),
    fields,
    fieldNotes,
    lookups,
    mapping: completed.mapping,
    atsValues: completed.atsValues,
    existing,
    warning,
    untracked,
  };
}

/**
 * Import the page's application into Kombo's tracking (the dialog's way out for an untracked candidate), then
 * prepare the form again: Kombo may know them now. A refusal surfaces in plain words with Kombo's code.
 */
export async function importTrackedApplication(adapterId: string, page: PageCandidate): Promise<ExportDraft> {
  const adapter = siteOrFail(adapterId);
  if (!(await isConnectedAts(adapter))) throw new PublicError(t('importNotHere', { site: adapter.name }));
  const name = page.fullName || t('thisCandidate');
  await withAts(async (ats) => {
    if (!ats.tracking) throw new PublicError(t('importNotHere', { site: adapter.name }));
    await ats.tracking.importApplication(siteIds(page));
  });
  const key = candidateKey(adapterId, page.siteCandidateId);
  const now = new Date().toISOString();
  const record = await readHire(key);
  if (record) await db().candidates.put({ ...record, updatedAt: now, data: { ...record.data, trackingImportedAt: now } });
  await recordActivity({ kind: 'export', level: 'info', message: t('loggedImported', { name, site: adapter.name }) });
  return prepareExport(adapterId, page);
}

/**
 * What every export form needs besides the person's data (the page dialog and the popup): Factorial's lists, a
 * single legal entity preselected (sets `fields.legalEntityId`), and whether this person is already an employee —
 * exported from here, known to the ATS as one (`known`), or found by email. An export that stopped half-way is not
 * "already there": the form stays open so Export can finish it.
 */
export async function completeDraft(key: string, fields: Partial<ExportFields>, known?: KnownEmployee): Promise<Pick<ExportDraft, 'lookups' | 'existing' | 'warning' | 'mapping' | 'atsValues'>> {
  const lookups = await factorialLookups();
  const mapping = (await readSettings()).values.fieldMapping;
  if (lookups.legalEntities.length === 1 && !fields.legalEntityId) fields.legalEntityId = lookups.legalEntities[0].id;
  // The ATS's custom fields and offer, as the last pull of hires stored them (for this person, by email).
  const atsValues = await pulledAtsValues(key, fields.email);
  Object.assign(fields, withMappedFields(mapping, fields, atsValues));

  let existing: ExportDraft['existing'];
  const standing = await exportStanding(key);
  const exported = standing.exported ? await readHire(key) : undefined;
  const unfinished = standing.exported ? undefined : await unfinishedExport(key);
  if (standing.exported) existing = { employeeUrl: standing.employeeUrl ?? '', name: exported ? `${exported.firstName} ${exported.lastName}` : undefined, exportedHere: true };
  else if (unfinished) return { lookups, mapping, atsValues, existing: undefined, warning: t('resumeExport', { message: unfinished.lastError ?? '' }) };
  else if (known) existing = { employeeUrl: known.url, name: [fields.firstName, fields.lastName].filter(Boolean).join(' ') || undefined };
  else if (fields.email) {
    const employee = await withHr((hr) => employeeInFactorial(hr, fields.email!));
    if (employee) existing = employee;
  }
  return { lookups, existing, mapping, atsValues };
}

/** The custom fields and accepted offer the ATS gave for this person: their own pulled record, or one with their email. */
async function pulledAtsValues(key: string, email: string | undefined): Promise<AtsValues | undefined> {
  const own = await readHire(key);
  if (own?.data.atsValues) return own.data.atsValues;
  if (!email?.trim()) return undefined;
  const same = await db()
    .candidates.where('email')
    .equalsIgnoreCase(email.trim())
    .filter((r) => { const hire = asHire(r); return hire?.data.origin === 'ats' && !!hire.data.atsValues; })
    .first();
  return asHire(same)?.data.atsValues;
}

/** The latest export of this candidate that needs attention after some of its steps went through. */
async function unfinishedExport(key: string): Promise<ExportOperation | undefined> {
  const stored = readableOnly((await db().operations.where('subject').equals(key).toArray()).map(parseOperation));
  const operations = stored.filter((op): op is ExportOperation => op.kind === 'export-employee' && op.state === 'needs-attention' && hasStepProgress(op));
  return operations.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).pop();
}

const exportOutcome = (outcome: string | undefined): ExportProgress['outcome'] => (outcome === 'created' || outcome === 'duplicate' ? outcome : undefined);

export function toProgress(operation: OperationRecord): ExportProgress {
  return {
    operationId: operation.id,
    state: operation.state,
    outcome: exportOutcome(operation.delivery.outcome),
    employeeUrl: operation.remoteUrl,
    message: operation.lastError,
    nextAttemptAt: operation.nextAttemptAt,
  };
}

/** Write the durable export operation for a stored candidate (one form, or the popup's Export all). Sends nothing. */
export async function queueExport(key: string, fields: ExportFields): Promise<OperationRecord> {
  const candidate = await readHire(key);
  if (!candidate) throw new PublicError(t('openAgain'));
  const candidateRecord = candidate;
  const lookups = await factorialLookups();
  const entity = lookups.legalEntities.find((e) => e.id === fields.legalEntityId);
  if (!entity) throw new PublicError(t('chooseLegalEntity'));
  // The form's custom-field rule again, here: nothing goes out with a required field missing or of the wrong type.
  const stale = staleMapping((await readSettings()).values.fieldMapping, lookups);
  if (stale.length) throw new PublicError(stale[0]);
  const known = new Set((lookups.customFields ?? []).map((f) => f.id));
  const gone = Object.keys(fields.customFields ?? {}).filter((id) => !known.has(id));
  if (gone.length) throw new PublicError(t('customFieldGone'));
  const custom = checkCustomFields(requiredCustomFields(lookups.customFields, entity), fields.customFields ?? {});
  for (const [id, value] of Object.entries(fields.customFields ?? {})) {
    const def = lookups.customFields!.find((f) => f.id === id)!;
    if (value.trim() && !custom.errors[id]) {
      const error = customValueError(def, value);
      if (error) custom.errors[id] = error;
    }
  }
  const problem = [...custom.missing.map((f) => f.label), ...Object.keys(custom.errors).map((id) => lookups.customFields!.find((f) => f.id === id)!.label)];
  if (problem.length) throw new PublicError(t('customFieldsNeeded', { fields: problem.join(', ') }));
  const payload = { fields, companyId: entity.companyId, country: entity.country, name: `${fields.firstName} ${fields.lastName}`, hiredWhenQueued: candidateRecord.hired };
  // Retry of an export that stopped half-way resumes it (its done steps are kept), with the form's current fields.
  const unfinished = await unfinishedExport(key);
  if (unfinished) {
    const resumed = await requeue<'export-employee'>(unfinished.id, { ...unfinished.payload, ...payload });
    if (resumed) return resumed;
  }
  const { operation } = await enqueue('export-employee', key, payload);
  return operation;
}

/** Queue the export and wait a little for it: most exports finish in well under a second. */
export async function submitExport(key: string, fields: ExportFields): Promise<ExportProgress> {
  const operation = await queueExport(key, fields);
  void process(operation.id);
  const settled = await settle(operation.id, 20_000);
  return toProgress(settled ?? operation);
}

export async function exportProgress(operationId: string): Promise<ExportProgress> {
  const operation = await readOperation(operationId);
  if (!operation || isUnreadable(operation)) throw new PublicError(t('unknownExport'));
  return toProgress(operation);
}

/**
 * The export operation: its steps (`EXPORT_STEPS`) run in order, each once; a failed step leaves the operation at
 * needs-attention with the reason, and Retry resumes at that step. The employee step finds by email first, so a
 * retry or a second device never duplicates.
 */
const sendExport: OperationHandler<'export-employee'> = async (operation, context) => {
    const fields = operation.payload.fields;
    return withHr(async (hr) => {
      const results = await runSteps(operation, context, EXPORT_STEPS, { hr, operation, fields }, stepFailure);
      const employee = employeeOf(results)!;
      return { outcome: employee.outcome, remoteId: employee.id, remoteUrl: employee.url };
    });
};

// Mark the candidate exported and log it, whichever context started the export.
function onExportOperationChange(operation: OperationRecord): void {
  if (operation.kind !== 'export-employee') return;
  const name = operation.payload.name || t('aCandidate');
  if (operation.state === 'done') {
    const duplicate = operation.delivery.outcome === 'duplicate';
    // The candidate is marked first: an activity line saying "exported" means its pages say so too.
    void markExported(operation).then(() =>
      recordActivity({
        kind: 'export',
        level: duplicate ? 'warning' : 'success',
        message: duplicate ? t('loggedDuplicate', { name }) : t('loggedExported', { name }),
        operationId: operation.id,
      }),
    ).catch(logFailure('export', 'exportMark')); // the next status question repairs the mark (exportStanding)
  } else if (operation.state === 'needs-attention') {
    void recordActivity({ kind: 'export', level: 'error', message: t('loggedAttention', { name, error: operation.lastError ?? '' }), operationId: operation.id }).catch(
      () => undefined, // the activity log itself cannot be written: the operation keeps its state and reason
    );
  }
}

/** The export operation's handler and its follower (called once, where the worker starts). */
export function registerExportOperations(): void {
  registerHandler(exportOperation.kind, sendExport);
  onOperationChange(onExportOperationChange);
}
