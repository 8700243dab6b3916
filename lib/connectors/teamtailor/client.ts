import type { z } from 'zod/mini';
import type { DirectAtsCredentials } from '../direct';
import { ConnectorError } from '../errors';
import { createHttpClient, type HttpHooks } from '../http';
import { t as connectorT } from '../messages';
import type { AtsApplicationSummary, AtsCandidate, AtsJob, AtsJobStatus, AtsPort, HiredApplication, NewApplication, ScreeningAnswerValue, ScreeningQuestion } from '../types';
import { classifyTeamtailorError, readTeamtailorError } from './errors';
import { readTeamtailorLimits } from './limits';
import { t } from './messages';
import { Answer, Candidate, Job, JobApplication, listOf, Location, oneOf, PickedQuestion, Question, readAlternatives, Stage } from './schemas';

/**
 * Teamtailor's API, directly (docs: tests/vendor/teamtailor/SOURCE.md). JSON:API over `https://api.teamtailor.com/v1`
 * (EU) or `https://api.na.teamtailor.com/v1` (NA), `Authorization: Token token=<key>` and the required `X-Api-Version`.
 */

/** The one dated version Teamtailor's docs name ("The current version is 20161108"; every later change "non breaking"). */
export const TEAMTAILOR_API_VERSION = '20161108';
/** "page[size] … Default: 10, max: 30" (docs, Pagination). */
export const TEAMTAILOR_MAX_PAGE_SIZE = 30;
/**
 * A create is answered with the created record (201; docs "Create candidate", "Create Job application"): Teamtailor does
 * no background work Hirebridge waits for. A request cut off on our side (at most 25 s) may still finish on theirs;
 * no figure is published for how long a request may run there, so a missing answer is looked up again after 30 s.
 */
export const TEAMTAILOR_WRITE_SETTLES_MS = 30_000;

const JSON_API = { 'content-type': 'application/vnd.api+json' };

/** JSON:API query strings: bracketed names (`page[size]`, `filter[email]`) encoded as the docs' own links are. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

/** The next page's number from `links.next` (Teamtailor pages by `page[number]`), or null on the last page. */
export function nextPageNumber(next: string | null | undefined): string | null {
  if (!next) return null;
  try {
    const number = new URL(next, 'https://api.teamtailor.com').searchParams.get('page[number]');
    return number && /^\d+$/.test(number) ? number : null;
  } catch {
    return null;
  }
}

/** ISO 3166-1 alpha-2 for a country's English name ("Full name of country, e.g Sweden", docs Locations). */
let countryCodes: Map<string, string> | undefined;
export function countryCode(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const shown = names.of(code);
        // Retired codes share a current one's name (DD and FX are shown as Germany and France): only current codes count.
        const current = Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
        if (shown && shown !== code && current && !['EU', 'EZ', 'UN', 'ZZ', 'QO'].includes(code)) countryCodes.set(shown.toLowerCase(), code);
      }
    }
  }
  return countryCodes.get(name.trim().toLowerCase()) ?? (/^[A-Za-z]{2}$/.test(name.trim()) ? name.trim().toUpperCase() : undefined);
}

/**
 * Job status (docs, Jobs): `status` is open, draft, archived, unlisted or temp. Unlisted jobs still recruit (only the
 * career-site listing is gone), so they are open; `temp` and drafts are drafts. Deleted jobs are not listed at all:
 * a complete listing that no longer has a job archives it (lib/jobs).
 */
const STATUS: Record<string, AtsJobStatus> = { open: 'open', unlisted: 'open', draft: 'draft', temp: 'draft', archived: 'archived' };

/** Question types (docs, Questions): Boolean, Choice (`multiple`), Text, Range; Video cannot be answered through the API. */
function questionFormat(question: Question): string | undefined {
  switch (question.attributes['question-type']) {
    case 'Boolean':
      return 'BOOLEAN';
    case 'Choice':
      return question.attributes.multiple ? 'MULTI_SELECT' : 'SINGLE_SELECT';
    case 'Text':
      return 'TEXT';
    case 'Range':
      return 'NUMBER';
    default:
      return undefined;
  }
}

type Resource = { id: string; type: string; relationships?: Record<string, { data?: unknown } | undefined> };

/** What `include` brought, by type and id. */
class Included {
  private byKey = new Map<string, unknown>();
  constructor(items: readonly { id: string; type: string }[] | undefined) {
    for (const item of items ?? []) this.byKey.set(`${item.type}:${item.id}`, item);
  }
  get<S extends z.ZodMiniType>(schema: S, type: string, id: string | undefined): z.output<S> | undefined {
    if (!id) return undefined;
    const parsed = schema.safeParse(this.byKey.get(`${type}:${id}`));
    return parsed.success ? parsed.data : undefined;
  }
}

