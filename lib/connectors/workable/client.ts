import type { z } from 'zod/mini';
import type { DirectAtsCredentials } from '../direct';
import { ConnectorError } from '../errors';
import { createHttpClient, type HttpHooks, type RequestOptions } from '../http';
import { t as connectorT } from '../messages';
import type { AtsApplicationSummary, AtsCandidate, AtsJob, AtsJobStatus, AtsPort, CvCheck, HireStartDate, HiredApplication, NewApplication, ScreeningAnswer, ScreeningQuestion } from '../types';
import { workableSubdomain, type WORKABLE_SCOPES } from './card';
import { classifyWorkableError, namingScope, readWorkableError } from './errors';
import { readWorkableLimits } from './limits';
import { t } from './messages';
import { Anything, CandidateList, CopiedCandidate, CreatedCandidate, JobList, MemberList, Offer, OneCandidate, QuestionList, StageList, Tags, type CandidateDetail, type CandidateRow, type Job } from './schemas';

/**
 * Workable's SPI v3, behind the AtsPort (tests/vendor/workable/spi-v3-excerpt.json has every answer this reads).
 *
 * Workable's candidate is per job: one record per person and job, each with its own id (the example record's
 * `originating_candidate_id` points to the record it came from). So here a "candidate" is the records sharing an
 * email, and each record is one application: the application's id is the record's id.
 *
 * The web app's candidate id is NOT the API's id: the API's ids are short hex strings ("3fc9a80f") while each record's
 * `profile_url` ends in another, numeric id (…/backend/jobs/376844767/candidates/1070179133), the one the web app's
 * URLs show (lib/sites/adapters/workable.ts). The API has no filter by it, so it is found by reading `profile_url`.
 */

type Scope = (typeof WORKABLE_SCOPES)[number];

/** Documented job states (https://workable.readme.io/reference/jobs); "closed is a job used internally or confidentially". */
export const WORKABLE_JOB_STATUS: Record<string, AtsJobStatus> = { published: 'open', draft: 'draft', closed: 'closed', archived: 'archived' };

/** "By default results are limited to 50 … The value specified cannot be more than 100" (jobs reference page). */
export const WORKABLE_MAX_PAGE_SIZE = 100;
/** Hires come a few at a time: each costs one more request (its offer), at 10 requests per 10 s. */
export const HIRES_PER_PAGE = 10;
/** How far a look-up by the web app's id reads the candidates collection before it says it cannot find them. */
export const REMOTE_ID_SCAN_PAGES = 50;

/**
 * The resume rules of a job's application form, as the vendor's example shows them (GET /jobs/:shortcode/application_form:
 * resume `supported_file_types` pdf, doc, docx, odt, rtf, html, htm, txt; `max_file_size` 5242880).
 */
export const WORKABLE_RESUME_MAX_BYTES = 5_242_880;
export const WORKABLE_RESUME_TYPES = ['application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text', 'application/rtf', 'text/html', 'text/plain'];

