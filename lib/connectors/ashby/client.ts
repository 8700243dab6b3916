import type { z } from 'zod/mini';
import { ConnectorError } from '../errors';
import { createHttpClient, type HttpHooks } from '../http';
import type { DirectAtsCredentials } from '../direct';
import type { AtsCandidate, AtsJob, AtsJobStatus, AtsPort, CreatedApplication, HiredApplication, HireStartDate, NewApplication } from '../types';
import { ASHBY_PERMISSIONS, ashbyError, readAshbyError, type AshbyEndpoint, type AshbyPermission } from './errors';
import { ASHBY_TIMEOUTS, ASHBY_WRITE_SETTLES_MS } from './limits';
import { t } from './messages';
import { ApiKeyInfo, Application, Candidate, envelope, Job, listEnvelope, Offer, Source, Written } from './schemas';
import { mapLimit } from '../concurrency';

/**
 * Ashby, connected directly with the team's API key (tests/vendor/ashby: its OpenAPI and doc excerpts).
 *
 * Ids: the web app's candidate id is the API's. Every candidate the API returns carries `profileUrl`, "the url of the
 * candidate's profile in Ashby", which is https://app.ashbyhq.com/candidates/<the candidate's `id`> (the form the site
 * adapter lib/sites/adapters/ashby.ts documents for candidate pages); the application-review deep link names the same
 * candidate id and the application's API id (`…/candidates/:cid/applications/:aid/…`). So `findCandidateByRemoteId` is
 * `candidate.info` with that id.
 */

/** job.list, application.list and offer.list take at most 100 a page ("The maximum and default value is 100"). */
export const ASHBY_MAX_PAGE_SIZE = 100;
/** candidate.info is one id a call: this many at once for a page's ids. */
const LOOKUP_CONCURRENCY = 4;

/** A pull's own start time, as opposed to Ashby's opaque syncToken. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A syncToken Ashby no longer takes: start over with a complete listing. Ashby's pages quoted in tests/vendor/ashby do
 * not name the code (public clients of its API check `sync_token_expired`), so any refusal of a listing made with a
 * token counts — a code naming the sync token, or any refused request (a 200 with success false) — never a missing
 * permission, a wrong key, a rate limit or a server error.
 */
export function isExpiredSyncToken(error: unknown): boolean {
  return error instanceof ConnectorError && (/sync_?token/i.test(error.vendorCode ?? '') || error.code === 'invalid-request');
}

const JOB_STATUS: Record<string, AtsJobStatus> = { Open: 'open', Closed: 'closed', Archived: 'archived', Draft: 'draft' };

/** Scopes the key needs, as apiKey.info lists them (`jobs:read` in the spec's example; `jobsRead` accepted too). */
const NEEDED: readonly AshbyPermission[] = ['jobsRead', 'candidatesRead', 'candidatesWrite', 'offersRead', 'hiringProcessMetadataRead'];
const scopeOf = (permission: AshbyPermission) => permission.replace(/(Read|Write)$/, (access) => `:${access.toLowerCase()}`);

/** A location's `addressCountry` is "a valid country name or two-letter country code": both become the code. */
let countryCodes: Map<string, string> | undefined;
export function countryCode(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        // The first code keeps a name (FR before FX "Metropolitan France", GB before UK).
        if (name && name !== code && !countryCodes.has(name.toLowerCase())) countryCodes.set(name.toLowerCase(), code);
      }
  }
  return countryCodes.get(trimmed.toLowerCase());
}

