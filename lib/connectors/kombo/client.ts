import type { z } from 'zod/mini';
import { ConnectorError } from '../errors';
import { createHttpClient, type HttpHooks } from '../http';
import { t } from '../messages';
import type { AtsCandidate, AtsJob, AtsJobStatus, AtsPort, CvCheck, HireStartDate, KomboCredentials, NewApplication, ScreeningAnswerValue, SiteApplicationIds } from '../types';
import { classifyKomboError, readKomboError } from './errors';
import { t as komboT } from './messages';
import { plainText, type CallTimeouts } from '../http';
import { komboToolFamily, komboToolFromIntegrationId } from './environments';
import { Application, Candidate, CheckApiKey, CreateApplicationAction, CreatedApplication, ImportedTracked, Job, Offer, paged, Written, type AttachmentRestrictions } from './schemas';
import { KOMBO_FORGETS_DELETED_AFTER_MS, readKomboLimits } from './limits';
import { komboToolName } from './tools';
import { trackingImportBody, trackingImportPlan } from './tracking';

/*
 * Why not Kombo's own SDK (@kombo-api/sdk) here: measured on this build, it adds 120 KiB raw / 27 KiB gzip to the
 * service worker with its standalone functions (296 / 46 KiB with the Kombo class; it bundles zod's v3 copy) to
 * replace about 120 lines (schemas.ts, komboQuery, readKomboError), brings a second HTTP client (its own fetch,
 * retries and errors, beside lib/connectors/http.ts's timeouts, hooks, key redaction and retry rules), and its
 * closed enums would fail a whole page on a value Kombo adds later. It stays the tests' second opinion instead
 * (tests/sandbox/kombo-sdk.test.ts).
 */

/** Kombo's page size ceiling for list endpoints. */
export const KOMBO_MAX_PAGE_SIZE = 250;

/**
 * How long Kombo calls may wait. Kombo's own SDK (@kombo-api/sdk 1.1.3, esm/funcs/*.js) sets no timeout on reads and
 * 300,000 ms on every write (atsCreateApplication, atsAddCandidateTag, …): a write may take minutes while Kombo talks to
 * the ATS. An extension cannot wait that long (a fetch answered after 30 s is cut), so a write waits as long as the
 * worker allows and a timed-out write is an unknown outcome the caller reconciles (lib/sourcing/service.ts).
 */
export const KOMBO_TIMEOUTS: CallTimeouts = { readMs: 20_000, writeMs: 25_000 };
/** How long Kombo itself may work on a write before it answers PLATFORM.TASK_TIMED_OUT (its SDK's write timeout). */
export const KOMBO_WRITE_TASK_MS = 300_000;

/** The ATS's attachment rules change rarely: asked once per integration per this long, per worker. */
const RESTRICTIONS_TTL_MS = 6 * 60 * 60_000;
const restrictionsCache = new Map<string, { at: number; rules: AttachmentRestrictions | null }>();

/** A CV against the ATS's rules (null or missing limits: Kombo does not know them, so they do not refuse). */
export function checkCvAgainst(rules: AttachmentRestrictions | null, cv: { sizeBytes: number; contentType: string }): CvCheck {
  const rule = rules?.types.CV;
  if (!rules || !rule) return { ok: true };
  if (!rule.is_supported) return { ok: false, reason: 'unsupported' };
  const limits = [rule.max_file_size_bytes, rules.total_size_bytes].filter((n): n is number => typeof n === 'number' && n > 0);
  const maxBytes = limits.length ? Math.min(...limits) : undefined;
  if (maxBytes !== undefined && cv.sizeBytes > maxBytes) return { ok: false, reason: 'too-large', maxBytes };
  const accepted = rule.accepted_mime_types;
  if (accepted?.length && !accepted.some((type) => type.toLowerCase() === cv.contentType.toLowerCase())) return { ok: false, reason: 'type', accepted };
  return { ok: true };
}

/**
 * Whether a Kombo warning is about a file (the CV): Kombo's warnings are free text ("meant to provide debug
 * information"), so this reads their words. Inferred, not documented: any mention of an attachment, a file, a CV or a
 * resume counts, so "CV attached" is never claimed beside a warning that may say it was not.
 */
