import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { json, Router, type SandboxRequest, type SandboxResponse } from '../http';
import type { StandIn } from '../stand-in';

/**
 * Ashby's API as its own OpenAPI and docs describe it (tests/vendor/ashby: ashby-openapi.json, docs-excerpt.md):
 * - RPC: `POST https://api.ashbyhq.com/<category>.<method>` with a JSON body (multipart for the resume and file uploads).
 * - HTTP Basic, the key as the username, blank password. No key: 401; a wrong or deactivated key: 403; a valid key
 *   without the endpoint's module permission: 403 `missing_endpoint_permission`. Ashby documents these statuses and "a
 *   human-readable response", not the codes for the first two: `unauthenticated` and `invalid_api_key` are this
 *   stand-in's own words (the connector reads the status there, never those codes).
 * - "What would be 4XX errors will return 200 with success being false": a malformed body answers 200 with the spec's
 *   error envelope (`invalid_input`, the spec's own example code), a missing record `<record>_not_found`
 *   (`application_not_found` is the docs' example).
 * - Lists page by an opaque `nextCursor` while `moreDataAvailable`, at most 100 (`limit`); the last page of a list
 *   that takes `syncToken` returns one, and a later call with it gets only what changed since.
 * It imports nothing from the extension.
 */

export const ASHBY_SANDBOX_KEY = 'sbx-ashby-5c0e8d1f7a9b';

/** Ids fixed so tests and the E2E candidate page can name them (the hired candidate's are the site adapter's test ids). */
export const ASHBY_IDS = {
  lucas: 'e9ed20fd-5d4c-4a7e-9b1a-3f0c2d8e6a41',
  lucasApplication: 'b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
  amelie: '3b2f6c1e-8a4d-4e7b-9c5a-1d2e3f4a5b6c',
  amelieApplication: '4c3a7d2f-9b5e-4f8c-8d6b-2e3f4a5b6c7d',
  jonas: '5d4b8e3a-1c6f-4a9d-8e7c-3f4a5b6c7d8e',
  jonasApplication: '6e5c9f4b-2d7a-4b1e-9f8d-4a5b6c7d8e9f',
  backendJob: '49b1160c-98b8-4ba5-a8e4-7c96e7425ca9',
  designJob: '7f6d1a5c-3e8b-4c2f-8a9e-5b6c7d8e9f0a',
  analystJob: '8a7e2b6d-4f9c-4d3a-9b1f-6c7d8e9f0a1b',
  salesJob: '9b8f3c7e-5a1d-4e4b-8c2a-7d8e9f0a1b2c',
  draftJob: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  hirebridgeSource: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
} as const;

/** Every module permission the endpoints here require (each reference page's "Requires the X permission"). */
const PERMISSION: Record<string, string> = {
  'apiKey.info': 'apiKeysRead',
  'job.list': 'jobsRead',
  'candidate.search': 'candidatesRead',
  'candidate.info': 'candidatesRead',
  'application.info': 'candidatesRead',
  'application.list': 'candidatesRead',
  'candidate.create': 'candidatesWrite',
  'application.create': 'candidatesWrite',
  'candidate.uploadResume': 'candidatesWrite',
  'candidate.uploadFile': 'candidatesWrite',
  'candidate.createNote': 'candidatesWrite',
  'offer.list': 'offersRead',
  'source.list': 'hiringProcessMetadataRead',
};
const ALL_PERMISSIONS = [...new Set(Object.values(PERMISSION))];
/** apiKey.info's scope for a permission: `jobsRead` → `jobs:read` (the spec's example scopes). */
const scopeOf = (permission: string) => permission.replace(/(Read|Write)$/, (access) => `:${access.toLowerCase()}`);

interface Contact { value: string; type: 'Personal' | 'Work' | 'Other'; isPrimary: boolean }
interface AshbyLocation { id: string; name: string; country: string; city: string }
interface AshbyJob { id: string; title: string; status: 'Draft' | 'Open' | 'Closed' | 'Archived'; locationId: string; createdAt: string; updatedAt: string; seq: number }
interface AshbyCandidate {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  socialLinks: { type: string; url: string }[];
  sourceId?: string;
  createdAt: string;
  updatedAt: string;
  resume?: { name: string; contentType: string; bytes: number; pdf: boolean };
  files: { name: string; contentType: string; bytes: number; pdf: boolean }[];
}
interface AshbyApplication { id: string; candidateId: string; jobId: string; status: 'Hired' | 'Archived' | 'Active' | 'Lead'; stage: string; sourceId?: string; createdAt: string; updatedAt: string; seq: number }
interface AshbyOffer { id: string; applicationId: string; acceptanceStatus: 'Accepted' | 'Declined' | 'Pending'; decidedAt?: string; versionId: string; startDate?: string; createdAt: string; seq: number }
interface AshbySource { id: string; title: string; isArchived: boolean }
interface AshbyNote { id: string; candidateId: string; text: string; createdAt: string }

