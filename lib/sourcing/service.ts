import { recordActivity } from '../activity';
import { ConnectorError } from '../connectors/errors';
import type { ScreeningAnswer, ScreeningQuestion } from '../connectors/types';
import { atsAcceptsFiles, atsToolName, isConnectedAtsSite, withAts } from '../connections';
import { splitFullName } from '../people';
import { asSourced, readSourced, type SourcedCandidate, type SourcedData } from './records';
import { db, isUnreadable } from '../db';
import { readOperation, type OperationRecord } from '../outbox/records';
import { AutoSyncPlan, syncOperation, type SyncOperation } from './operation';
import type { ResumeUpload, SourcedOnPage, SyncDraft, SyncFields, SyncJobOption, SyncProgress } from './intents';
import { CheckAgainLater, enqueue, onOperationChange, process, registerHandler, type OperationHandler, sendsOf, settle } from '../outbox';
import type { AtsPort, AtsProvider } from '../connectors/types';
import { DEFAULT_TIMEOUTS } from '../connectors/http';
import { formatDateTime } from '../i18n';
import { base64ToBytes, buildProfilePdf, bytesToBase64, pdfFileName } from '../pdf';
import { readSettings, type Settings } from '../settings';
import { passesCountryFilter, readCountryFilter } from '../jobs/settings';
import { siteById } from '../sites/where';
import { PublicError, publicMessageOf } from '../errors';
import { answerProblem, isEmptyAnswer } from './answers';
import { loadProfileFonts } from './fonts';
import { t } from './messages';
import { readAtsConnection } from '../connections/records';
import { readJob, readJobs } from '../jobs/records';

/**
 * Sync to ATS in the service worker: a captured person is kept (locally, for the retention period), the form
 * offers the Active jobs only, the PDF profile is built here, and sending is a durable operation that looks the
 * candidate up by email first (an existing candidate gets the application; the same job twice is "Already synced").
 */

const KIND = 'sync-candidate' as const;

export const sourcedKey = (page: SourcedOnPage) =>
  page.siteCandidateId ? `sourced:${page.adapterId}:${page.siteCandidateId}` : `sourced:${page.sourceUrl.split('#')[0].slice(0, 500)}`;

export function transcriptText(turns: SourcedOnPage['transcript']): string {
  return turns.map((turn) => `${turn.speaker}: ${turn.text}`).join('\n');
}