export const warnsAboutFile = (message: string) => /attach|\bfiles?\b|\bcv\b|resume|résumé|document/i.test(message);

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
      remoteId: a.remote_id ?? undefined,
      jobId: a.job?.id,
      jobName: a.job?.name,
      stageName: a.current_stage?.name,
      hired: a.outcome === 'HIRED',
    })),
  };
}

/** Kombo's answer shapes: option ids for selects, ISO date-times for dates, a file object for FILE questions. */
function komboAnswer(value: ScreeningAnswerValue): unknown {
  if (typeof value === 'object' && !Array.isArray(value)) return { name: value.fileName, content_type: value.contentType, data: value.base64 };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00.000Z`;
  return value;
}

/** The application's accepted offer; several (a renegotiation): the one updated last counts. */
function acceptedOffer(application: Pick<z.output<typeof Application>, 'offers'>, offers: ReadonlyMap<string, Offer>): Offer | undefined {
  return (application.offers ?? [])
    .filter((ref) => ref.status === 'ACCEPTED')
    .map((ref) => offers.get(ref.id))
    .filter((offer): offer is Offer => !!offer && offer.status === 'ACCEPTED' && !offer.remote_deleted_at)
    .sort((a, b) => (b.remote_updated_at ?? '').localeCompare(a.remote_updated_at ?? ''))[0];
}

/** A hire's start date lives on the application's accepted offer (`employment_start_date`, an ISO date-time; its date is the day). */
function startDateOf(application: Pick<z.output<typeof Application>, 'offers'>, offers: ReadonlyMap<string, Offer>): HireStartDate {
  const accepted = acceptedOffer(application, offers);
  if (!accepted) return { gap: 'no-accepted-offer' };
  const day = /^\d{4}-\d{2}-\d{2}/.exec(accepted.employment_start_date ?? '')?.[0];
  return day ? { startDate: day } : { gap: 'no-start-date' };
}

/** Bounds what one record's custom fields may put in the browser's database. */
const MAX_ATS_VALUES = 100;
const MAX_ATS_VALUE_LENGTH = 5000;

/**
 * Kombo's `custom_fields` (any JSON by key) as text by key: numbers and booleans as written, lists of plain values
 * comma-separated, objects one level down as `key.inner` (e.g. `compensation.amount`). Anything else is left out.
 */
export function flattenCustomFields(fields: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const plain = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
  const put = (key: string, value: unknown, depth: number) => {
    if (Object.keys(out).length >= MAX_ATS_VALUES || key.length > 200) return;
    const text = Array.isArray(value) ? (value.every((x) => plain(x) !== undefined) ? value.map(plain).join(',') : undefined) : plain(value);
    if (text !== undefined) {
      if (text.trim()) out[key] = text.trim().slice(0, MAX_ATS_VALUE_LENGTH);
    } else if (value && typeof value === 'object' && !Array.isArray(value) && depth === 0) {
      for (const [inner, v] of Object.entries(value)) put(`${key}.${inner}`, v, 1);
    }
  };
  for (const [key, value] of Object.entries(fields ?? {})) put(key, value, 0);
  return out;
}

/** The accepted offer's fields a mapping may use: its start date (the day) and its custom fields. */
function offerValues(offer: Offer | undefined): Record<string, string> | undefined {
  if (!offer) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(offer.employment_start_date ?? '')?.[0];
  return { ...flattenCustomFields(offer.custom_fields), ...(day ? { employment_start_date: day } : {}) };
}

const acceptedOfferIds = (applications: readonly Pick<z.output<typeof Application>, 'offers'>[]) =>
  [...new Set(applications.flatMap((a) => (a.offers ?? []).filter((o) => o.status === 'ACCEPTED').map((o) => o.id)))];

/**
 * Kombo's deletion policy (docs.kombo.dev/lms/features/deletion-policy): an entry it no longer finds is marked
 * `remote_deleted_at`, and "14 days later" Kombo sets "all the fields to `null`". Such an emptied job (no remote id,
 * no name, no status) is a deleted one, whether or not the mark survived the emptying.
 */
function isDeletedJob(job: Job): boolean {
  return !!job.remote_deleted_at || (!job.remote_id && !job.name && !job.status);
}

function toJob(job: Job): AtsJob {
  return {
    id: job.id,
    remoteId: job.remote_id ?? undefined,
    name: job.name ?? '(untitled job)',
    status: (job.status && STATUS[job.status]) || (job.status ? 'closed' : 'open'),
    deleted: isDeletedJob(job),
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
    readLimits: readKomboLimits,
    classify: classifyKomboError,
    retryStatuses: [429, 503],
    timeouts: KOMBO_TIMEOUTS,
  });
  const tool = komboToolFromIntegrationId(creds.integrationId);

  const firstCandidate = async (params: Parameters<typeof komboQuery>[0]) => {
    const body = await http.request(paged(Candidate), 'ats/candidates', { query: komboQuery({ ...params, page_size: 1 }) });
    const found = body.data.results[0];
    return found ? toCandidate(found) : null;
  };

  /** Offers by id, one request per 250 (GET /ats/offers has no application filter: the application names them). */
  const offersById = async (ids: readonly string[]): Promise<Map<string, Offer>> => {
    const found = new Map<string, Offer>();
    for (let i = 0; i < ids.length; i += KOMBO_MAX_PAGE_SIZE) {
      const chunk = ids.slice(i, i + KOMBO_MAX_PAGE_SIZE);
      const body = await http.request(paged(Offer), 'ats/offers', { query: komboQuery({ ids: chunk, page_size: chunk.length }) });
      for (const offer of body.data.results) found.set(offer.id, offer);
    }
    return found;
  };

  /** Follow-up writes that should not undo a created application when they fail: their failure becomes a warning. */
  const bestEffort = async (what: string, write: () => Promise<unknown>, warnings: string[]) => {
    try {
      await write();
      return true;
    } catch (error) {
      warnings.push(t('didNotGoThrough', { what, reason: (error as Error).message }));
      return false;
    }
  };

  /** After the application exists: the link back on it and the source tag on its candidate (their failure is a warning). */
  const followUpWrites = async ({ applicationId, candidateId }: { applicationId: string; candidateId: string }, input: Pick<NewApplication, 'link' | 'sourceName'>) => {
    const warnings: string[] = [];
    const link = input.link;
    const linkAdded = link
      ? await bestEffort(t('linkBack'), () => http.request(Written, `ats/applications/${encodeURIComponent(applicationId)}/result-links`, { method: 'POST', body: link }), warnings)
      : false;
    if (candidateId) {
      await bestEffort(t('sourceTag'), () => http.request(Written, `ats/candidates/${encodeURIComponent(candidateId)}/tags`, { method: 'POST', body: { tag: { name: input.sourceName } } }), warnings);
    }
    return { linkAdded, warnings };
  };

  return {
    provider: 'kombo',
    tool,
    acceptsFiles: true,
    incrementalJobs: true,
    writeSettlesWithinMs: KOMBO_WRITE_TASK_MS,
    forgetsDeletedAfterMs: KOMBO_FORGETS_DELETED_AFTER_MS,

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

    async createApplication(input) {
      const body = {
        candidate: {
          first_name: input.candidate.firstName,
          last_name: input.candidate.lastName,
          email_address: input.candidate.email,
          ...(input.candidate.phone ? { phone_number: input.candidate.phone } : {}),
          ...(input.candidate.title ? { title: input.candidate.title } : {}),
        },
        attachments: input.cv ? [{ name: input.cv.fileName, type: 'CV', content_type: 'application/pdf', data: input.cv.base64 }] : [],
        screening_question_answers: input.answers.map((a) => ({ question_id: a.questionId, answer: komboAnswer(a.value) })),
        source: { name: input.sourceName },
      };
      const created = await http.request(CreatedApplication, `ats/jobs/${encodeURIComponent(input.jobId)}/applications`, { method: 'POST', body, timeoutMs: input.waitMs });
      const applicationId = created.data.id;
      const candidateId = created.data.candidate?.id ?? created.data.candidate_id ?? input.existingCandidateId ?? '';
      // Every warning Kombo gave reaches the person, in Kombo's words (plain text, bounded).
      const said = (created.warnings ?? []).map((w) => plainText(w.message)).filter(Boolean);
      const warnings = said.map((message) => komboT('warned', { message }));
      const { linkAdded, warnings: followUps } = await followUpWrites({ applicationId, candidateId }, input);
      return {
        applicationId,
        candidateId,
        existingCandidate: input.existingCandidateId !== null,
        cvAttached: !!input.cv && !said.some(warnsAboutFile),
        linkAdded,
        warnings: [...warnings, ...followUps],
      };
    },

    finishApplication: async (ids, input) => (await followUpWrites(ids, input)).warnings,

    async checkCv(cv) {
      const key = `${creds.baseUrl}|${creds.integrationId}`;
      let cached = restrictionsCache.get(key);
      if (!cached || Date.now() - cached.at > RESTRICTIONS_TTL_MS) {
        try {
          const answer = await http.request(CreateApplicationAction, 'ats/actions/ats_create_application');
          cached = { at: Date.now(), rules: answer.data.attachment_restrictions ?? null };
          restrictionsCache.set(key, cached);
        } catch {
          // Rules unknown (the ATS or Kombo did not say): nothing is refused ahead; Kombo's warnings tell afterwards.
          return { ok: true };
        }
      }
      return checkCvAgainst(cached.rules, cv);
    },

    async listHiredApplications(query) {
      const body = await http.request(paged(Application), 'ats/applications', {
        query: komboQuery({ outcomes: ['HIRED'], cursor: query.cursor ?? undefined, page_size: 100 }),
      });
      const applications = body.data.results.filter((a) => a.candidate);
      // One more request per page: the accepted offers' start dates.
      const offers = await offersById(acceptedOfferIds(applications));
      // The nested candidate has no custom fields: one more request, only when the admin's mapping uses them.
      const candidateFields = new Map<string, Record<string, string>>();
      const candidateIds = [...new Set(applications.map((a) => a.candidate!.id))];
      if (query.candidateCustomFields && candidateIds.length) {
        const found = await http.request(paged(Candidate), 'ats/candidates', { query: komboQuery({ ids: candidateIds, page_size: candidateIds.length }) });
        for (const c of found.data.results) candidateFields.set(c.id, flattenCustomFields(c.custom_fields));
      }
      return {
        items: applications.map((a) => {
          const start = startDateOf(a, offers);
          const offer = offerValues(acceptedOffer(a, offers));
          const application = flattenCustomFields(a.custom_fields);
          const candidate = candidateFields.get(a.candidate!.id);
          return {
            applicationId: a.id,
            jobId: a.job?.id ?? a.job_id ?? undefined,
            jobName: a.job?.name,
            candidate: toCandidate({ ...a.candidate!, applications: [] }),
            ...('startDate' in start ? { startDate: start.startDate } : { startDateGap: start.gap }),
            atsValues: {
              ...(Object.keys(application).length ? { application } : {}),
              ...(candidate && Object.keys(candidate).length ? { candidate } : {}),
              ...(offer && Object.keys(offer).length ? { offer } : {}),
            },
          };
        }),
        next: body.data.next,
      };
    },

    async hireStartDate(applicationId) {
      const body = await http.request(paged(Application), 'ats/applications', { query: komboQuery({ ids: [applicationId], page_size: 1 }) });
      const application = body.data.results[0];
      if (!application) return { gap: 'no-accepted-offer' };
      return startDateOf(application, await offersById(acceptedOfferIds([application])));
    },

    tracking: {
      plan: (ids: SiteApplicationIds) => trackingImportPlan(tool, ids),
      async importApplication(ids: SiteApplicationIds) {
        if (!trackingImportPlan(tool, ids).possible) {
          throw new ConnectorError({ vendor: 'Kombo', code: 'invalid-request', transient: false, message: t('komboCannotImport', { tool: komboToolName(komboToolFamily(tool)) }) });
        }
        try {
          await http.request(ImportedTracked, 'ats/import-tracked-application', { method: 'POST', body: trackingImportBody(tool, ids, new Date()) });
        } catch (error) {
          // Refused (not a hiccup): say who refused, with Kombo's code and words, once.
          if (!(error instanceof ConnectorError) || error.transient || !error.vendorCode) throw error;
          const said = error.vendorMessage ? t('vendorSaid', { vendor: 'Kombo', message: error.vendorMessage }) : '';
          const code = error.vendorCode;
          const key = code.startsWith('REMOTE.') ? 'komboImportRefusedByAts' : code.startsWith('INTEGRATION.') ? 'komboImportNotAllowed' : 'komboImportRefused';
          throw new ConnectorError({ ...error.toJSON(), message: t(key, { tool: komboToolName(komboToolFamily(tool)), code, said }) });
        }
      },
    },
  };
}