/** The ids a relationship links to (present when it was included). */
function linked(resource: Resource, name: string): string[] {
  const data = resource.relationships?.[name]?.data;
  const list = Array.isArray(data) ? data : data ? [data] : [];
  return list.map((d) => String((d as { id: unknown }).id));
}

function toJob(job: Job, included: Included): AtsJob {
  const location = linked(job, 'locations').map((id) => included.get(Location, 'locations', id)).find(Boolean);
  const picked = linked(job, 'picked-questions').map((id) => included.get(PickedQuestion, 'picked-questions', id)).filter((p): p is PickedQuestion => !!p);
  const screeningQuestions: ScreeningQuestion[] = picked.flatMap((p) => {
    const question = included.get(Question, 'questions', linked(p, 'question')[0]);
    const format = question && questionFormat(question);
    if (!question || !format) return [];
    const options = format.endsWith('_SELECT') ? readAlternatives(question) : undefined;
    return [{ id: question.id, title: question.attributes.title ?? '', required: p.attributes.mandatory ?? false, format, ...(options ? { options } : {}) }];
  });
  const status = job.attributes.status ?? '';
  return {
    id: job.id,
    remoteId: job.id,
    name: job.attributes.title || '(untitled job)',
    status: STATUS[status] ?? 'closed',
    deleted: false,
    country: countryCode(location?.attributes.country),
    locationName: location ? location.attributes.city || location.attributes.name || undefined : undefined,
    url: job.links?.['careersite-job-url'] ?? undefined,
    screeningQuestions,
  };
}

function toApplication(application: JobApplication, included: Included): AtsApplicationSummary {
  const job = included.get(Job, 'jobs', linked(application, 'job')[0]);
  const stage = included.get(Stage, 'stages', linked(application, 'stage')[0]);
  return {
    id: application.id,
    remoteId: application.id,
    jobId: linked(application, 'job')[0],
    jobName: job?.attributes.title ?? undefined,
    stageName: stage?.attributes.name ?? undefined,
    // Every job has a "Hired" stage of stage-type `Hired` (docs, Stages).
    hired: stage?.attributes['stage-type'] === 'Hired',
  };
}

function toCandidate(candidate: Candidate, included: Included, applications?: AtsApplicationSummary[]): AtsCandidate {
  return {
    id: candidate.id,
    remoteId: candidate.id,
    firstName: candidate.attributes['first-name'] ?? '',
    lastName: candidate.attributes['last-name'] ?? '',
    email: candidate.attributes.email || undefined,
    phone: candidate.attributes.phone || undefined,
    applications:
      applications ??
      linked(candidate, 'job-applications')
        .map((id) => included.get(JobApplication, 'job-applications', id))
        .filter((a): a is JobApplication => !!a)
        .map((a) => toApplication(a, included)),
  };
}

/** A candidate with their applications, each with its job and current stage (nested includes, JSON:API). */
const CANDIDATE_INCLUDE = 'job-applications,job-applications.job,job-applications.stage';

/** The answer attributes of Teamtailor's `answers` (docs, Answers): boolean, choices (alternative ids), range, text. */
function answerAttributes(question: Question, value: ScreeningAnswerValue): Record<string, unknown> | undefined {
  const id = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
  switch (question.attributes['question-type']) {
    case 'Boolean':
      return typeof value === 'boolean' ? { boolean: value } : undefined;
    case 'Choice':
      if (typeof value === 'string') return { choices: [id(value)] };
      return Array.isArray(value) ? { choices: value.map(id) } : undefined;
    case 'Range':
      return typeof value === 'number' ? { range: value } : undefined;
    case 'Text':
      return typeof value === 'string' || typeof value === 'number' ? { text: String(value) } : undefined;
    default:
      return undefined;
  }
}