/** "Speaker: text" lines back into turns; a line without a speaker continues the previous turn. */
export function parseTranscript(text: string | undefined): { speaker: string; text: string }[] {
  const turns: { speaker: string; text: string }[] = [];
  for (const line of (text ?? '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = /^([^:]{1,60}):\s+(.*)$/.exec(line);
    if (match) turns.push({ speaker: match[1].trim(), text: match[2] });
    else if (turns.length) turns[turns.length - 1].text += `\n${line}`;
    else turns.push({ speaker: 'Note', text: line });
  }
  return turns;
}

/** The person's sourced data, parsed (a hire record, or one this version cannot read, has none). */
const sourcedData = (record: SourcedCandidate | undefined): SourcedData | undefined => record?.data;
/** The sync a recruiter planned for this person, read through its schema (one that no longer fits is no plan). */
const plannedSync = (record: SourcedCandidate | undefined): AutoSyncPlan | undefined => AutoSyncPlan.safeParse(record?.data.autoSyncPlan).data;

/** Keep what the page showed: the popup lists captured people, and the retention purge removes them in time. */
async function capture(page: SourcedOnPage): Promise<SourcedCandidate> {
  const key = sourcedKey(page);
  const now = new Date().toISOString();
  const existing = await readSourced(key);
  const name = splitFullName(page.fullName);
  const record: SourcedCandidate = {
    key,
    source: page.sourceSite,
    firstName: name.firstName ?? existing?.firstName ?? '',
    lastName: name.lastName ?? existing?.lastName ?? '',
    email: page.email ?? existing?.email,
    phone: page.phone ?? existing?.phone,
    jobTitle: page.headline ?? existing?.jobTitle,
    hired: existing?.hired ?? false,
    capturedAt: existing?.capturedAt ?? now,
    updatedAt: now,
    data: {
      ...(existing?.data ?? {}),
      kind: 'sourced',
      sourceUrl: page.sourceUrl,
      sourceSite: page.sourceSite,
      headline: page.headline,
      stage: page.stage,
      rating: page.rating,
      summary: page.summary,
      transcript: page.transcript,
      resumeUrl: page.resumeUrl,
    },
  };
  await db().candidates.put(record);
  return record;
}

function toQuestions(raw: unknown[]): SyncJobOption['questions'] {
  return (raw as ScreeningQuestion[]).map((q) => ({ id: q.id, title: q.title || t('question'), required: !!q.required, format: q.format, options: q.options }));
}

const sameName = (a: string) => a.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The job the form starts on: the only Active job there is, or the one Active job whose name is the job the
 * page gives the person (a sourcing profile's title, another ATS's applied-for job). Nothing is guessed beyond
 * that: two Active jobs of that name, or none, leave the choice to the recruiter.
 */
export function preselectedJob(jobs: readonly Pick<SyncJobOption, 'key' | 'name'>[], personsJob: string | undefined): string | undefined {
  if (jobs.length === 1) return jobs[0].key;
  const wanted = personsJob && sameName(personsJob);
  const named = wanted ? jobs.filter((job) => sameName(job.name) === wanted) : [];
  return named.length === 1 ? named[0].key : undefined;
}

export async function prepareSync(page: SourcedOnPage): Promise<SyncDraft> {
  const connection = await readAtsConnection();
  if (!connection || connection.slot !== 'ats') {
    throw new PublicError(t('connectAtsFirst'));
  }
  const { values } = await readSettings();
  let record = await capture(page);
  // The page may show the trigger stage of a planned sync: it goes now, and the form then shows it as synced.
  if (page.stage && (await runAutoSyncIfDue(record.key, page.stage, values))) record = (await readSourced(record.key)) ?? record;
  const syncs = sourcedData(record)?.syncs ?? {};
  // Only Active jobs, and only those the country filter shows.
  const countries = await readCountryFilter();
  const active = await db()
    .jobs.where('status')
    .equals('active')
    .filter((j) => j.provider === connection.provider && passesCountryFilter(j.country, countries))
    .toArray();
  const jobs: SyncJobOption[] = active
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((j) => ({ key: j.key, name: j.name, location: j.locationName, questions: toQuestions(j.screeningQuestions), syncedAt: syncs[j.key]?.at }));
  return {
    candidateKey: record.key,
    fields: {
      firstName: record.firstName || undefined,
      lastName: record.lastName || undefined,
      email: record.email,
      phone: record.phone,
      rating: page.rating,
      summary: page.summary,
      transcript: transcriptText(page.transcript),
    },
    jobs,
    provider: connection.provider as AtsProvider, // the ats slot holds only ATS providers
    atsName: atsLabel(connection),
    acceptsFiles: atsAcceptsFiles(connection.provider),
    sourceName: values.sourceName,
    autoSyncStage: values.autoSync ? values.autoSyncStage : undefined,
    plannedJobKey: plannedSync(record)?.fields.jobKey,
    preselectedJobKey: preselectedJob(jobs, page.headline ?? record.jobTitle),
    resumeUrl: page.resumeUrl,
    sourceUrl: page.sourceUrl,
    sourceSite: page.sourceSite,
  };
}

/** Answers checked against the job's questions: required ones present, each in its question's format. */
function checkAnswers(questions: SyncJobOption['questions'], answers: Record<string, unknown>): ScreeningAnswer[] {
  const out: ScreeningAnswer[] = [];
  for (const q of questions) {
    const value = answers[q.id];
    const problem = answerProblem(q, value);
    if (problem) throw new PublicError(t(problem === 'required' ? 'answerRequired' : 'answerInvalid', { title: q.title }));
    if (!isEmptyAnswer(value)) out.push({ questionId: q.id, value: value as ScreeningAnswer['value'] });
  }
  return out;
}

const syncOutcome = (outcome: string | undefined): SyncProgress['outcome'] =>
  outcome === 'created' || outcome === 'added-to-existing' || outcome === 'duplicate' ? outcome : undefined;

/**
 * What the create step recorded on the operation (`delivery.steps.create`): `sentAt` while a send has no answer yet
 * (set before the request, cleared by any definitive answer), and what the answer said.
 */
interface CreateFacts {
  sentAt?: string;
  /** Lookups made since the unanswered send. */
  checks?: number;
  /** The candidate existed before the send (the outcome is then "added to existing"). */
  existingCandidate?: boolean;
  cvAttached?: boolean;
  done?: boolean;
}
const createFacts = (operation: SyncOperation): CreateFacts => (operation.delivery.steps?.create as CreateFacts | undefined) ?? {};

export function toSyncProgress(operation: SyncOperation): SyncProgress {
  const create = createFacts(operation);
  return {
    checking: operation.state === 'queued' && !!create.sentAt && !!operation.nextAttemptAt,
    cvAttached: operation.state === 'done' ? create.cvAttached : undefined,
    cvNote: operation.payload.cvWithheld,
    operationId: operation.id,
    state: operation.state,
    outcome: syncOutcome(operation.delivery.outcome),
    message: operation.lastError,
    nextAttemptAt: operation.nextAttemptAt,
    warnings: operation.delivery.warnings,
    resumeNote: operation.payload.resumeNote,
    downloadAvailable: !!operation.payload.pdfBase64,
  };
}

export async function submitSync(candidateKey: string, fields: SyncFields, answers: Record<string, unknown>, resume?: ResumeUpload, opts: { wait?: boolean } = {}): Promise<SyncProgress> {
  const record = await readSourced(candidateKey);
  const data = sourcedData(record);
  if (!record || !data) throw new PublicError(t('openAgain'));
  const job = await readJob(fields.jobKey);
  if (!job || job.status !== 'active') throw new PublicError(t('jobNotActive'));
  if (data.syncs?.[job.key]) throw new PublicError(t('alreadySynced', { job: job.name }));
  const checked = checkAnswers(toQuestions(job.screeningQuestions), answers);
  const { values } = await readSettings();

  // The one PDF: profile pages + the original resume's pages when it is a PDF.
  const transcript = parseTranscript(fields.transcript);
  const pdf = await buildProfilePdf(
    {
      fullName: `${fields.firstName} ${fields.lastName}`,
      email: fields.email,
      phone: fields.phone || undefined,
      headline: data.headline,
      jobName: job.name,
      sourceUrl: data.sourceUrl,
      sourceSite: data.sourceSite,
      rating: fields.rating,
      assessmentSummary: fields.summary || undefined,
      transcript,
      capturedAt: record.capturedAt,
    },
    await loadProfileFonts(),
    resume ? { bytes: base64ToBytes(resume.base64), contentType: resume.contentType, fileName: resume.fileName } : undefined,
  );

  // The ATS's own attachment rules (Kombo: per integration): a PDF it would refuse is said now, not sent blindly.
  const atsName = toolName(await readAtsConnection());
  let cvWithheld: string | undefined;
  const check = await withAts((ats) => ats.checkCv?.({ sizeBytes: pdf.bytes.length, contentType: 'application/pdf' }) ?? Promise.resolve(undefined)).catch(() => undefined); // no answer about CVs: the PDF goes as usual and the ATS's own answer to the upload decides
  if (check && !check.ok) {
    if (check.reason === 'unsupported') cvWithheld = t('cvUnsupported', { ats: atsName });
    else if (check.reason === 'too-large') throw new PublicError(t('cvTooLarge', { ats: atsName, max: megabytes(check.maxBytes), size: megabytes(pdf.bytes.length) }));
    else throw new PublicError(t('cvWrongType', { ats: atsName, types: check.accepted.join(', ') }));
  }

  const note = [fields.rating ? t('assessmentNote', { rating: fields.rating }) : undefined, fields.summary || undefined].filter(Boolean).join('\n');
  const { operation } = await enqueue(KIND, `${candidateKey}|${job.key}`, {
    name: `${fields.firstName} ${fields.lastName}`,
    candidateKey,
    jobKey: job.key,
    jobVendorId: job.vendorId,
    jobName: job.name,
    fields,
    answers: checked,
    sourceName: values.sourceName,
    link: { label: t('profileOn', { site: data.sourceSite }), url: data.sourceUrl },
    note,
    pdfFileName: pdfFileName(`${fields.firstName} ${fields.lastName}`),
    pdfBase64: bytesToBase64(pdf.bytes),
    resumeNote: pdf.resumeMessage,
    ...(cvWithheld ? { cvWithheld } : {}),
  });
  void process(operation.id);
  if (opts.wait === false) return toSyncProgress(operation as SyncOperation);
  const settled = await settle(operation.id, 20_000);
  return toSyncProgress((settled ?? operation) as SyncOperation);
}

const megabytes = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`);

export async function syncProgress(operationId: string): Promise<SyncProgress> {
  const operation = await readOperation(operationId);
  if (!operation || isUnreadable(operation) || operation.kind !== KIND) throw new PublicError(t('unknownSync'));
  return toSyncProgress(operation);
}

export async function profilePdf(operationId: string): Promise<{ fileName: string; base64: string }> {
  const operation = await readOperation(operationId);
  if (!operation || isUnreadable(operation) || operation.kind !== KIND || !operation.payload.pdfBase64) throw new PublicError(t('pdfGone'));
  return { fileName: operation.payload.pdfFileName, base64: operation.payload.pdfBase64 };
}

/**
 * After our own client stopped waiting: the first look in 30 s (Chrome's shortest alarm), then every minute. After
 * Kombo's PLATFORM.TASK_TIMED_OUT the first look is at once: Kombo has stopped waiting itself, so whatever it did may
 * be there already (its errors guide, https://docs.kombo.dev/guides/errors: the action may have happened in the ATS).
 * Either way the look-again window runs from the send.
 */
const FIRST_CHECK_MS = 30_000;
const CHECK_EVERY_MS = 60_000;
/** After the vendor's own time for a write is over, the ATS's record may take a little longer to show. */
const SHOW_MARGIN_MS = 60_000;

/** The connected ATS by name ("your ATS" when Kombo has not said which); `atsLabel` adds "(through Kombo)". */
type AtsConnection = Parameters<typeof atsToolName>[0];
const toolName = (connection: AtsConnection | undefined) => (connection ? atsToolName(connection) : undefined) ?? t('yourAts');
const atsLabel = (connection: AtsConnection | undefined) => (connection?.provider === 'kombo' ? t('throughKombo', { tool: toolName(connection) }) : toolName(connection));
const atsNameOf = async () => atsLabel(await readAtsConnection());

/**
 * Send the application, exactly once. The candidate is looked up by email first (their applications say whether this
 * job has one): the same job is a duplicate of someone else's, unless an earlier send of this operation has no answer
 * yet (a timeout, Kombo's TASK_TIMED_OUT, a stopped worker) — then it is this sync, found later. While such a send may
 * still be under way at the vendor (`writeSettlesWithinMs` plus a margin), nothing is sent again: the operation looks
 * again later by alarm. Only once that time is over does "not found" mean "did not happen", and it is sent again.
 */
const sendSourcedApplication: OperationHandler<'sync-candidate'> = async (operation, context) => {
  const p = operation.payload;
  const facts = createFacts(operation);
  const record = (next: CreateFacts) => context.checkpoint({ ...(operation.delivery.steps ?? {}), create: { ...next } });
  const { values } = await readSettings();
  const ats = await atsNameOf();
  return withAts(async (port: AtsPort) => {
    const existing = await port.findCandidateByEmail(p.fields.email);
    const already = existing?.applications.find((a) => a.jobId === p.jobVendorId);
    // An earlier send of this operation has no answer (operations stored before `sentAt` existed: any earlier send).
    const unanswered = !!facts.sentAt || (!operation.delivery.steps?.create && sendsOf(operation) > 0);
    if (already) {
      if (!unanswered) return { outcome: 'duplicate', remoteId: already.id };
      // Our own send, found later: finish what its answer would have started (link back, source tag).
      const followUps = existing && port.finishApplication ? await port.finishApplication({ applicationId: already.id, candidateId: existing.id }, { link: p.link, sourceName: p.sourceName }) : [];
      await record({ done: true, existingCandidate: facts.existingCandidate });
      return { outcome: facts.existingCandidate ? 'added-to-existing' : 'created', remoteId: already.id, warnings: [t('foundLater', { ats }), ...followUps] };
    }
    const settlesAt = facts.sentAt ? Date.parse(facts.sentAt) + port.writeSettlesWithinMs + SHOW_MARGIN_MS : 0;
    if (facts.sentAt && Date.now() < settlesAt) {
      const checks = (facts.checks ?? 0) + 1;
      await record({ ...facts, checks });
      const wait = Math.max(FIRST_CHECK_MS, Math.min(CHECK_EVERY_MS, settlesAt - Date.now()));
      throw new CheckAgainLater(wait, t('notFoundYet', { ats, sent: formatDateTime(facts.sentAt, 'time') }));
    }

    // Kombo's writes wait as long as the admin set (bounded by the HTTP client); other vendors' writes their own default.
    const waitMs = port.provider === 'kombo' ? values.komboWriteWaitSeconds * 1000 : undefined;
    await record({ sentAt: new Date().toISOString(), existingCandidate: existing !== null });
    try {
      const created = await port.createApplication({
        jobId: p.jobVendorId,
        existingCandidateId: existing?.id ?? null,
        candidate: { firstName: p.fields.firstName, lastName: p.fields.lastName, email: p.fields.email, phone: p.fields.phone || undefined },
        cv: port.acceptsFiles && !p.cvWithheld ? { fileName: p.pdfFileName, base64: p.pdfBase64 } : undefined,
        answers: p.answers,
        sourceName: p.sourceName,
        link: p.link,
        note: p.note || undefined,
        waitMs,
      });
      await record({ done: true, existingCandidate: created.existingCandidate, cvAttached: created.cvAttached });
      return { outcome: created.existingCandidate ? 'added-to-existing' : 'created', remoteId: created.applicationId, warnings: created.warnings };
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'timeout') {
        // No answer is not "no": it may still happen at the vendor. Look for it later; never send it again blindly.
        // The vendor's own "timed out" (Kombo's TASK_TIMED_OUT) is an answer: the first look is at once (a timer, not an alarm).
        if (error.vendorCode) throw new CheckAgainLater(0, error.publicMessage);
        throw new CheckAgainLater(FIRST_CHECK_MS, t('noAnswer', { ats, seconds: String(Math.round((waitMs ?? DEFAULT_TIMEOUTS.writeMs) / 1000)) }));
      }
      // Any other answer is definitive: this send did not create anything.
      await record({});
      if (error instanceof ConnectorError && error.code === 'conflict') {
        // It exists although the lookup did not see it: ours when an earlier send of ours had no answer.
        return { outcome: unanswered ? 'created' : 'duplicate' };
      }
      throw error;
    }
  });
};

// Remember the sync on the captured person and log it, whichever context started it.
function onSourcingOperationChange(operation: OperationRecord): void {
  if (operation.kind !== KIND) return;
  const name = operation.payload.name || t('aCandidate');
  const jobName = operation.payload.jobName || t('theJob');
  const { candidateKey, jobKey } = operation.payload;
  if (operation.state === 'done') {
    void db().candidates.update(candidateKey, (record) => {
      if (record.data.kind !== 'sourced') return;
      record.data.syncs = { ...(record.data.syncs ?? {}), [jobKey]: { at: operation.updatedAt, applicationId: operation.remoteId, outcome: operation.delivery.outcome } };
    });
    const duplicate = operation.delivery.outcome === 'duplicate';
    // Every warning stays with the synced candidate in the log (Kombo's own, and what did not go through).
    const warnings = [operation.payload.cvWithheld, ...(operation.delivery.warnings ?? [])].filter((w): w is string => !!w);
    void recordActivity({
      kind: 'sync',
      level: duplicate || warnings.length ? 'warning' : 'success',
      message: duplicate
        ? t('loggedDuplicate', { name, job: jobName })
        : warnings.length
          ? t('loggedSyncedWarnings', { name, job: jobName, warnings: warnings.join(' ') })
          : t('loggedSynced', { name, job: jobName }),
      operationId: operation.id,
    });
  } else if (operation.state === 'needs-attention') {
    void recordActivity({ kind: 'sync', level: 'error', message: t('loggedAttention', { name, job: jobName, error: operation.lastError ?? '' }), operationId: operation.id });
  }
}

/** The sourcing operation's handler and its follower (called once, where the worker starts). */
export function registerSourcingOperations(): void {
  registerHandler(syncOperation.kind, sendSourcedApplication);
  onOperationChange(onSourcingOperationChange);
}

/** Sync is offered on sites other than the system-of-record ATS (there the candidate already is). */
export async function isSyncOffered(adapterId: string): Promise<boolean> {
  const connection = await readAtsConnection();
  if (!connection) return false;
  const adapter = siteById(adapterId);
  if (!adapter) return false;
  return !isConnectedAtsSite(adapter, connection);
}

const sameStage = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;

/**
 * Keep a prepared sync to send by itself once the person reaches the admin's trigger stage (default "Engaged").
 * Checked now: if the page already shows that stage, it goes at once.
 */
export async function planAutoSync(candidateKey: string, fields: SyncFields, answers: Record<string, unknown>, resume?: ResumeUpload): Promise<{ stage: string; sentNow: boolean }> {
  const { values } = await readSettings();
  if (!values.autoSync) throw new PublicError(t('autoSyncOff'));
  const record = await readSourced(candidateKey);
  const data = sourcedData(record);
  if (!record || !data) throw new PublicError(t('openAgain'));
  const job = await readJob(fields.jobKey);
  if (!job || job.status !== 'active') throw new PublicError(t('jobNotActive'));
  checkAnswers(toQuestions(job.screeningQuestions), answers);
  await db().candidates.update(candidateKey, (r) => {
    if (r.data.kind === 'sourced') r.data.autoSyncPlan = { fields, answers, resume, plannedAt: new Date().toISOString() };
  });
  const sentNow = data.stage ? await runAutoSyncIfDue(candidateKey, data.stage, values) : false;
  return { stage: values.autoSyncStage, sentNow };
}

/** A page showed this person at `stage`: send their planned sync if that is the trigger stage. */
async function runAutoSyncIfDue(candidateKey: string, stage: string, values: Settings): Promise<boolean> {
  if (!values.autoSync || !sameStage(stage, values.autoSyncStage)) return false;
  const plan = plannedSync(await readSourced(candidateKey));
  if (!plan) return false;
  await db().candidates.update(candidateKey, (r) => {
    if (r.data.kind !== 'sourced') return;
    delete r.data.autoSyncPlan;
    r.data.stage = stage;
  });
  try {
    await submitSync(candidateKey, plan.fields, plan.answers, plan.resume, { wait: false });
    return true;
  } catch (error) {
    await recordActivity({ kind: 'sync', level: 'error', message: t('autoSyncFailed', { name: `${plan.fields.firstName} ${plan.fields.lastName}`, reason: publicMessageOf(error, t('unexpectedError')) }) });
    return false;
  }
}

/** Candidates seen on an ATS page (with their stage): planned syncs whose trigger stage was reached go out. */
export async function autoSyncSeenCandidates(adapterId: string, candidates: { siteCandidateId: string; stage?: string }[]): Promise<void> {
  // Runs on every batch of page buttons: settings are read once, and nothing more when automatic sync is off.
  const { values } = await readSettings();
  if (!values.autoSync) return;
  for (const c of candidates) {
    if (c.stage) await runAutoSyncIfDue(`sourced:${adapterId}:${c.siteCandidateId}`, c.stage, values);
  }
}

export interface SyncedCandidateView {
  key: string;
  name: string;
  jobName: string;
  syncedAt: string;
  /** The application's current stage as the ATS reports it (undefined when it does not say). */
  stage?: string;
  sourceSite: string;
}

/**
 * Synced candidates with the current stage of their application, asked of the ATS (one lookup per person,
 * the 20 most recent). Status changes do not flow back otherwise (SPEC F4.5).
 */
export async function syncedCandidates(limit = 20): Promise<{ items: SyncedCandidateView[]; stageError?: string }> {
  const records = (await db().candidates.toArray())
    .map(asSourced)
    .filter((r): r is SourcedCandidate => Object.keys(r?.data.syncs ?? {}).length > 0)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit);
  const jobs = new Map((await readJobs(records.flatMap((r) => Object.keys(sourcedData(r)!.syncs!)))).filter((j) => !!j).map((j) => [j!.key, j!]));
  const items: SyncedCandidateView[] = [];
  let stageError: string | undefined;
  await withAts(async (ats) => {
    for (const record of records) {
      const data = sourcedData(record)!;
      let applications: { jobId?: string; stageName?: string }[] = [];
      if (record.email && !stageError) {
        try {
          applications = (await ats.findCandidateByEmail(record.email))?.applications ?? [];
        } catch (error) {
          stageError = t('stagesUnknown', { reason: (error as Error).message });
        }
      }
      for (const [jobKey, sync] of Object.entries(data.syncs!)) {
        const job = jobs.get(jobKey);
        items.push({
          key: `${record.key}|${jobKey}`,
          name: `${record.firstName} ${record.lastName}`.trim(),
          jobName: job?.name ?? t('aJob'),
          syncedAt: sync.at,
          stage: applications.find((a) => a.jobId === job?.vendorId)?.stageName,
          sourceSite: data.sourceSite,
        });
      }
    }
  }).catch((error: Error) => (stageError ??= error.message));
  return { items, stageError };
}
