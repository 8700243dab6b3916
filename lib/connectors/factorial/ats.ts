import type { z } from 'zod/mini';
import { ConnectorError } from '../errors';
import type { HttpHooks } from '../http';
import { t } from '../messages';
import type { AtsCandidate, AtsJob, AtsJobStatus, AtsPort, FactorialCredentials, HiredApplication, KnownEmployee } from '../types';
import { createFactorialClient } from './client';
import { factorialEmployeeUrl } from './environments';
import { t as tf } from './messages';
import { factorialOne, HIRED_PHASE_TYPE, listLabel } from './quirks';
import { ApplicationPhase, AtsApplication, AtsCandidate as CandidateSchema, JobPosting, LegalEntity, Location } from './schemas';
import { mapLimit } from '../concurrency';

/**
 * Factorial ATS: job postings, candidates, applications, phases. Job postings carry no `updated_at` and no
 * country: pulls list everything, and the country comes from the posting's location or legal entity.
 */

/**
 * Job posting statuses (2026-07-01 spec; the SDK's generated `AtsJobPostingStatus`, vendored in
 * tests/vendor/factorial/sdk). `deleted` is a posting deleted in Factorial: the job pull archives it, as it does a
 * Kombo job whose `remote_deleted_at` is set.
 */
export const FACTORIAL_JOB_STATUS: Record<string, AtsJobStatus> = {
  published: 'open',
  unlisted: 'open',
  draft: 'draft',
  archived: 'archived',
  cancelled: 'closed',
  deleted: 'archived',
};
export const FACTORIAL_DELETED_STATUS = 'deleted';

/** Hired applications are listed phase by phase (the filter takes one phase id): this many requests at a time. */
const PHASE_CONCURRENCY = 4;
/** Candidate ids per `ids[]` request, so a URL stays short. */
const IDS_PER_REQUEST = 100;