export function createTeamtailorAts(creds: DirectAtsCredentials, hooks?: HttpHooks): AtsPort {
  const http = createHttpClient({
    vendor: 'Teamtailor',
    baseUrl: creds.baseUrl,
    headers: { authorization: `Token token=${creds.secret}`, 'x-api-version': TEAMTAILOR_API_VERSION, accept: 'application/vnd.api+json' },
    secrets: [creds.secret],
    hooks,
    readError: readTeamtailorError,
    readLimits: (headers) => readTeamtailorLimits(headers),
    classify: classifyTeamtailorError,
  });

  const candidateById = async (id: string): Promise<AtsCandidate | null> => {
    if (!/^\d{1,20}$/.test(id)) return null;
    try {
      const body = await http.request(oneOf(Candidate), `candidates/${encodeURIComponent(id)}`, { query: query({ include: CANDIDATE_INCLUDE }) });
      return toCandidate(body.data, new Included(body.included));
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'not-found') return null;
      throw error;
    }
  };

  /** The source tag on a candidate, added to the tags they have (a PATCH of `tags` replaces the list). */
  const addSourceTag = async (candidateId: string, sourceName: string, warnings: string[]) => {
    try {
      const current = await http.request(oneOf(Candidate), `candidates/${encodeURIComponent(candidateId)}`);
      const tags = current.data.attributes.tags ?? [];
      if (tags.some((tag) => tag.toLowerCase() === sourceName.toLowerCase())) return;
      await http.request(oneOf(Candidate), `candidates/${encodeURIComponent(candidateId)}`, {
        method: 'PATCH',
        headers: JSON_API,
        body: { data: { id: candidateId, type: 'candidates', attributes: { tags: [...tags, sourceName] } } },
      });
    } catch (error) {
      warnings.push(connectorT('didNotGoThrough', { what: t('sourceTag'), reason: (error as Error).message }));
    }
  };

  /** Screening answers, one `POST /answers` each, after the application exists: a refused one is a warning. */
  const sendAnswers = async (jobId: string, candidateId: string, answers: NewApplication['answers'], warnings: string[]) => {
    if (!answers.length) return;
    const questions = new Map<string, Question>();
    try {
      const body = await http.request(listOf(Question), `jobs/${encodeURIComponent(jobId)}/questions`, { query: query({ 'page[size]': TEAMTAILOR_MAX_PAGE_SIZE }) });
      for (const q of body.data) questions.set(q.id, q);
    } catch (error) {
      warnings.push(t('answerNotSent', { title: answers.map((a) => a.questionId).join(', '), reason: (error as Error).message }));
      return;
    }
    for (const answer of answers) {
      const question = questions.get(answer.questionId);
      const title = question?.attributes.title ?? answer.questionId;
      const attributes = question && answerAttributes(question, answer.value);
      if (!attributes) {
        warnings.push(t('answerCannotBeSent', { title }));
        continue;
      }
      try {
        await http.request(oneOf(Answer), 'answers', {
          method: 'POST',
          headers: JSON_API,
          body: {
            data: {
              type: 'answers',
              attributes,
              relationships: { candidate: { data: { id: candidateId, type: 'candidates' } }, question: { data: { id: answer.questionId, type: 'questions' } } },
            },
          },
        });
      } catch (error) {
        warnings.push(t('answerNotSent', { title, reason: (error as Error).message }));
      }
    }
  };

  return {
    provider: 'teamtailor',
    // Jobs have no documented `updated-at` filter (candidates and job applications do): every pull lists all jobs.
    incrementalJobs: false,
    // A CV is given by URL only (`resume`, and uploads need "a public url"): the PDF profile cannot be sent.
    acceptsFiles: false,
    writeSettlesWithinMs: TEAMTAILOR_WRITE_SETTLES_MS,

    async verify() {
      // Candidates need the Admin scope: one read proves the key, its stack and its scope (write cannot be read-tested).
      try {
        await http.request(listOf(Candidate), 'candidates', { query: query({ 'page[size]': 1 }) });
      } catch (error) {
        if (error instanceof ConnectorError && error.code === 'forbidden') {
          const said = error.vendorMessage ? connectorT('vendorSaid', { vendor: 'Teamtailor', message: error.vendorMessage }) : '';
          throw new ConnectorError({ ...error.toJSON(), message: t('needsAdminRead', { said }) });
        }
        throw error;
      }
      return {};
    },

    async listJobs(q) {
      const page = q.cursor && /^\d+$/.test(q.cursor) ? q.cursor : '1';
      const body = await http.request(listOf(Job), 'jobs', {
        query: query({
          // Default is `published` only; `all` lists open, unlisted, archived, draft and scheduled jobs (Admin/Internal keys).
          'filter[status]': 'all',
          include: 'locations,picked-questions,picked-questions.question',
          'page[size]': Math.min(q.pageSize ?? TEAMTAILOR_MAX_PAGE_SIZE, TEAMTAILOR_MAX_PAGE_SIZE),
          'page[number]': page,
        }),
      });
      const included = new Included(body.included);
      return { jobs: body.data.map((job) => toJob(job, included)), next: nextPageNumber(body.links?.next) };
    },

    findCandidateById: candidateById,
    /**
     * The web app's candidate id is the API's: Teamtailor's candidate pages are `/companies/:co/candidates/:id`, and
     * public integrations build that link from the API's `candidates` id (a sync job's `buildCandidateUrl` with the
     * candidate id it read from the API; an importer opening `app.teamtailor.com/candidates/${c.id}` with the id the
     * API's create answered: lib/sites/adapters/teamtailor.ts testUrls).
     */
    findCandidateByRemoteId: candidateById,

    async findCandidateByEmail(email) {
      const wanted = email.trim().toLowerCase();
      const body = await http.request(listOf(Candidate), 'candidates', {
        query: query({ 'filter[email]': email.trim(), include: CANDIDATE_INCLUDE, 'page[size]': TEAMTAILOR_MAX_PAGE_SIZE }),
      });
      const included = new Included(body.included);
      // "Email … Always unique": the one candidate whose email is this one (never a partial match).
      const found = body.data.find((c) => (c.attributes.email ?? '').trim().toLowerCase() === wanted);
      return found ? toCandidate(found, included) : null;
    },

    async findCandidatesByRemoteIds(remoteIds) {
      // The docs name no id-list filter for candidates: one read each.
      const found: AtsCandidate[] = [];
      for (const id of remoteIds) {
        const candidate = await candidateById(id);
        if (candidate) found.push(candidate);
      }
      return found;
    },

    async listHiredApplications({ cursor }) {
      const page = cursor && /^\d+$/.test(cursor) ? cursor : '1';
      const body = await http.request(listOf(JobApplication), 'job-applications', {
        query: query({ 'filter[stage-type]': 'Hired', include: 'candidate,job,stage', 'page[size]': TEAMTAILOR_MAX_PAGE_SIZE, 'page[number]': page }),
      });
      const included = new Included(body.included);
      const items: HiredApplication[] = body.data.flatMap((application) => {
        const candidate = included.get(Candidate, 'candidates', linked(application, 'candidate')[0]);
        if (!candidate) return [];
        const summary = toApplication(application, included);
        // No start date: Teamtailor's docs document no job-offer resource (SOURCE.md), so none is claimed or denied.
        return [{
          applicationId: application.id,
          candidate: toCandidate(candidate, included, [summary]),
          jobId: summary.jobId,
          jobName: summary.jobName,
          hiredAt: application.attributes['changed-stage-at'] ?? undefined,
        }];
      });
      return { items, next: nextPageNumber(body.links?.next) };
    },

    async createApplication(input) {
      const warnings: string[] = [];
      let candidateId = input.existingCandidateId;
      if (!candidateId) {
        // `merge: true`: a candidate with this email who appeared since the look-up gets these attributes, not a
        // duplicate or a refusal ("Use the merge attribute … in case a candidate with a matching email address already exists").
        const created = await http.request(oneOf(Candidate), 'candidates', {
          method: 'POST',
          headers: JSON_API,
          timeoutMs: input.waitMs,
          body: {
            data: {
              type: 'candidates',
              attributes: {
                'first-name': input.candidate.firstName,
                'last-name': input.candidate.lastName,
                email: input.candidate.email,
                ...(input.candidate.phone ? { phone: input.candidate.phone } : {}),
                tags: [input.sourceName],
                merge: true,
              },
            },
          },
        });
        candidateId = created.data.id;
      } else {
        await addSourceTag(candidateId, input.sourceName, warnings);
      }
      const application = await http.request(oneOf(JobApplication), 'job-applications', {
        method: 'POST',
        headers: JSON_API,
        timeoutMs: input.waitMs,
        body: {
          data: {
            type: 'job-applications',
            // `sourced`: added by a recruiter; `referring-url`: where the candidate came from (Teamtailor shows its site).
            attributes: { sourced: true, ...(input.link ? { 'referring-url': input.link.url } : {}) },
            relationships: { candidate: { data: { id: candidateId, type: 'candidates' } }, job: { data: { id: input.jobId, type: 'jobs' } } },
          },
        },
      });
      await sendAnswers(input.jobId, candidateId, input.answers, warnings);
      warnings.push(t('cvByUrlOnly'));
      return { applicationId: application.data.id, candidateId, existingCandidate: !!input.existingCandidateId, cvAttached: false, linkAdded: !!input.link, warnings };
    },

    async finishApplication({ candidateId }, input) {
      const warnings: string[] = [];
      await addSourceTag(candidateId, input.sourceName, warnings);
      warnings.push(t('cvByUrlOnly'));
      return warnings;
    },
  };
}