/** The web app's id at the end of a record's `profile_url`. */
export function webAppId(profileUrl: string | undefined): string | undefined {
  return profileUrl?.match(/\/candidates\/([^/?#]+)\/?(?:[?#].*)?$/)?.[1];
}

/** `since_id` of a `paging.next` URL: the next page starts there (inclusive, as `since_id` is documented). */
export function sinceIdOf(next: string | undefined): string | null {
  if (!next) return null;
  try {
    return new URL(next).searchParams.get('since_id');
  } catch {
    return null;
  }
}

const query = (params: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || v === null || v === '' ? [] : [[k, String(v)]]))).toString();

/** "ISO8601 … or Unix time" for `updated_after`: Unix seconds, the form with no doubt about separators. */
const unixSeconds = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

function names(row: CandidateRow): { firstName: string; lastName: string } {
  if (row.firstname || row.lastname) return { firstName: row.firstname ?? '', lastName: row.lastname ?? '' };
  const [first = '', ...rest] = (row.name ?? '').trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

function toQuestion(q: z.output<typeof QuestionList>['questions'][number]): ScreeningQuestion {
  const format =
    q.type === 'free_text' || q.type === 'short_text'
      ? 'TEXT'
      : q.type === 'numeric'
        ? 'NUMBER'
        : q.type === 'boolean'
          ? 'BOOLEAN'
          : q.type === 'date'
            ? 'DATE'
            : q.type === 'file'
              ? 'FILE'
              : q.type === 'dropdown' || q.type === 'multiple_choice'
                ? q.single_answer === false
                  ? 'MULTI_SELECT'
                  : 'SINGLE_SELECT'
                : q.type;
  return { id: q.id, title: q.body, required: !!q.required, format, ...(q.choices?.length ? { options: q.choices.map((c) => ({ id: c.id, name: c.body })) } : {}) };
}

/**
 * A screening answer the way Workable's answers read back (`body`, `choices`, `checked`, `date`, `number`), keyed by
 * `question_key` (tests/vendor/workable/SOURCE.md: the write keys are not in the stored excerpts). File answers are
 * not sent: nothing public says how Workable takes them.
 */
export function workableAnswer(answer: ScreeningAnswer, question: ScreeningQuestion | undefined): Record<string, unknown> | undefined {
  const value = answer.value;
  const key = { question_key: answer.questionId };
  if (typeof value === 'object' && !Array.isArray(value)) return undefined;
  if (Array.isArray(value)) return { ...key, choices: value };
  if (typeof value === 'boolean') return { ...key, checked: value };
  if (typeof value === 'number') return { ...key, number: value };
  if (question?.format === 'SINGLE_SELECT' || question?.format === 'MULTI_SELECT') return { ...key, choices: [value] };
  if (question?.format === 'DATE') return { ...key, date: value };
  if (question?.format === 'NUMBER' && value.trim() !== '' && !Number.isNaN(Number(value))) return { ...key, number: Number(value) };
  if (question?.format === 'BOOLEAN') return { ...key, checked: /^(true|yes|1)$/i.test(value) };
  return { ...key, body: value };
}

/** The start date of an offer's `start_date` document variable (YYYY-MM-DD). */
function startDateOf(offer: z.output<typeof Offer>): HireStartDate {
  const variable = offer.document_variables?.find((v) => v.document_variable.slug === 'start_date');
  const body = variable?.value?.body;
  const date = typeof body === 'string' ? body.match(/^\d{4}-\d{2}-\d{2}/)?.[0] : undefined;
  return date ? { startDate: date } : { gap: 'no-start-date' };
}

export function createWorkableAts(creds: DirectAtsCredentials, hooks?: HttpHooks): AtsPort {
  const http = createHttpClient({
    vendor: 'Workable',
    baseUrl: creds.baseUrl,
    headers: { authorization: `Bearer ${creds.secret}`, 'content-type': 'application/json' },
    hooks,
    readError: readWorkableError,
    readLimits: readWorkableLimits,
    classify: classifyWorkableError,
    secrets: [creds.secret],
  });
  /** Once any call answered, a refused one says the token lacks that call's scope, not that the token is wrong. */
  let tokenProven = false;

  async function call<S extends z.ZodMiniType>(scope: Scope, schema: S, path: string, init: RequestOptions = {}): Promise<z.output<S>> {
    try {
      const data = await http.request(schema, path, init);
      tokenProven = true;
      return data;
    } catch (error) {
      throw namingScope(error, scope, tokenProven);
    }
  }
  const orNull = async <T>(work: Promise<T>): Promise<T | null> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'not-found') return null;
      throw error;
    }
  };

  // Stages and the member a copy is made by change rarely: read once per connector instance.
  let stages: Promise<z.output<typeof StageList>['stages']> | undefined;
  const stageList = () => (stages ??= call('r_jobs', StageList, 'stages').then((s) => s.stages));
  const hiredStages = async () => (await stageList()).filter((s) => (s.kind ?? s.slug) === 'hired');
  let member: Promise<string> | undefined;
  const memberId = () =>
    (member ??= (async () => {
      const admins = await call('r_jobs', MemberList, 'members', { query: query({ role: 'admin', limit: 1 }) });
      const anyone = admins.members[0] ?? (await call('r_jobs', MemberList, 'members', { query: query({ limit: 1 }) })).members[0];
      if (!anyone) throw new ConnectorError({ vendor: 'Workable', code: 'setup', transient: false, message: t('noMember') });
      return anyone.id;
    })().catch((error: unknown) => {
      member = undefined;
      throw error;
    }));

  const toApplication = async (row: CandidateRow | CandidateDetail): Promise<AtsApplicationSummary> => {
    const hiredNames = new Set((await hiredStages()).map((s) => s.name.toLowerCase()));
    const resume = typeof (row as CandidateDetail).resume_url === 'string' ? (row as CandidateDetail).resume_url : undefined;
    return {
      id: row.id,
      remoteId: webAppId(row.profile_url),
      jobId: row.job?.shortcode,
      jobName: row.job?.title,
      stageName: row.stage,
      hired: !!row.stage && hiredNames.has(row.stage.toLowerCase()),
      ...(resume ? { cv: { url: resume } } : {}),
    };
  };
  /** One person: their records (the first is the one asked for), as one candidate with an application per record. */
  const toCandidate = async (rows: (CandidateRow | CandidateDetail)[]): Promise<AtsCandidate> => {
    const first = rows[0];
    return {
      id: first.id,
      remoteId: webAppId(first.profile_url),
      ...names(first),
      email: first.email,
      phone: typeof (first as CandidateDetail).phone === 'string' ? (first as CandidateDetail).phone : undefined,
      applications: await Promise.all(rows.map(toApplication)),
    };
  };

  const candidateDetail = (id: string) => orNull(call('r_candidates', OneCandidate, `candidates/${encodeURIComponent(id)}`).then((r) => r.candidate));

  /** One page of the candidates collection, and where the next one starts. */
  async function candidatePage(params: Record<string, string | number | undefined>, sinceId: string | null) {
    const page = await call('r_candidates', CandidateList, 'candidates', { query: query({ ...params, since_id: sinceId ?? undefined }) });
    const next = sinceIdOf(page.paging?.next);
    if (next !== null && next === sinceId) throw new ConnectorError({ vendor: 'Workable', code: 'bad-response', transient: false, message: t('repeatedPage', { what: t('candidates') }) });
    return { rows: page.candidates, next };
  }

  /** Web app id → API id, for every record this instance has read (a scan is not repeated for the same page). */
  const byWebAppId = new Map<string, CandidateRow>();
  const remember = (rows: CandidateRow[]) => rows.forEach((r) => r.profile_url && byWebAppId.set(webAppId(r.profile_url) ?? '', r));
  /** Reads the collection (one job's records when `shortcode` is given) until every id is found, it ends, or the scan's bound is reached. */
  async function scanForWebAppIds(ids: string[], shortcode?: string): Promise<{ found: Map<string, CandidateRow>; complete: boolean }> {
    const found = new Map(ids.flatMap((id) => (byWebAppId.has(id) ? [[id, byWebAppId.get(id)!] as const] : [])));
    let sinceId: string | null = null;
    for (let page = 0; page < REMOTE_ID_SCAN_PAGES && found.size < ids.length; page++) {
      const { rows, next } = await candidatePage({ limit: WORKABLE_MAX_PAGE_SIZE, shortcode }, sinceId);
      remember(rows);
      for (const id of ids) if (byWebAppId.has(id)) found.set(id, byWebAppId.get(id)!);
      if (next === null) return { found, complete: true };
      sinceId = next;
    }
    return { found, complete: found.size === ids.length };
  }

  /**
   * The job a web app URL names (…/backend/jobs/376844767/…): its numeric id is the one ending the job's `url`
   * (https://groove-tech.workable.com/jobs/376844767 in the vendor's example, the same id as in `profile_url`), and
   * the API addresses the job by its shortcode. Null when no job has that id.
   */
  const shortcodeByWebJobId = new Map<string, string>();
  async function shortcodeOfWebJob(webJobId: string): Promise<string | null> {
    let sinceId: string | null = null;
    while (!shortcodeByWebJobId.has(webJobId)) {
      const page = await call('r_jobs', JobList, 'jobs', { query: query({ limit: WORKABLE_MAX_PAGE_SIZE, since_id: sinceId ?? undefined }) });
      for (const job of page.jobs) {
        const id = job.url?.match(/\/jobs\/(\d+)\/?$/)?.[1];
        if (id) shortcodeByWebJobId.set(id, job.shortcode);
      }
      const next = sinceIdOf(page.paging?.next);
      if (next === null || next === sinceId) break;
      sinceId = next;
    }
    return shortcodeByWebJobId.get(webJobId) ?? null;
  }

  const questionsOf = new Map<string, Promise<ScreeningQuestion[]>>();
  const jobQuestions = (shortcode: string) => {
    let found = questionsOf.get(shortcode);
    if (!found) {
      found = call('r_jobs', QuestionList, `jobs/${encodeURIComponent(shortcode)}/questions`).then((q) => q.questions.map(toQuestion));
      found.catch(() => questionsOf.delete(shortcode)); // a failed read is not cached: the next pull asks again (the caller sees the failure)
      questionsOf.set(shortcode, found);
    }
    return found;
  };

  const toJob = (job: Job, questions: ScreeningQuestion[]): AtsJob => {
    const l = job.location;
    const place = l?.location_str ?? [l?.city, l?.region, l?.country].filter(Boolean).join(', ');
    return {
      id: job.shortcode,
      remoteId: job.id,
      name: job.title,
      status: WORKABLE_JOB_STATUS[job.state] ?? 'closed',
      // Workable's listings never mark a deletion: a deleted job is absent (a complete listing archives it).
      deleted: false,
      country: l?.country_code?.toUpperCase(),
      locationName: place || undefined,
      url: job.url,
      screeningQuestions: questions,
      changedAt: job.updated_at,
    };
  };
  const jobCursors = new Set<string>();

  async function offerStartDate(candidateId: string): Promise<HireStartDate> {
    const offer = await orNull(call('r_candidates', Offer, `candidates/${encodeURIComponent(candidateId)}/offer`));
    return offer ? startDateOf(offer) : { gap: 'no-accepted-offer' };
  }

  /** Best effort: a follow-up that fails is a warning, never a failed sync (the candidate exists by then). */
  async function bestEffort(what: string, work: () => Promise<unknown>, warnings: string[]): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      warnings.push(connectorT('didNotGoThrough', { what, reason: error instanceof ConnectorError ? error.message : String(error) }));
      return false;
    }
  }
  const linkText = (input: Pick<NewApplication, 'link' | 'note'>) => [input.note, input.link ? `${input.link.label}: ${input.link.url}` : undefined].filter(Boolean).join('\n\n');

  /** The source tag and the link back on a record, each only if it is not there yet (a retry never doubles them). */
  async function followUps(recordId: string, input: Pick<NewApplication, 'link' | 'sourceName'> & { note?: string }) {
    const warnings: string[] = [];
    const detail = await candidateDetail(recordId);
    if (!detail) return { linkAdded: false, warnings };
    const tags = detail.tags ?? [];
    if (!tags.includes(input.sourceName)) {
      // The tags endpoint replaces the list: the record's own tags go along.
      await bestEffort(connectorT('sourceTag'), () => call('w_candidates', Tags, `candidates/${encodeURIComponent(recordId)}/tags`, { method: 'PUT', body: { tags: [...tags, input.sourceName] } }), warnings);
    }
    let linkAdded = false;
    const text = linkText(input);
    if (input.link && !(detail.cover_letter ?? '').includes(input.link.url)) {
      const coverLetter = [detail.cover_letter, text].filter(Boolean).join('\n\n');
      linkAdded = await bestEffort(connectorT('linkBack'), () => call('w_candidates', Anything, `candidates/${encodeURIComponent(recordId)}`, { method: 'PATCH', body: { candidate: { cover_letter: coverLetter } } }), warnings);
    } else linkAdded = !!input.link;
    return { linkAdded, warnings };
  }

  return {
    provider: 'workable',
    incrementalJobs: true,
    acceptsFiles: true,
    // One synchronous create per sync: once the client stops waiting, Workable finishes (or not) within its own request time.
    writeSettlesWithinMs: 30_000,

    async verify() {
      // The token and r_jobs; then r_candidates. w_candidates has no read to prove it: the first sync does.
      await call('r_jobs', JobList, 'jobs', { query: query({ limit: 1 }) });
      const candidates = await call('r_candidates', CandidateList, 'candidates', { query: query({ limit: 1 }) });
      return { label: candidates.candidates[0]?.account?.name ?? workableSubdomain(new URL(creds.baseUrl).hostname), tool: 'workable' };
    },

    async listJobs(q) {
      // A listing starts without a cursor: the pages seen belong to one listing, not to every pull of this instance.
      if (!q.cursor) jobCursors.clear();
      const page = await call('r_jobs', JobList, 'jobs', {
        query: query({ limit: Math.min(q.pageSize ?? WORKABLE_MAX_PAGE_SIZE, WORKABLE_MAX_PAGE_SIZE), since_id: q.cursor ?? undefined, updated_after: q.updatedAfter ? unixSeconds(q.updatedAfter) : undefined }),
      });
      const next = sinceIdOf(page.paging?.next);
      if (next !== null) {
        if (next === q.cursor || jobCursors.has(next)) throw new ConnectorError({ vendor: 'Workable', code: 'bad-response', transient: false, message: t('repeatedPage', { what: t('jobs') }) });
        jobCursors.add(next);
      }
      // Screening questions only where a candidate can still be synced: one request per open job.
      const jobs = [];
      for (const job of page.jobs) jobs.push(toJob(job, job.state === 'published' ? await jobQuestions(job.shortcode) : []));
      return { jobs, next };
    },

    async findCandidateById(id) {
      const detail = await candidateDetail(id);
      return detail ? toCandidate([detail]) : null;
    },

    async findCandidateByRemoteId(remoteId, page) {
      // The page's job narrows the search to that job's records; the whole collection only when they do not have them.
      const shortcode = page?.jobRemoteId ? await shortcodeOfWebJob(page.jobRemoteId) : null;
      let { found, complete } = shortcode ? await scanForWebAppIds([remoteId], shortcode) : { found: new Map<string, CandidateRow>(), complete: false };
      if (!found.has(remoteId)) ({ found, complete } = await scanForWebAppIds([remoteId]));
      const row = found.get(remoteId);
      if (!row) {
        if (complete) return null;
        throw new ConnectorError({ vendor: 'Workable', code: 'not-found', transient: false, message: t('remoteIdNotSearchable', { id: remoteId, count: String(REMOTE_ID_SCAN_PAGES * WORKABLE_MAX_PAGE_SIZE) }) });
      }
      // The collection has no phone: the record itself does.
      return toCandidate([(await candidateDetail(row.id)) ?? row]);
    },

    async findCandidatesByRemoteIds(remoteIds) {
      if (!remoteIds.length) return [];
      const { found } = await scanForWebAppIds([...new Set(remoteIds)]);
      return Promise.all([...found.values()].map((row) => toCandidate([row])));
    },

    async findCandidateByEmail(email) {
      const wanted = email.trim().toLowerCase();
      const rows: CandidateRow[] = [];
      let sinceId: string | null = null;
      do {
        const page = await candidatePage({ email: email.trim(), limit: WORKABLE_MAX_PAGE_SIZE }, sinceId);
        rows.push(...page.rows);
        sinceId = page.next;
      } while (sinceId !== null);
      // The filter is trusted only as far as it goes: the same email, whatever its case.
      const same = rows.filter((r) => r.email?.trim().toLowerCase() === wanted);
      return same.length ? toCandidate(same) : null;
    },

    async listHiredApplications(q) {
      const slugs = (await hiredStages()).map((s) => s.slug);
      const [slugIndex, sinceId] = q.cursor ? (JSON.parse(q.cursor) as [number, string | null]) : [0, null];
      const slug = slugs[slugIndex];
      if (slug === undefined) return { items: [], next: null };
      const hiredNames = new Set((await hiredStages()).map((s) => s.name.toLowerCase()));
      const page = await candidatePage({ stage: slug, limit: HIRES_PER_PAGE }, sinceId);
      const items: HiredApplication[] = [];
      for (const row of page.rows.filter((r) => r.stage && hiredNames.has(r.stage.toLowerCase()))) {
        // One more request per hire: the start date from the offer.
        const start = await offerStartDate(row.id);
        items.push({
          applicationId: row.id,
          candidate: await toCandidate([row]),
          jobId: row.job?.shortcode,
          jobName: row.job?.title,
          hiredAt: row.hired_at,
          ...('startDate' in start ? { startDate: start.startDate } : { startDateGap: start.gap }),
        });
      }
      const next = page.next !== null ? JSON.stringify([slugIndex, page.next]) : slugIndex + 1 < slugs.length ? JSON.stringify([slugIndex + 1, null]) : null;
      return { items, next };
    },

    hireStartDate: (applicationId) => offerStartDate(applicationId),

    async createApplication(input) {
      const shortcode = input.jobId;
      if (input.existingCandidateId !== null) {
        // Workable's documented way to put an existing candidate on another job: a copy, by a member of the account.
        const copied = await call('w_candidates', CopiedCandidate, `candidates/${encodeURIComponent(input.existingCandidateId)}/copy`, {
          method: 'POST',
          body: { member_id: await memberId(), target_job_shortcode: shortcode, target_stage: 'sourced' },
          timeoutMs: input.waitMs,
        });
        const recordId = copied.candidate.id;
        const { linkAdded, warnings } = await followUps(recordId, input);
        if (input.cv) warnings.push(t('cvNotOnCopy'));
        if (input.answers.length) warnings.push(t('answersNotOnCopy'));
        return { applicationId: recordId, candidateId: recordId, existingCandidate: true, cvAttached: false, linkAdded, warnings };
      }
      const questions = input.answers.length ? await jobQuestions(shortcode) : [];
      const answers = input.answers.flatMap((a) => workableAnswer(a, questions.find((q) => q.id === a.questionId)) ?? []);
      const text = linkText(input);
      const created = await call('w_candidates', CreatedCandidate, `jobs/${encodeURIComponent(shortcode)}/candidates`, {
        method: 'POST',
        timeoutMs: input.waitMs,
        body: {
          // Sourced: uploaded by the team, not an applicant (no "thank you for applying" email).
          sourced: true,
          candidate: {
            firstname: input.candidate.firstName,
            lastname: input.candidate.lastName,
            email: input.candidate.email.trim(),
            ...(input.candidate.phone ? { phone: input.candidate.phone } : {}),
            ...(input.candidate.title ? { headline: input.candidate.title } : {}),
            tags: [input.sourceName],
            ...(text ? { cover_letter: text } : {}),
            ...(answers.length ? { answers } : {}),
            ...(input.cv ? { resume: { name: input.cv.fileName, data: input.cv.base64 } } : {}),
          },
        },
      });
      const warnings = input.answers.some((a) => typeof a.value === 'object' && !Array.isArray(a.value)) ? [connectorT('didNotGoThrough', { what: t('fileAnswers'), reason: t('noFileAnswers') })] : [];
      return { applicationId: created.candidate.id, candidateId: created.candidate.id, existingCandidate: false, cvAttached: !!input.cv, linkAdded: !!input.link, warnings };
    },

    finishApplication: async (ids, input) => (await followUps(ids.applicationId, input)).warnings,

    async checkCv(cv): Promise<CvCheck> {
      if (cv.sizeBytes > WORKABLE_RESUME_MAX_BYTES) return { ok: false, reason: 'too-large', maxBytes: WORKABLE_RESUME_MAX_BYTES };
      if (!WORKABLE_RESUME_TYPES.includes(cv.contentType.toLowerCase())) return { ok: false, reason: 'type', accepted: WORKABLE_RESUME_TYPES };
      return { ok: true };
    },
  };
}