/** Ashby keeps one `name` ("The first and last name"): the first word is the first name, the rest the last name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

function toJob(job: Job): AtsJob {
  const location = job.location;
  return {
    id: job.id,
    remoteId: job.id,
    name: job.title,
    status: JOB_STATUS[job.status] ?? 'closed',
    // Ashby's job list has no deletion mark: a job gone from a complete listing is archived by the pull.
    deleted: false,
    country: countryCode(location?.address?.postalAddress?.addressCountry),
    locationName: location?.name,
    changedAt: job.updatedAt,
    // application.create takes no answers (only applicationForm.submit, the job-board path, does): none are asked.
    screeningQuestions: [],
  };
}

const primaryOf = (primary: { value: string } | undefined | null, all: readonly { value: string; isPrimary?: boolean | null }[] | null | undefined) =>
  primary?.value ?? all?.find((c) => c.isPrimary)?.value ?? all?.[0]?.value;

const summaryOf = (a: Application) => ({ id: a.id, remoteId: a.id, jobId: a.job.id, jobName: a.job.title, stageName: a.currentInterviewStage?.title, hired: a.status === 'Hired' });

/** The application's accepted offer; several (a renegotiation): the one decided (or versioned) last. */
export function acceptedOffer(offers: readonly Offer[]): Offer | undefined {
  const stamp = (o: Offer) => o.decidedAt ?? o.latestVersion?.createdAt ?? '';
  return offers.filter((o) => o.acceptanceStatus === 'Accepted').sort((a, b) => stamp(b).localeCompare(stamp(a)))[0];
}

/** The start date of the accepted offer's latest version (a date-time: its day), or why there is none. */
export function startDateOf(offers: readonly Offer[]): HireStartDate {
  const accepted = acceptedOffer(offers);
  if (!accepted) return { gap: 'no-accepted-offer' };
  const day = /^\d{4}-\d{2}-\d{2}/.exec(accepted.latestVersion?.startDate ?? '')?.[0];
  return day ? { startDate: day } : { gap: 'no-start-date' };
}

/** Where Ashby keeps a link on a new candidate: LinkedIn and GitHub have their own fields, anything else is the website. */
export function linkField(url: string): 'linkedInUrl' | 'githubUrl' | 'website' {
  const host = (() => {
    try {
      return new URL(url).hostname.toLowerCase();
    } catch {
      return '';
    }
  })();
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return 'linkedInUrl';
  if (host === 'github.com' || host.endsWith('.github.com')) return 'githubUrl';
  return 'website';
}

function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}


