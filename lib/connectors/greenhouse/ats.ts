import type { z } from 'zod/mini';
import { ConnectorError } from '../errors';
import type { HttpHooks } from '../http';
import { t as connectorT } from '../messages';
import type { DirectAtsCredentials } from '../direct';
import type { AtsCandidate, AtsJob, AtsJobStatus, AtsPort, HireStartDate, HiredApplication, NewApplication } from '../types';
import { createGreenhouseClient } from './client';
import { t } from './messages';
import { Application, Attachment, Candidate, Job, JobStage, list, Office, Offer } from './schemas';

/**
 * Greenhouse Harvest v3 behind the AtsPort. Evidence for every path, filter and field: tests/vendor/greenhouse/
 * (SOURCE.md; harvest-v3.json marks each field documented, v1 or inferred).
 *
 * The web app's ids are the API's: Greenhouse's own webhook example gives a candidate `"id": 60304594` with
 * `"url": "http://app.greenhouse.io/people/60304594"`, and its application `"id": 71980812` with
 * `…/people/60304594?application_id=71980812` (github.com/grnhse/greenhouse-api-docs,
 * source/includes/webhooks/_application_events.md). So `/people/:pid` is looked up as candidate id `pid`.
 */

/** Harvest's per_page ceiling ("1 to 500, defaults to 100") and its `ids` / parent-ids ceiling ("length ≤ 50"). */
export const GREENHOUSE_MAX_PAGE = 500;
export const GREENHOUSE_MAX_IDS = 50;

/**
 * The scopes each call needs. Greenhouse's partner guide names scopes `harvest:<resource>:<action>` (its examples:
 * harvest:job_posts:list, harvest:candidates:list); the names below follow that pattern per endpoint (inferred).
 */
export const SCOPES = {
  jobs: 'harvest:jobs:list',
  offices: 'harvest:offices:list',
  candidates: 'harvest:candidates:list',
  applications: 'harvest:applications:list',
  stages: 'harvest:job_stages:list',
  offers: 'harvest:offers:list',
  createCandidate: 'harvest:candidates:create',
  createApplication: 'harvest:applications:create',
  createAttachment: 'harvest:attachments:create',
} as const;

/** Job statuses of v1 and v3 ("open", "closed", "draft"); any other is treated as closed (it takes no applications). */
const STATUS: Record<string, AtsJobStatus> = { open: 'open', closed: 'closed', draft: 'draft' };

/**
 * A plain synchronous create: once Hirebridge stops waiting, Greenhouse finishes (or not) within its own request
 * time. Thirty seconds covers that, as for Factorial; until then a lost answer is looked up, never re-sent.
 */
export const GREENHOUSE_WRITE_SETTLES_MS = 30_000;

const chunks = <T>(items: readonly T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The `rel="next"` URL of a `Link` header (RFC 8288), or null on the last page. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?/i.test(match[2])) return match[1];
  }
  return null;
}

const query = (params: Record<string, string | number | boolean | readonly string[] | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return search.toString();
};

const numericId = (value: string) => {
  if (!/^\d{1,20}$/.test(value.trim())) throw new ConnectorError({ vendor: 'Greenhouse', code: 'invalid-request', transient: false, message: t('badJobId', { id: value }) });
  return Number(value.trim());
};

/** A date (YYYY-MM-DD) from a date or date-time. */
const day = (value: string | undefined) => /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')?.[0];

/** The accepted offer of an application: the latest version if several (Greenhouse versions offers). */
export function acceptedOffer(offers: readonly Offer[]): Offer | undefined {
  return offers
    .filter((o) => o.status?.toLowerCase() === 'accepted')
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0) || (b.updated_at ?? '').localeCompare(a.updated_at ?? ''))[0];
}

export function startDateFrom(offers: readonly Offer[]): HireStartDate {
  const accepted = acceptedOffer(offers);
  if (!accepted) return { gap: 'no-accepted-offer' };
  const start = day(accepted.start_on ?? accepted.starts_at);
  return start ? { startDate: start } : { gap: 'no-start-date' };
}