export interface AshbyWorld {
  locations: AshbyLocation[];
  jobs: AshbyJob[];
  candidates: AshbyCandidate[];
  applications: AshbyApplication[];
  offers: AshbyOffer[];
  sources: AshbySource[];
  notes: AshbyNote[];
  /** The key's module permissions (a test revokes one to see the 403 that names it). */
  permissions: string[];
  /** Incremental change counter: a syncToken is "changes after this number". */
  seq: number;
  /** Tokens issued before this counter are refused (Ashby expiring a syncToken; a test switch). */
  syncTokensFrom: number;
}

const STAGE_PLAN = '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a';
const STAGES: Record<string, { id: string; type: string; order: number }> = {
  'Lead': { id: '1e2f3a4b-5c6d-4e7f-9a8b-9c0d1e2f3a4b', type: 'Lead', order: 0 },
  'Phone Screen': { id: '2f3a4b5c-6d7e-4f8a-8b9c-0d1e2f3a4b5c', type: 'PreInterviewScreen', order: 1 },
  'Hired': { id: '3a4b5c6d-7e8f-4a9b-9c0d-1e2f3a4b5c6d', type: 'Hired', order: 5 },
};

const day = (iso: string) => `${iso}T09:00:00.000Z`;

function seed(): AshbyWorld {
  const locations: AshbyLocation[] = [
    { id: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f', name: 'Paris', city: 'Paris', country: 'France' },
    { id: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f8a', name: 'Berlin', city: 'Berlin', country: 'DE' },
    { id: 'e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8a9b', name: 'New York', city: 'New York', country: 'United States' },
  ];
  let seq = 0;
  const job = (id: string, title: string, status: AshbyJob['status'], locationId: string): AshbyJob => ({ id, title, status, locationId, createdAt: day('2026-09-01'), updatedAt: day('2026-10-01'), seq: ++seq });
  const jobs = [
    job(ASHBY_IDS.backendJob, 'Backend Engineer', 'Open', locations[0].id),
    job(ASHBY_IDS.designJob, 'Product Designer', 'Open', locations[1].id),
    job(ASHBY_IDS.analystJob, 'Data Analyst', 'Closed', locations[2].id),
    job(ASHBY_IDS.salesJob, 'Sales Lead', 'Archived', locations[0].id),
    job(ASHBY_IDS.draftJob, 'Head of Draft', 'Draft', locations[1].id),
  ];
  const candidate = (id: string, name: string, email: string, phone: string): AshbyCandidate => ({
    id,
    name,
    emails: [email],
    phones: [phone],
    socialLinks: [],
    createdAt: day('2026-10-02'),
    updatedAt: day('2026-10-02'),
    files: [],
  });
  const application = (id: string, candidateId: string, jobId: string, status: AshbyApplication['status'], stage: string): AshbyApplication => ({
    id,
    candidateId,
    jobId,
    status,
    stage,
    createdAt: day('2026-10-03'),
    updatedAt: day('2026-11-20'),
    seq: ++seq,
  });
  return {
    locations,
    jobs,
    candidates: [
      candidate(ASHBY_IDS.lucas, 'Lucas Moreau', 'lucas.moreau@example.com', '+33 6 12 34 56 78'),
      candidate(ASHBY_IDS.amelie, 'Amélie Laurent', 'amelie.laurent@example.com', '+33 6 98 76 54 32'),
      candidate(ASHBY_IDS.jonas, 'Jonas Becker', 'jonas.becker@example.com', '+49 151 2345 6789'),
    ],
    applications: [
      application(ASHBY_IDS.lucasApplication, ASHBY_IDS.lucas, ASHBY_IDS.backendJob, 'Hired', 'Hired'),
      application(ASHBY_IDS.amelieApplication, ASHBY_IDS.amelie, ASHBY_IDS.designJob, 'Active', 'Phone Screen'),
      application(ASHBY_IDS.jonasApplication, ASHBY_IDS.jonas, ASHBY_IDS.designJob, 'Hired', 'Hired'),
    ],
    offers: [
      // Lucas declined a first offer and accepted the second: the accepted one's start date counts.
      { id: 'f6a7b8c9-d0e1-4f2a-9b3c-5d6e7f8a9b0c', applicationId: ASHBY_IDS.lucasApplication, acceptanceStatus: 'Declined', decidedAt: day('2026-11-10'), versionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', startDate: day('2026-11-16'), createdAt: day('2026-11-05'), seq: ++seq },
      { id: 'a7b8c9d0-e1f2-4a3b-8c4d-6e7f8a9b0c1d', applicationId: ASHBY_IDS.lucasApplication, acceptanceStatus: 'Accepted', decidedAt: day('2026-11-20'), versionId: '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', startDate: '2026-12-01T00:00:00.000Z', createdAt: day('2026-11-15'), seq: ++seq },
      // Jonas accepted an offer that has no start date yet.
      { id: 'b8c9d0e1-f2a3-4b4c-9d5e-7f8a9b0c1d2e', applicationId: ASHBY_IDS.jonasApplication, acceptanceStatus: 'Accepted', decidedAt: day('2026-11-21'), versionId: '2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f', createdAt: day('2026-11-18'), seq: ++seq },
    ],
    sources: [
      { id: ASHBY_IDS.hirebridgeSource, title: 'Hirebridge', isArchived: false },
      { id: 'c9d0e1f2-a3b4-4c5d-8e6f-8a9b0c1d2e3f', title: 'LinkedIn', isArchived: false },
      { id: 'd0e1f2a3-b4c5-4d6e-9f7a-9b0c1d2e3f4a', title: 'Job fair 2024', isArchived: true },
    ],
    notes: [],
    permissions: [...ALL_PERMISSIONS],
    seq,
    syncTokensFrom: 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Envelopes

const ok = (results: unknown, extra: Record<string, unknown> = {}) => json(200, { success: true, results, ...extra });
/** The spec's "Error response": `errors` (deprecated list of codes) and `errorInfo`. */
const failure = (status: number, code: string, message: string) => json(status, { success: false, errors: [code], errorInfo: { code, message, requestId: randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase() } });

// ---------------------------------------------------------------------------------------------------------------
// Request bodies as the spec's request schemas give them (required fields, uuid formats, enums, limit ≤ 100)

const uuid = z.string().uuid();
const pageFields = {
  cursor: z.string().optional(),
  syncToken: z.string().optional(),
  limit: z.number().int().positive().max(100).optional(),
  createdAfter: z.number().int().optional(),
};
const Bodies = {
  'apiKey.info': z.object({}),
  'job.list': z.object({ ...pageFields, status: z.array(z.enum(['Draft', 'Open', 'Closed', 'Archived'])).optional(), expand: z.array(z.enum(['location', 'openings'])).optional() }),
  'candidate.search': z.object({ email: z.string().optional(), name: z.string().optional() }).refine((b) => b.email !== undefined || b.name !== undefined, 'email or name is required'),
  'candidate.info': z.object({ id: uuid }),
  'application.info': z.object({ applicationId: uuid }),
  'application.list': z.object({ ...pageFields, status: z.enum(['Hired', 'Archived', 'Active', 'Lead']).optional(), jobId: uuid.optional() }),
  'offer.list': z.object({
    ...pageFields,
    applicationId: uuid.optional(),
    acceptanceStatus: z.array(z.enum(['Accepted', 'Declined', 'Pending', 'Created', 'Cancelled', 'WaitingOnResponse'])).min(1).optional(),
  }),
  'source.list': z.object({ includeArchived: z.boolean().optional() }),
  'candidate.create': z.object({
    name: z.string().min(1),
    email: z.string().email().optional(),
    phoneNumber: z.string().optional(),
    linkedInUrl: z.string().url().optional(),
    githubUrl: z.string().url().optional(),
    website: z.string().url().optional(),
    sourceId: uuid.optional(),
    creditedToUserId: uuid.optional(),
  }),
  'application.create': z.object({ candidateId: uuid, jobId: uuid, sourceId: uuid.optional(), interviewPlanId: uuid.optional(), interviewStageId: z.string().optional() }),
  'candidate.createNote': z.object({
    candidateId: uuid,
    note: z.union([z.string(), z.object({ type: z.enum(['text/plain', 'text/html']), value: z.string() })]),
    sendNotifications: z.boolean().optional(),
    isPrivate: z.boolean().optional(),
  }),
} as const;
type JsonEndpoint = keyof typeof Bodies;

function parseBody<E extends JsonEndpoint>(endpoint: E, req: SandboxRequest): z.infer<(typeof Bodies)[E]> | SandboxResponse {
  if (!/application\/json/i.test(String(req.headers['content-type'] ?? ''))) return failure(200, 'invalid_input', 'Request Content-Type must be application/json');
  const parsed = Bodies[endpoint].safeParse(req.body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure(200, 'invalid_input', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as z.infer<(typeof Bodies)[E]>;
}
const isResponse = (value: unknown): value is SandboxResponse => !!value && typeof value === 'object' && 'status' in value && typeof (value as { status: unknown }).status === 'number';

/** A page of a list, by an opaque cursor (the offset) and, for lists that take one, a syncToken (changes after a seq). */
function page<T extends { seq?: number }>(items: T[], body: { cursor?: string; syncToken?: string; limit?: number }, world: AshbyWorld, opts: { syncable: boolean }) {
  const decode = (value: string | undefined, field: string): number | SandboxResponse => {
    if (value === undefined) return 0;
    const n = Number(Buffer.from(value, 'base64url').toString('utf8').replace(/^[a-z]+:/, ''));
    return Number.isInteger(n) && n >= 0 ? n : failure(200, 'invalid_input', `${field} is not valid`);
  };
  const offset = decode(body.cursor, 'cursor');
  if (isResponse(offset)) return offset;
  const since = decode(body.syncToken, 'syncToken');
  if (isResponse(since)) return since;
  // The code is the one public clients of Ashby's API check; Ashby's quoted pages do not name it.
  if (body.syncToken && since < world.syncTokensFrom) return failure(200, 'sync_token_expired', 'The sync token has expired. Start a full sync.');
  const changed = body.syncToken ? items.filter((i) => (i.seq ?? 0) > since) : items;
  const limit = body.limit ?? 100;
  const slice = changed.slice(offset, offset + limit);
  const more = offset + limit < changed.length;
  return {
    slice,
    extra: {
      moreDataAvailable: more,
      ...(more ? { nextCursor: Buffer.from(`c:${offset + limit}`).toString('base64url') } : {}),
      ...(!more && opts.syncable ? { syncToken: Buffer.from(`s:${world.seq}`).toString('base64url') } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Records as the spec's response schemas give them

const contact = (value: string, i: number): Contact => ({ value, type: 'Personal', isPrimary: i === 0 });
const PROFILE_BASE = 'https://app.ashbyhq.com/candidates/';

function candidateView(world: AshbyWorld, c: AshbyCandidate) {
  const source = world.sources.find((s) => s.id === c.sourceId);
  const files = [...(c.resume ? [c.resume] : []), ...c.files].map((f, i) => ({ id: `${c.id.slice(0, 8)}-file-${i}`, name: f.name, handle: `handle-${c.id.slice(0, 8)}-${i}` }));
  return {
    id: c.id,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    name: c.name,
    ...(c.emails[0] ? { primaryEmailAddress: contact(c.emails[0], 0) } : {}),
    emailAddresses: c.emails.map(contact),
    ...(c.phones[0] ? { primaryPhoneNumber: contact(c.phones[0], 0) } : {}),
    phoneNumbers: c.phones.map(contact),
    socialLinks: c.socialLinks,
    tags: [],
    applicationIds: world.applications.filter((a) => a.candidateId === c.id).map((a) => a.id),
    ...(c.resume ? { resumeFileHandle: files[0] } : {}),
    fileHandles: files,
    customFields: [],
    profileUrl: `${PROFILE_BASE}${c.id}`,
    ...(source ? { source: { id: source.id, title: source.title, isArchived: source.isArchived } } : {}),
  };
}

function applicationView(world: AshbyWorld, a: AshbyApplication) {
  const c = world.candidates.find((x) => x.id === a.candidateId)!;
  const job = world.jobs.find((j) => j.id === a.jobId)!;
  const stage = STAGES[a.stage] ?? STAGES.Lead;
  const source = world.sources.find((s) => s.id === a.sourceId);
  return {
    id: a.id,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    status: a.status,
    customFields: [],
    candidate: {
      id: c.id,
      name: c.name,
      ...(c.emails[0] ? { primaryEmailAddress: contact(c.emails[0], 0) } : {}),
      ...(c.phones[0] ? { primaryPhoneNumber: contact(c.phones[0], 0) } : {}),
    },
    currentInterviewStage: { id: stage.id, title: a.stage, type: stage.type, orderInInterviewPlan: stage.order, interviewPlanId: STAGE_PLAN },
    ...(source ? { source: { id: source.id, title: source.title, isArchived: source.isArchived } } : {}),
    job: { id: job.id, title: job.title, locationId: job.locationId },
    hiringTeam: [],
  };
}

function jobView(world: AshbyWorld, j: AshbyJob, expandLocation: boolean) {
  const location = world.locations.find((l) => l.id === j.locationId)!;
  return {
    id: j.id,
    title: j.title,
    confidential: false,
    status: j.status,
    employmentType: 'FullTime',
    locationId: j.locationId,
    customFields: [],
    jobPostingIds: [],
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    ...(expandLocation
      ? { location: { id: location.id, name: location.name, isArchived: false, address: { postalAddress: { addressCountry: location.country, addressLocality: location.city } }, isRemote: false } }
      : {}),
  };
}

const offerView = (o: AshbyOffer) => ({
  id: o.id,
  applicationId: o.applicationId,
  acceptanceStatus: o.acceptanceStatus,
  offerStatus: o.acceptanceStatus === 'Accepted' ? 'CandidateAccepted' : o.acceptanceStatus === 'Declined' ? 'CandidateRejected' : 'WaitingOnCandidateResponse',
  ...(o.decidedAt ? { decidedAt: o.decidedAt } : {}),
  latestVersion: { id: o.versionId, ...(o.startDate ? { startDate: o.startDate } : {}), createdAt: o.createdAt, customFields: [], fileHandles: [] },
});

// ---------------------------------------------------------------------------------------------------------------
// Routes

function router(world: () => AshbyWorld): Router {
  const r = new Router();
  const now = () => new Date().toISOString();
  /** A JSON endpoint: the body checked as the spec gives it, then the handler. */
  const rpc = <E extends JsonEndpoint>(endpoint: E, handle: (w: AshbyWorld, body: z.infer<(typeof Bodies)[E]>) => SandboxResponse) =>
    r.on('POST', `/${endpoint}`, (req) => {
      const body = parseBody(endpoint, req);
      return isResponse(body) ? body : handle(world(), body);
    });

  rpc('apiKey.info', (w) => ok({ title: 'Hirebridge sandbox key', createdAt: day('2026-10-01'), scopes: w.permissions.map(scopeOf) }));

  rpc('job.list', (w, body) => {
    const statuses = body.status ?? ['Open', 'Closed', 'Archived'];
    const listed = page(w.jobs.filter((j) => statuses.includes(j.status)), body, w, { syncable: true });
    if (isResponse(listed)) return listed;
    return ok(listed.slice.map((j) => jobView(w, j, !!body.expand?.includes('location'))), listed.extra);
  });

  rpc('candidate.search', (w, body) => {
    const email = body.email?.trim().toLowerCase();
    const name = body.name?.trim().toLowerCase();
    const found = w.candidates.filter((c) => (email === undefined || c.emails.some((e) => e.toLowerCase() === email)) && (name === undefined || c.name.toLowerCase().includes(name)));
    return ok(found.slice(0, 100).map((c) => candidateView(w, c)));
  });

  rpc('candidate.info', (w, body) => {
    const c = w.candidates.find((x) => x.id === body.id);
    return c ? ok(candidateView(w, c)) : failure(200, 'candidate_not_found', 'Candidate not found');
  });

  rpc('application.info', (w, body) => {
    const a = w.applications.find((x) => x.id === body.applicationId);
    return a ? ok(applicationView(w, a)) : failure(200, 'application_not_found', 'Application not found - are you lacking permissions to edit candidates?');
  });

  rpc('application.list', (w, body) => {
    const matching = w.applications.filter((a) => (!body.status || a.status === body.status) && (!body.jobId || a.jobId === body.jobId));
    const listed = page(matching, body, w, { syncable: true });
    if (isResponse(listed)) return listed;
    return ok(listed.slice.map((a) => applicationView(w, a)), listed.extra);
  });

  rpc('offer.list', (w, body) => {
    const matching = w.offers.filter((o) => (!body.applicationId || o.applicationId === body.applicationId) && (!body.acceptanceStatus || body.acceptanceStatus.includes(o.acceptanceStatus)));
    const listed = page(matching, body, w, { syncable: true });
    if (isResponse(listed)) return listed;
    return ok(listed.slice.map(offerView), listed.extra);
  });

  rpc('source.list', (w, body) => ok(w.sources.filter((s) => body.includeArchived || !s.isArchived), { moreDataAvailable: false }));

  rpc('candidate.create', (w, body) => {
    if (body.sourceId && !w.sources.some((s) => s.id === body.sourceId)) return failure(200, 'source_not_found', 'Source not found');
    const stamp = now();
    const links = [
      ...(body.linkedInUrl ? [{ type: 'LinkedIn', url: body.linkedInUrl }] : []),
      ...(body.githubUrl ? [{ type: 'GitHub', url: body.githubUrl }] : []),
      ...(body.website ? [{ type: 'Website', url: body.website }] : []),
    ];
    // Ashby documents no email uniqueness on create: a second candidate with the same email is a second record.
    const c: AshbyCandidate = { id: randomUUID(), name: body.name, emails: body.email ? [body.email] : [], phones: body.phoneNumber ? [body.phoneNumber] : [], socialLinks: links, sourceId: body.sourceId, createdAt: stamp, updatedAt: stamp, files: [] };
    w.candidates.push(c);
    return ok(candidateView(w, c));
  });

  rpc('application.create', (w, body) => {
    if (!w.candidates.some((c) => c.id === body.candidateId)) return failure(200, 'candidate_not_found', 'Candidate not found');
    const job = w.jobs.find((j) => j.id === body.jobId);
    if (!job) return failure(200, 'job_not_found', 'Job not found');
    if (body.sourceId && !w.sources.some((s) => s.id === body.sourceId)) return failure(200, 'source_not_found', 'Source not found');
    const stamp = now();
    const a: AshbyApplication = { id: randomUUID(), candidateId: body.candidateId, jobId: body.jobId, status: 'Lead', stage: 'Lead', sourceId: body.sourceId, createdAt: stamp, updatedAt: stamp, seq: ++w.seq };
    w.applications.push(a);
    return ok(applicationView(w, a));
  });

  rpc('candidate.createNote', (w, body) => {
    if (!w.candidates.some((c) => c.id === body.candidateId)) return failure(200, 'candidate_not_found', 'Candidate not found');
    const note: AshbyNote = { id: randomUUID(), candidateId: body.candidateId, text: typeof body.note === 'string' ? body.note : body.note.value, createdAt: now() };
    w.notes.push(note);
    return ok({ id: note.id, createdAt: note.createdAt, content: note.text, isPrivate: !!body.isPrivate, author: { id: '4b5c6d7e-8f9a-4b0c-8d1e-2f3a4b5c6d7e', firstName: 'API', lastName: 'Key' } });
  });

  /** The multipart uploads (the spec's `multipart/form-data` request bodies: `candidateId` and `resume` or `file`). */
  const upload = (endpoint: 'candidate.uploadResume' | 'candidate.uploadFile', field: 'resume' | 'file') =>
    r.on('POST', `/${endpoint}`, async (req) => {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^multipart\/form-data/i.test(type) || !req.rawBody) return failure(200, 'invalid_input', `${endpoint} takes multipart/form-data with candidateId and ${field}`);
      const form = await new Response(new Uint8Array(req.rawBody), { headers: { 'content-type': type } }).formData().catch(() => null);
      const candidateId = form?.get('candidateId');
      const file = form?.get(field);
      if (typeof candidateId !== 'string' || !uuid.safeParse(candidateId).success) return failure(200, 'invalid_input', 'candidateId: a candidate id is required');
      if (!file || typeof file === 'string') return failure(200, 'invalid_input', `${field}: a file is required`);
      const w = world();
      const c = w.candidates.find((x) => x.id === candidateId);
      if (!c) return failure(200, 'candidate_not_found', 'Candidate not found');
      const bytes = Buffer.from(await file.arrayBuffer());
      const kept = { name: file.name, contentType: file.type, bytes: bytes.length, pdf: bytes.subarray(0, 5).toString('latin1') === '%PDF-' };
      if (field === 'resume') c.resume = kept;
      else c.files.push(kept);
      c.updatedAt = now();
      return ok(candidateView(w, c));
    });
  upload('candidate.uploadResume', 'resume');
  upload('candidate.uploadFile', 'file');
  return r;
}

/** Test switches under `/__sandbox/ashby/…`: the key's permissions, and a job changed in Ashby. */
function control(world: () => AshbyWorld): Router {
  const r = new Router();
  r.on('POST', '/permissions', (req) => {
    const parsed = z.object({ revoke: z.array(z.string()).default([]), grant: z.array(z.string()).default([]) }).safeParse(req.body ?? {});
    if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
    const w = world();
    w.permissions = [...new Set([...w.permissions.filter((p) => !parsed.data.revoke.includes(p)), ...parsed.data.grant])];
    return json(200, { ok: true, permissions: w.permissions });
  });
  r.on('POST', '/expire-sync-tokens', () => {
    const w = world();
    w.seq += 1;
    w.syncTokensFrom = w.seq;
    return json(200, { ok: true });
  });
  r.on('POST', '/jobs', (req) => {
    const parsed = z.object({ id: z.string().optional(), title: z.string().optional(), status: z.enum(['Draft', 'Open', 'Closed', 'Archived']).optional(), remove: z.boolean().optional() }).safeParse(req.body ?? {});
    if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
    const w = world();
    const { id, title, status, remove } = parsed.data;
    if (remove) {
      w.jobs = w.jobs.filter((j) => j.id !== id);
      return json(200, { ok: true });
    }
    const existing = w.jobs.find((j) => j.id === id);
    const stamp = new Date().toISOString();
    if (existing) Object.assign(existing, { ...(title ? { title } : {}), ...(status ? { status } : {}), updatedAt: stamp, seq: ++w.seq });
    else w.jobs.push({ id: id ?? randomUUID(), title: title ?? 'New job', status: status ?? 'Open', locationId: w.locations[0].id, createdAt: stamp, updatedAt: stamp, seq: ++w.seq });
    return json(200, { ok: true });
  });
  return r;
}

function basicKey(req: { headers: Record<string, string | string[] | undefined> }): string | undefined {
  const header = String(req.headers.authorization ?? '');
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? decoded : decoded.slice(0, colon);
}

export const ashby: StandIn<AshbyWorld> = {
  vendor: 'ashby',
  hosts: ['api.ashbyhq.com'],
  keys: { apiKey: ASHBY_SANDBOX_KEY },
  seed,
  generateJobs(world, count) {
    const templates = world.jobs;
    // Each generated job is a change after every syncToken given so far (its seq), as a job created now would be.
    world.jobs = [
      ...templates,
      ...Array.from({ length: Math.max(0, count - templates.length) }, (_, i) => ({
        ...templates[i % templates.length],
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title: `Generated role ${i + 1}`,
        seq: ++world.seq,
      })),
    ];
  },
  router,
  control: (world) => control(world),
  authFailure(req, path, world) {
    const key = basicKey(req);
    if (!key) return failure(401, 'unauthenticated', 'No API key was provided. Send it as the Basic auth username.');
    if (key !== ASHBY_SANDBOX_KEY) return failure(403, 'invalid_api_key', 'The API key is invalid or has been deactivated.');
    const permission = PERMISSION[path.replace(/^\//, '')];
    if (permission && !world.permissions.includes(permission)) {
      return failure(403, 'missing_endpoint_permission', `The API key is missing the ${permission} permission required by this endpoint.`);
    }
    return undefined;
  },
  error: (status, message) => failure(status, status === 404 ? 'not_found' : status === 401 ? 'unauthenticated' : status >= 500 ? 'internal_error' : 'invalid_input', message),
  // Ashby documents its 429 body (the spec's `rate_limit_exceeded` envelope) but no header saying when to come back.
  rateLimited: () => failure(429, 'rate_limit_exceeded', 'Rate limit exceeded. Try again later.'),
  state: (world) => ({
    jobs: world.jobs.map((j) => ({ id: j.id, title: j.title, status: j.status })),
    candidates: world.candidates.map((c) => ({ id: c.id, name: c.name, emails: c.emails, sourceId: c.sourceId ?? null, socialLinks: c.socialLinks, resume: c.resume ?? null, files: c.files })),
    applications: world.applications.map((a) => ({ id: a.id, candidateId: a.candidateId, jobId: a.jobId, status: a.status, sourceId: a.sourceId ?? null })),
    notes: world.notes,
    permissions: world.permissions,
  }),
};