export function createAshbyAts(creds: DirectAtsCredentials, hooks?: HttpHooks): AtsPort {
  const http = createHttpClient({
    vendor: 'Ashby',
    baseUrl: creds.baseUrl,
    // Basic auth, the key as the username and a blank password; the docs' Accept header pins the API version.
    headers: { authorization: `Basic ${btoa(`${creds.secret}:`)}`, accept: 'application/json; version=1' },
    secrets: [creds.secret, btoa(`${creds.secret}:`)],
    hooks,
    timeouts: ASHBY_TIMEOUTS,
    readError: readAshbyError,
    classify: (status, details, retryAfterMs) => ashbyError(undefined, status, details, retryAfterMs),
  });

  /** One RPC: POST `/<endpoint>` with a JSON body (or a multipart form); a `success: false` answer throws in plain words. */
  async function rpc<S extends z.ZodMiniType>(
    endpoint: AshbyEndpoint,
    schema: S,
    body: object | FormData,
    timeoutMs?: number,
  ): Promise<Extract<z.output<S>, { success: true }>> {
    let answer: z.output<S>;
    try {
      answer = await http.request(schema, endpoint, { method: 'POST', body, timeoutMs });
    } catch (error) {
      // The HTTP error did not know the endpoint: a missing permission is named by the endpoint's own.
      if (error instanceof ConnectorError && error.vendorCode === 'missing_endpoint_permission') {
        throw ashbyError(endpoint, error.status ?? 403, { code: error.vendorCode, message: error.vendorMessage }, error.retryAfterMs);
      }
      throw error;
    }
    const result = answer as { success: boolean };
    if (!result.success) throw ashbyError(endpoint, 200, readAshbyError(answer));
    return answer as Extract<z.output<S>, { success: true }>;
  }

  /** null when Ashby says the record is not there (`…_not_found`). */
  const orNull = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'not-found') return null;
      throw error;
    }
  };

  const applicationInfo = (id: string) => orNull(async () => (await rpc('application.info', envelope(Application), { applicationId: id })).results);

  /** The candidate with their applications (candidate.info lists only the ids: one application.info each). */
  async function withApplications(candidate: Candidate): Promise<AtsCandidate> {
    const applications = (await mapLimit(candidate.applicationIds ?? [], LOOKUP_CONCURRENCY, applicationInfo)).filter((a): a is Application => !!a);
    return {
      id: candidate.id,
      remoteId: candidate.id,
      ...splitName(candidate.name),
      email: primaryOf(candidate.primaryEmailAddress, candidate.emailAddresses),
      phone: primaryOf(candidate.primaryPhoneNumber, candidate.phoneNumbers),
      applications: applications.map(summaryOf),
    };
  }

  const candidateInfo = (id: string) => orNull(async () => (await rpc('candidate.info', envelope(Candidate), { id })).results);
  const findById = async (id: string) => {
    const candidate = await candidateInfo(id);
    return candidate ? withApplications(candidate) : null;
  };

  /** The admin's sources, asked once per connector instance (a Sync of several people asks once). */
  let sources: Promise<z.output<typeof Source>[]> | undefined;
  const sourceList = () =>
    (sources ??= rpc('source.list', listEnvelope(Source), {}).then(
      (page) => page.results,
      (error) => {
        sources = undefined;
        throw error;
      },
    ));

  /** Accepted offers by application, listed once per walk through the hired applications (one request per 100). */
  let acceptedOffers: Promise<Map<string, Offer[]>> | undefined;
  const acceptedOffersByApplication = () =>
    (acceptedOffers ??= (async () => {
      const byApplication = new Map<string, Offer[]>();
      let cursor: string | undefined;
      do {
        const page = await rpc('offer.list', listEnvelope(Offer), { acceptanceStatus: ['Accepted'], limit: ASHBY_MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
        for (const offer of page.results) byApplication.set(offer.applicationId, [...(byApplication.get(offer.applicationId) ?? []), offer]);
        cursor = page.moreDataAvailable ? page.nextCursor : undefined;
      } while (cursor);
      return byApplication;
    })().catch((error) => {
      acceptedOffers = undefined;
      throw error;
    }));

  /** The best-effort writes after an application exists: their failure is a warning, never an undone application. */
  async function bestEffort(write: () => Promise<unknown>, warn: (reason: string) => string, warnings: string[]): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      warnings.push(warn((error as Error).message));
      return false;
    }
  }

  /** A note on the candidate with the assessment and the link back (Ashby's place for text about a candidate). */
  const addNote = (candidateId: string, lines: string[]) =>
    rpc('candidate.createNote', envelope(Written), { candidateId, note: { type: 'text/plain', value: lines.join('\n\n') } });

  const noteLines = (input: Pick<NewApplication, 'note' | 'link'>) => [input.note, input.link ? `${input.link.label}: ${input.link.url}` : undefined].filter((s): s is string => !!s);

  return {
    provider: 'ashby',
    incrementalJobs: true,
    acceptsFiles: true,
    writeSettlesWithinMs: ASHBY_WRITE_SETTLES_MS,

    /**
     * One read proves the key and its permissions: apiKey.info lists the key's scopes. A key without "API Keys: Read"
     * cannot ask (Ashby answers missing_endpoint_permission, which also proves the key valid): then a one-job list
     * proves the key reaches the jobs, and a missing permission elsewhere is named when it is first needed.
     */
    async verify() {
      let info: z.output<typeof ApiKeyInfo> | undefined;
      try {
        info = (await rpc('apiKey.info', envelope(ApiKeyInfo), {})).results;
      } catch (error) {
        if (!(error instanceof ConnectorError && error.vendorCode === 'missing_endpoint_permission')) throw error;
      }
      if (info?.scopes) {
        const scopes = new Set(info.scopes);
        const missing = NEEDED.filter((p) => !scopes.has(scopeOf(p)) && !scopes.has(p));
        if (missing.length) {
          throw new ConnectorError({
            vendor: 'Ashby',
            code: 'forbidden',
            transient: false,
            message: t('missingPermissions', { permissions: missing.map((p) => `${ASHBY_PERMISSIONS[p].label} (${p})`).join(', ') }),
          });
        }
      } else {
        await rpc('job.list', listEnvelope(Job), { limit: 1 });
      }
      return { label: info?.title ?? undefined, tool: 'ashby' };
    },

    /**
     * Open, closed and archived jobs (job.list's default; drafts only when asked for), with their location, 100 a page
     * by Ashby's opaque cursor. Incremental by Ashby's own mark: the last page of a listing gives a `syncToken`
     * (returned as the page's `watermark`), and a listing with it gives only the jobs changed since (status changes
     * included: Ashby's jobs are closed or archived, not deleted). A time instead of a token (a pull before any token)
     * lists everything, and so does a token Ashby no longer takes (see `isExpiredSyncToken`).
     */
    async listJobs(query) {
      const syncToken = query.updatedAfter && !ISO_TIME.test(query.updatedAfter) ? query.updatedAfter : undefined;
      const list = (token: string | undefined, cursor: string | null | undefined) =>
        rpc('job.list', listEnvelope(Job), {
          limit: Math.min(query.pageSize ?? ASHBY_MAX_PAGE_SIZE, ASHBY_MAX_PAGE_SIZE),
          expand: ['location'],
          ...(token ? { syncToken: token } : {}),
          ...(cursor ? { cursor } : {}),
        });
      let page: Awaited<ReturnType<typeof list>>;
      try {
        page = await list(syncToken, query.cursor);
      } catch (error) {
        if (!syncToken || !isExpiredSyncToken(error)) throw error;
        page = await list(undefined, null);
      }
      const next = page.moreDataAvailable && page.nextCursor ? page.nextCursor : null;
      if (next && next === query.cursor) {
        throw new ConnectorError({ vendor: 'Ashby', code: 'bad-response', transient: false, message: t('refused', { code: 'repeated cursor', said: '' }) });
      }
      return { jobs: page.results.map(toJob), next, ...(!next && page.syncToken ? { watermark: page.syncToken } : {}) };
    },

    findCandidateById: findById,
    // The web app's id is the API's (see the note at the top).
    findCandidateByRemoteId: findById,
    async findCandidatesByRemoteIds(ids) {
      const found = await mapLimit([...new Set(ids)], LOOKUP_CONCURRENCY, findById);
      return found.filter((c): c is AtsCandidate => !!c);
    },

    /** candidate.search by email; only an exact match on one of the candidate's addresses counts (first one wins). */
    async findCandidateByEmail(email) {
      const wanted = email.trim().toLowerCase();
      const page = await rpc('candidate.search', listEnvelope(Candidate), { email: email.trim() });
      const match = page.results.find((c) => [c.primaryEmailAddress, ...(c.emailAddresses ?? [])].some((e) => e?.value.trim().toLowerCase() === wanted));
      return match ? withApplications(match) : null;
    },

    /** application.list with status Hired, 100 a page; each hire's start date from the accepted offers (listed once). */
    async listHiredApplications({ cursor }) {
      if (!cursor) acceptedOffers = undefined;
      const [page, offers] = await Promise.all([
        rpc('application.list', listEnvelope(Application), { status: 'Hired', limit: ASHBY_MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
        acceptedOffersByApplication(),
      ]);
      const items: HiredApplication[] = page.results
        .filter((a) => a.status === 'Hired')
        .map((a) => {
          const start = startDateOf(offers.get(a.id) ?? []);
          return {
            applicationId: a.id,
            jobId: a.job.id,
            jobName: a.job.title ?? undefined,
            ...('startDate' in start ? { startDate: start.startDate } : { startDateGap: start.gap }),
            candidate: {
              id: a.candidate.id,
              remoteId: a.candidate.id,
              ...splitName(a.candidate.name),
              email: a.candidate.primaryEmailAddress?.value,
              phone: a.candidate.primaryPhoneNumber?.value,
              applications: [summaryOf(a)],
            },
          };
        });
      return { items, next: page.moreDataAvailable && page.nextCursor ? page.nextCursor : null };
    },

    /** offer.list for the one application (its `applicationId` filter): the accepted offer's start date. */
    async hireStartDate(applicationId) {
      const page = await rpc('offer.list', listEnvelope(Offer), { applicationId, limit: ASHBY_MAX_PAGE_SIZE });
      return startDateOf(page.results.filter((o) => o.applicationId === applicationId));
    },

    /**
     * The candidate (unless the caller found one with this email) with the source and the link back, then the
     * application on the job with the source, then the PDF profile and a note. Ashby's source is the admin's list
     * (source.list; the API cannot add one), matched by name. The CV goes as a file: a new candidate's resume
     * (candidate.uploadResume, which also parses it), an existing candidate's extra file (candidate.uploadFile, so their
     * resume stays). Both are sent as multipart to api.ashbyhq.com — a mode the spec marks deprecated in favour of a
     * presigned upload (file.createFileUploadHandle), whose storage host Ashby does not name, so no extension could
     * declare it; the multipart mode is still documented and answers on the one host the manifest declares.
     */
    async createApplication(input: NewApplication): Promise<CreatedApplication> {
      const warnings: string[] = [];
      let sourceId: string | undefined;
      try {
        const wanted = input.sourceName.trim().toLowerCase();
        sourceId = (await sourceList()).find((s) => !s.isArchived && s.title.trim().toLowerCase() === wanted)?.id;
        if (!sourceId) warnings.push(t('noSource', { source: input.sourceName }));
      } catch (error) {
        warnings.push(t('sourceUnknown', { reason: (error as Error).message }));
      }

      const existingCandidate = input.existingCandidateId !== null;
      let linkAdded = false;
      let candidateId = input.existingCandidateId;
      if (!candidateId) {
        const link = input.link ? { [linkField(input.link.url)]: input.link.url } : {};
        const created = await rpc('candidate.create', envelope(Candidate), {
          name: `${input.candidate.firstName} ${input.candidate.lastName}`.trim(),
          email: input.candidate.email.trim(),
          ...(input.candidate.phone ? { phoneNumber: input.candidate.phone } : {}),
          ...(sourceId ? { sourceId } : {}),
          ...link,
        });
        candidateId = created.results.id;
        linkAdded = !!input.link;
      }

      const application = await rpc('application.create', envelope(Application), { candidateId, jobId: input.jobId, ...(sourceId ? { sourceId } : {}) }, input.waitMs);
      for (const warning of application.warnings ?? []) warnings.push(t('warning', { warning: String(warning) }));

      let cvAttached = false;
      if (input.cv) {
        const form = new FormData();
        form.append('candidateId', candidateId);
        const file = base64ToBlob(input.cv.base64, 'application/pdf');
        if (existingCandidate) form.append('file', file, input.cv.fileName);
        else form.append('resume', file, input.cv.fileName);
        cvAttached = await bestEffort(
          () => rpc(existingCandidate ? 'candidate.uploadFile' : 'candidate.uploadResume', envelope(Candidate), form),
          (reason) => t('cvNotAttached', { reason }),
          warnings,
        );
      }

      // An existing candidate's link fields are theirs: the link back (and the assessment) go into a note instead.
      const lines = noteLines({ note: input.note, link: existingCandidate ? input.link : undefined });
      if (lines.length) {
        const noted = await bestEffort(() => addNote(candidateId!, lines), (reason) => t('noteNotAdded', { reason }), warnings);
        if (existingCandidate && input.link) linkAdded = noted;
      }
      return { applicationId: application.results.id, candidateId, existingCandidate, cvAttached, linkAdded, warnings };
    },

    /**
     * The create's follow-up for an application found after its answer was lost: the link back, as a note, unless the
     * candidate already carries it (it was set on candidate.create). The source was set by the create itself.
     */
    async finishApplication({ candidateId }, input) {
      if (!input.link) return [];
      const candidate = await candidateInfo(candidateId);
      const url = input.link.url;
      if (candidate?.socialLinks?.some((l) => l.url === url)) return [];
      const warnings: string[] = [];
      await bestEffort(() => addNote(candidateId, noteLines({ link: input.link })), (reason) => t('noteNotAdded', { reason }), warnings);
      return warnings;
    },
  };
}