const chunks = <T>(items: readonly T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function createFactorialAts(creds: FactorialCredentials, hooks?: HttpHooks): AtsPort {
  const client = createFactorialClient(creds, hooks);
  const employeeOf = (id: string | undefined): KnownEmployee | undefined => (id ? { id, url: factorialEmployeeUrl(creds.baseUrl, id) } : undefined);
  /** Cursors this connector was given for job postings: one seen again means the server pages in a loop. */
  const jobCursors = new Set<string>();

  // Countries and phases change rarely: fetched once per connector instance (one pull, one lookup).
  let countries: Promise<{ byLocation: Map<string, { country?: string; name: string }>; byEntity: Map<string, string | undefined> }> | undefined;
  const countryLookup = () =>
    (countries ??= Promise.all([client.all(Location, 'locations/locations'), client.all(LegalEntity, 'companies/legal_entities')]).then(
      ([locations, entities]) => ({
        byLocation: new Map(locations.map((l) => [l.id, { country: l.country?.toUpperCase(), name: l.name }])),
        byEntity: new Map(entities.map((e) => [e.id, e.country?.toUpperCase()])),
      }),
    ));
  let phases: Promise<Map<string, z.output<typeof ApplicationPhase>>> | undefined;
  const phaseLookup = () => (phases ??= client.all(ApplicationPhase, 'ats/application_phases').then((rows) => new Map(rows.map((p) => [p.id, p]))));

  const toJob = (posting: z.output<typeof JobPosting>, lookup: Awaited<ReturnType<typeof countryLookup>>): AtsJob => {
    const location = posting.location_id ? lookup.byLocation.get(posting.location_id) : undefined;
    return {
      id: posting.id,
      name: posting.title,
      status: FACTORIAL_JOB_STATUS[posting.status] ?? 'closed',
      deleted: posting.status === FACTORIAL_DELETED_STATUS,
      country: location?.country ?? (posting.legal_entity_id ? lookup.byEntity.get(posting.legal_entity_id) : undefined),
      locationName: location?.name,
      url: posting.url,
      screeningQuestions: [],
    };
  };

  async function applicationsOf(candidateIds: string[]) {
    if (!candidateIds.length) return [];
    return client.all(AtsApplication, 'ats/applications', { ats_candidate_ids: candidateIds });
  }

  async function withApplications(rows: z.output<typeof CandidateSchema>[]): Promise<AtsCandidate[]> {
    const [applications, phaseMap] = await Promise.all([applicationsOf(rows.map((r) => r.id)), rows.length ? phaseLookup() : new Map()]);
    return rows.map((c) => ({
      id: c.id,
      firstName: c.first_name,
      lastName: c.last_name,
      email: c.email,
      phone: c.phone_number,
      applications: applications
        .filter((a) => a.ats_candidate_id === c.id)
        .map((a) => {
          const phase = a.ats_application_phase_id ? phaseMap.get(a.ats_application_phase_id) : undefined;
          return { id: a.id, jobId: a.ats_job_posting_id, stageName: phase?.name, hired: phase?.phase_type === HIRED_PHASE_TYPE, employee: employeeOf(a.employee_id), cv: a.cv };
        }),
    }));
  }

  const findBy = async (params: Record<string, string[]>) => {
    const { items } = await client.page(CandidateSchema, 'ats/candidates', params, null, 1);
    return (await withApplications(items.slice(0, 1)))[0] ?? null;
  };

  async function candidatesByIds(ids: string[]) {
    return (await mapLimit(chunks(ids, IDS_PER_REQUEST), PHASE_CONCURRENCY, (part) => client.all(CandidateSchema, 'ats/candidates', { ids: part }))).flat();
  }

  /** The company a new candidate belongs to: the job posting's legal entity's company, else the first one. */
  async function companyIdFor(jobId: string): Promise<string> {
    const [posting, entities] = await Promise.all([
      client.http.request(factorialOne(JobPosting), client.resourcePath(`ats/job_postings/${encodeURIComponent(jobId)}`)),
      client.all(LegalEntity, 'companies/legal_entities'),
    ]);
    const entity = entities.find((e) => e.id === posting.legal_entity_id) ?? entities[0];
    if (!entity) throw new Error(t('noLegalEntity'));
    return entity.company_id;
  }

  return {
    provider: 'factorial-ats',
    // Factorial's public API has no file upload: the PDF profile is offered for download instead.
    acceptsFiles: false,
    // A plain synchronous create: once cut, the server finishes (or not) within its own request time.
    writeSettlesWithinMs: 30_000,

    async createApplication(input) {
      const email = input.candidate.email.trim();
      const createCandidate = async () =>
        client.http.request(factorialOne(CandidateSchema), client.resourcePath('ats/candidates'), {
          method: 'POST',
          body: {
            first_name: input.candidate.firstName,
            last_name: input.candidate.lastName,
            company_id: await companyIdFor(input.jobId),
            email,
            ...(input.candidate.phone ? { phone_number: input.candidate.phone } : {}),
            source: input.sourceName,
            ...(input.link ? { personal_url: input.link.url } : {}),
          },
        });
      const existingCandidate = input.existingCandidateId !== null;
      const candidateId = input.existingCandidateId ?? (await createCandidate()).id;
      // The assessment and the link back go into the application's text: the only place the API takes them.
      const text = [input.note, input.link ? `${input.link.label}: ${input.link.url}` : undefined].filter(Boolean).join('\n\n');
      const application = await client.http.request(factorialOne(AtsApplication), client.resourcePath('ats/applications'), {
        method: 'POST',
        body: { ats_job_posting_id: input.jobId, ats_candidate_id: candidateId, source: input.sourceName, ...(text ? { cover_letter: text } : {}) },
      });
      return { applicationId: application.id, candidateId, existingCandidate, cvAttached: false, linkAdded: !!input.link, warnings: [] };
    },

    async verify() {
      // The company behind the key (a key of the other environment is refused here, with words saying so).
      const account = await client.verifyCompany();
      // The key must also reach the ATS: one cheap list proves it.
      await client.page(JobPosting, 'ats/job_postings', {}, null, 1);
      return { ...account, tool: 'factorial' };
    },

    async listJobs(query) {
      const [page, lookup] = await Promise.all([client.page(JobPosting, 'ats/job_postings', {}, query.cursor, query.pageSize), countryLookup()]);
      if (page.next) {
        if (jobCursors.has(page.next)) throw new ConnectorError({ vendor: 'Factorial', code: 'bad-response', transient: false, message: tf('repeatedCursor', { what: listLabel('ats/job_postings') }) });
        jobCursors.add(page.next);
      }
      return { jobs: page.items.map((p) => toJob(p, lookup)), next: page.next };
    },

    findCandidateById: (id) => findBy({ ids: [id] }),
    findCandidateByRemoteId: (id) => findBy({ ids: [id] }),
    async findCandidatesByRemoteIds(ids) {
      if (!ids.length) return [];
      return withApplications(await candidatesByIds(ids));
    },
    async findCandidateByEmail(email) {
      const wanted = email.trim().toLowerCase();
      const rows = await client.all(CandidateSchema, 'ats/candidates', { emails: [email.trim()] });
      const match = rows.filter((r) => r.email?.toLowerCase() === wanted).slice(0, 1);
      return (await withApplications(match))[0] ?? null;
    },

    /**
     * Hired = in a phase of type "hired". The API filters applications by one phase id, so each hired phase is
     * listed to its end (a few requests) instead of paging through every application. One call lists them all.
     */
    async listHiredApplications() {
      const phaseMap = await phaseLookup();
      const hiredPhaseIds = [...phaseMap.values()].filter((p) => p.phase_type === HIRED_PHASE_TYPE).map((p) => p.id);
      const perPhase = await mapLimit(hiredPhaseIds, PHASE_CONCURRENCY, (phaseId) => client.all(AtsApplication, 'ats/applications', { ats_application_phase_id: phaseId }));
      // The filter is trusted only as far as it goes: an application outside the hired phases is not a hire.
      const hired = perPhase.flat().filter((a) => a.ats_application_phase_id && hiredPhaseIds.includes(a.ats_application_phase_id));
      const candidateIds = [...new Set(hired.map((a) => a.ats_candidate_id).filter((id): id is string => !!id))];
      const candidates = new Map((await candidatesByIds(candidateIds)).map((c) => [c.id, c]));
      const items: HiredApplication[] = hired.flatMap((a) => {
        const c = a.ats_candidate_id ? candidates.get(a.ats_candidate_id) : undefined;
        if (!c) return [];
        return [
          {
            applicationId: a.id,
            jobId: a.ats_job_posting_id,
            employee: employeeOf(a.employee_id),
            cv: a.cv,
            candidate: { id: c.id, firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone_number, applications: [] },
          },
        ];
      });
      return { items, next: null };
    },
  };
}
