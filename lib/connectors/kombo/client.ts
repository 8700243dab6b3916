import type { z } from 'zod';
import { createHttpClient, type HttpHooks } from '../http';
import type { AtsCandidate, AtsJob, AtsJobStatus, AtsPort, KomboCredentials } from '../types';
import { classifyKomboError, readKomboError } from './errors';
import { komboToolFromIntegrationId } from './environments';
import { Application, Candidate, CheckApiKey, Job, paged } from './schemas';

/** Kombo's page size ceiling for list endpoints. */
export const KOMBO_MAX_PAGE_SIZE = 250;

const STATUS: Record<string, AtsJobStatus> = { OPEN: 'open', CLOSED: 'closed', DRAFT: 'draft', ARCHIVED: 'archived' };

/** Kombo encodes list filters as comma-separated values; everything else is a plain query param. */
export function komboQuery(params: Record<string, string | number | boolean | readonly string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search.toString();
}

function toCandidate(c: z.output<typeof Candidate>): AtsCandidate {
  return {
    id: c.id,
    remoteId: c.remote_id ?? undefined,
    firstName: c.first_name ?? '',
    lastName: c.last_name ?? '',
    email: c.email_addresses?.find((e) => e.email_address)?.email_address,
    phone: c.phone_numbers?.[0]?.phone_number,
    applications: (c.applications ?? []).map((a) => ({
      id: a.id,
      jobId: a.job?.id,
      jobName: a.job?.name,
      stageName: a.current_stage?.name,
      hired: a.outcome === 'HIRED',
    })),
  };
}

function toJob(job: Job): AtsJob {
  return {
    id: job.id,
    remoteId: job.remote_id ?? undefined,
    name: job.name ?? '(untitled job)',
    status: (job.status && STATUS[job.status]) || (job.status ? 'closed' : 'open'),
    deleted: !!job.remote_deleted_at,
    country: job.location?.country && /^[A-Za-z]{2}$/.test(job.location.country) ? job.location.country.toUpperCase() : undefined,
    locationName: job.location?.city ?? job.location?.raw,
    url: job.post_url ?? job.remote_url,
    changedAt: job.changed_at,
    screeningQuestions: (job.screening_questions ?? []).map((q) => ({
      id: q.id,
      title: q.title ?? '',
      required: q.required ?? false,
      format: q.format?.type ?? 'UNKNOWN',
      options: q.format?.options?.map((o) => ({ id: o.id, name: o.name })),
    })),
  };
}

export function createKomboAts(creds: KomboCredentials, hooks?: HttpHooks): AtsPort & { readonly tool: string } {
  const http = createHttpClient({
    vendor: 'Kombo',
    baseUrl: creds.baseUrl,
    headers: { authorization: `Bearer ${creds.apiKey}`, 'x-integration-id': creds.integrationId },
    secrets: [creds.apiKey],
    hooks,
    readError: readKomboError,
    classify: classifyKomboError,
    retryStatuses: [429, 503],
  });
  const tool = komboToolFromIntegrationId(creds.integrationId);

  const firstCandidate = async (params: Parameters<typeof komboQuery>[0]) => {
    const body = await http.request(paged(Candidate), 'ats/candidates', { query: komboQuery({ ...params, page_size: 1 }) });
    const found = body.data.results[0];
    return found ? toCandidate(found) : null;
  };

  return {
    provider: 'kombo',
    tool,

    async verify() {
      await http.request(CheckApiKey, 'check-api-key');
      // check-api-key ignores the integration: one tiny ATS read proves the Integration ID too.
      await http.request(paged(Job), 'ats/jobs', { query: komboQuery({ page_size: 1 }) });
      return { tool };
    },

    async listJobs(query) {
      const body = await http.request(paged(Job), 'ats/jobs', {
        query: komboQuery({
          cursor: query.cursor ?? undefined,
          page_size: Math.min(query.pageSize ?? 100, KOMBO_MAX_PAGE_SIZE),
          updated_after: query.updatedAfter,
          include_deleted: true,
        }),
      });
      return { jobs: body.data.results.map(toJob), next: body.data.next };
    },

    findCandidateById: (id) => firstCandidate({ ids: [id] }),
    findCandidateByRemoteId: (remoteId) => firstCandidate({ remote_ids: [remoteId] }),
    findCandidateByEmail: (email) => firstCandidate({ email: email.trim() }),
    async findCandidatesByRemoteIds(remoteIds) {
      const found: AtsCandidate[] = [];
      // Comma-separated filter, one request per page of up to 250 ids.
      for (let i = 0; i < remoteIds.length; i += KOMBO_MAX_PAGE_SIZE) {
        const ids = remoteIds.slice(i, i + KOMBO_MAX_PAGE_SIZE);
        const body = await http.request(paged(Candidate), 'ats/candidates', { query: komboQuery({ remote_ids: ids, page_size: ids.length }) });
        found.push(...body.data.results.map(toCandidate));
      }
      return found;
    },

    async listHiredApplications(query) {
      const body = await http.request(paged(Application), 'ats/applications', {
        query: komboQuery({ outcomes: ['HIRED'], cursor: query.cursor ?? undefined, page_size: 100 }),
      });
      return {
        items: body.data.results.flatMap((a) =>
          a.candidate
            ? [
                {
                  applicationId: a.id,
                  jobId: a.job?.id ?? a.job_id ?? undefined,
                  jobName: a.job?.name,
                  candidate: toCandidate({ ...a.candidate, applications: [] }),
                },
              ]
            : [],
        ),
        next: body.data.next,
      };
    },
  };
}