export function createGreenhouseAts(creds: DirectAtsCredentials, hooks?: HttpHooks): AtsPort {
  const client = createGreenhouseClient(creds, hooks);
  const origin = new URL(client.baseUrl).origin;

  /** A next-page URL must stay on the API's own origin: the token goes wherever it points. */
  const followable = (url: string) => {
    const host = (() => {
      try {
        return new URL(url).origin === origin ? null : new URL(url).host;
      } catch {
        return url.slice(0, 60);
      }
    })();
    if (host !== null) throw new ConnectorError({ vendor: 'Greenhouse', code: 'bad-response', transient: false, message: t('foreignNextPage', { host }) });
    return url;
  };

  async function page<T extends z.ZodMiniType>(item: T, path: string, scope: string, params: string, cursor?: string | null) {
    const { data, headers } = await client.call(list(item), path, scope, cursor ? { url: followable(cursor) } : { query: params });
    return { items: data as z.output<T>[], next: nextLink(headers.get('link')) };
  }

  /** Every page of a list (the parent-id filters keep these short). */
  async function all<T extends z.ZodMiniType>(item: T, path: string, scope: string, params: string): Promise<z.output<T>[]> {
    const out: z.output<T>[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const result: { items: z.output<T>[]; next: string | null } = await page(item, path, scope, params, cursor);
      out.push(...result.items);
      cursor = result.next && !seen.has(result.next) ? result.next : null;
      if (cursor) seen.add(cursor);
    } while (cursor);
    return out;
  }

  /** Records by id, 50 ids a request. */
  async function byIds<T extends z.ZodMiniType>(item: T, path: string, scope: string, ids: readonly string[], field = 'ids'): Promise<z.output<T>[]> {
    const unique = [...new Set(ids)];
    const parts = await Promise.all(chunks(unique, GREENHOUSE_MAX_IDS).map((part) => all(item, path, scope, query({ [field]: part, per_page: GREENHOUSE_MAX_PAGE }))));
    return parts.flat();
  }

  // Offices change rarely: read once per connector instance (one pull).
  const officeNames = new Map<string, string>();
  async function officesFor(jobs: readonly Job[]) {
    const missing = [...new Set(jobs.flatMap((j) => j.office_ids ?? []))].filter((id) => !officeNames.has(id));
    if (!missing.length) return;
    for (const office of await byIds(Office, 'offices', SCOPES.offices, missing)) officeNames.set(office.id, office.location?.name ?? office.name ?? '');
  }

  const toJob = (job: Job): AtsJob => {
    const offices = job.offices?.length ? job.offices.map((o) => o.location?.name ?? o.name ?? '') : (job.office_ids ?? []).map((id) => officeNames.get(id) ?? '');
    const location = offices.filter(Boolean).join(' · ') || undefined;
    return {
      id: job.id,
      remoteId: job.id,
      name: job.name ?? '(untitled job)',
      status: STATUS[job.status?.toLowerCase() ?? ''] ?? 'closed',
      // A job deleted in Greenhouse leaves every listing at once (no mark): a complete listing archives it.
      deleted: false,
      locationName: location,
      changedAt: job.updated_at,
      // Greenhouse's Harvest API keeps no screening questions of its own: the job posts' questions belong to the Job Board API.
      screeningQuestions: [],
    };
  };

  /** Candidates with their applications, each with its job's name and current stage. */
  async function withApplications(candidates: Candidate[]): Promise<AtsCandidate[]> {
    if (!candidates.length) return [];
    const applications = await byIds(Application, 'applications', SCOPES.applications, candidates.map((c) => c.id), 'candidate_ids');
    const jobIdOf = (a: Application) => a.job_id ?? a.jobs?.[0]?.id;
    const jobIds = applications.map(jobIdOf).filter((id): id is string => !!id);
    const stageIds = applications.map((a) => (a.current_stage?.name ? undefined : a.current_stage_id)).filter((id): id is string => !!id);
    const [jobs, stages] = await Promise.all([
      jobIds.length ? byIds(Job, 'jobs', SCOPES.jobs, jobIds) : [],
      stageIds.length ? byIds(JobStage, 'job_stages', SCOPES.stages, stageIds) : [],
    ]);
    const jobName = new Map(jobs.map((j) => [j.id, j.name]));
    const stageName = new Map(stages.map((s) => [s.id, s.name]));
    return candidates.map((c) => ({
      ...toCandidate(c),
      applications: applications
        .filter((a) => a.candidate_id === c.id)
        .map((a) => {
          const jobId = jobIdOf(a);
          return {
            id: a.id,
            remoteId: a.id,
            jobId,
            jobName: (jobId && jobName.get(jobId)) || a.jobs?.[0]?.name,
            stageName: a.current_stage?.name ?? (a.current_stage_id ? stageName.get(a.current_stage_id) : undefined),
            hired: a.status?.toLowerCase() === 'hired',
          };
        }),
    }));
  }

  const toCandidate = (c: Candidate): AtsCandidate => ({
    id: c.id,
    remoteId: c.id,
    firstName: c.first_name ?? '',
    lastName: c.last_name ?? '',
    email: c.email_addresses?.find((e) => e.value)?.value,
    phone: c.phone_numbers?.find((p) => p.value)?.value,
    applications: [],
  });

  const candidatesByIds = (ids: readonly string[]) => byIds(Candidate, 'candidates', SCOPES.candidates, ids.filter((id) => /^\d{1,20}$/.test(id)));
  const findById = async (id: string) => (await withApplications(await candidatesByIds([id])))[0] ?? null;

  const offersOf = (applicationIds: readonly string[]) => byIds(Offer, 'offers', SCOPES.offers, applicationIds, 'application_ids');

  return {
    provider: 'greenhouse',
    // `updated_at=gte|…` on the job list (harvestdocs …/docs/list-endpoints). Greenhouse keeps no mark of a deleted
    // job, so no incremental pull sees one: the weekly complete listing (lib/jobs/rules.ts) archives it.
    incrementalJobs: true,
    // POST /v3/attachments takes the file inline, base64 (harvestdocs …/reference/post_v3-attachments).
    acceptsFiles: true,
    writeSettlesWithinMs: GREENHOUSE_WRITE_SETTLES_MS,

    async verify() {
      // The token proves the Client ID and Secret; one job read proves a Harvest scope answers.
      await page(Job, 'jobs', SCOPES.jobs, query({ per_page: 1 }));
      return { label: 'Harvest v3', tool: 'greenhouse' };
    },

    async listJobs(q) {
      const params = query({ per_page: Math.min(q.pageSize ?? 100, GREENHOUSE_MAX_PAGE), updated_at: q.updatedAfter ? `gte|${new Date(q.updatedAfter).toISOString()}` : undefined });
      const { items, next } = await page(Job, 'jobs', SCOPES.jobs, params, q.cursor);
      await officesFor(items);
      return { jobs: items.map(toJob), next };
    },

    findCandidateById: findById,
    // The web app's person id is the candidate id (see the note at the top).
    findCandidateByRemoteId: findById,
    async findCandidateByEmail(email) {
      const wanted = email.trim();
      if (!wanted) return null;
      const found = (await page(Candidate, 'candidates', SCOPES.candidates, query({ email: wanted, per_page: 1 }))).items;
      // Greenhouse matches any of the candidate's addresses, case-insensitively; checked again here, as it documents.
      const match = found.filter((c) => c.email_addresses?.some((e) => e.value.toLowerCase() === wanted.toLowerCase())).slice(0, 1);
      return (await withApplications(match))[0] ?? null;
    },
    async findCandidatesByRemoteIds(ids) {
      if (!ids.length) return [];
      return withApplications(await candidatesByIds(ids));
    },

    async listHiredApplications(q) {
      const { items, next } = await page(Application, 'applications', SCOPES.applications, query({ status: 'hired', per_page: 100 }), q.cursor);
      const hired = items.filter((a) => a.status?.toLowerCase() === 'hired');
      const jobIdOf = (a: Application) => a.job_id ?? a.jobs?.[0]?.id;
      const [candidates, jobs, offers] = await Promise.all([
        hired.length ? candidatesByIds(hired.map((a) => a.candidate_id)) : [],
        hired.length ? byIds(Job, 'jobs', SCOPES.jobs, hired.map(jobIdOf).filter((id): id is string => !!id)) : [],
        hired.length ? offersOf(hired.map((a) => a.id)) : [],
      ]);
      const candidate = new Map(candidates.map((c) => [c.id, c]));
      const jobName = new Map(jobs.map((j) => [j.id, j.name]));
      const result: HiredApplication[] = hired.flatMap((a) => {
        const c = candidate.get(a.candidate_id);
        if (!c) return [];
        const start = startDateFrom(offers.filter((o) => o.application_id === a.id));
        const jobId = jobIdOf(a);
        return [
          {
            applicationId: a.id,
            candidate: toCandidate(c),
            jobId,
            jobName: (jobId && jobName.get(jobId)) || a.jobs?.[0]?.name,
            hiredAt: a.updated_at,
            ...('startDate' in start ? { startDate: start.startDate } : { startDateGap: start.gap }),
          },
        ];
      });
      return { items: result, next };
    },

    async hireStartDate(applicationId) {
      if (!/^\d{1,20}$/.test(applicationId)) return { gap: 'no-accepted-offer' };
      return startDateFrom(await offersOf([applicationId]));
    },

    /**
     * The candidate (unless the caller found one with this email), then the application on the job, then the PDF as
     * the application's resume. The source tag and the link back ride on the new candidate (`tags`,
     * `website_addresses`); an existing candidate keeps its own. A failed CV upload is a warning: the application
     * stands. The outbox looks a lost create up by email and the candidate's applications before sending it again.
     */
    async createApplication(input: NewApplication) {
      const jobId = numericId(input.jobId);
      const warnings: string[] = [];
      const existingCandidate = input.existingCandidateId !== null;
      let candidateId = input.existingCandidateId;
      if (candidateId === null) {
        const created = await client.call(Candidate, 'candidates', SCOPES.createCandidate, {
          method: 'POST',
          timeoutMs: input.waitMs,
          body: {
            first_name: input.candidate.firstName,
            last_name: input.candidate.lastName,
            email_addresses: [{ value: input.candidate.email.trim(), type: 'personal' }],
            ...(input.candidate.phone ? { phone_numbers: [{ value: input.candidate.phone, type: 'mobile' }] } : {}),
            ...(input.candidate.title ? { title: input.candidate.title } : {}),
            ...(input.sourceName ? { tags: [input.sourceName] } : {}),
            ...(input.link ? { website_addresses: [{ value: input.link.url, type: 'other' }] } : {}),
          },
        });
        candidateId = created.data.id;
      }
      const application = await client.call(Application, 'applications', SCOPES.createApplication, {
        method: 'POST',
        timeoutMs: input.waitMs,
        body: { candidate_id: numericId(candidateId), job_id: jobId },
      });
      const applicationId = application.data.id;
      let cvAttached = false;
      if (input.cv) {
        try {
          await client.call(Attachment, 'attachments', SCOPES.createAttachment, {
            method: 'POST',
            body: { application_id: Number(applicationId), filename: input.cv.fileName, type: 'resume', content: input.cv.base64 },
          });
          cvAttached = true;
        } catch (error) {
          warnings.push(connectorT('didNotGoThrough', { what: t('cv'), reason: (error as Error).message }));
        }
      }
      if (input.answers.length) warnings.push(t('noAnswers'));
      return { applicationId, candidateId, existingCandidate, cvAttached, linkAdded: !existingCandidate && !!input.link, warnings };
    },
  };
}
