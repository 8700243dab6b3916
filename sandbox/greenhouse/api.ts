import type { IncomingMessage } from 'node:http';
import { json, Router, type SandboxRequest, type SandboxResponse } from '../http';
import type { StandIn } from '../stand-in';

/**
 * Greenhouse Harvest v3, as its docs describe it (tests/vendor/greenhouse/: SOURCE.md, harvest-v3-excerpts.md, and the
 * shapes in harvest-v3.json, which tests/sandbox/greenhouse.test.ts holds this file to):
 * - `POST /token` (auth.greenhouse.io/token): HTTP Basic Client ID:Client Secret, a form with
 *   grant_type=client_credentials; answers a bearer token for one hour.
 * - `/v3/…` with `Authorization: Bearer <token>`; lists page with a cursor in the `Link` header (`rel="next"`, an
 *   absolute URL on the host that was called); a cursor must be the only query parameter.
 * - Errors `{message, errors: [{message, field}]}`, 422 for a body Greenhouse would refuse; 429 with `Retry-After`
 *   and `X-RateLimit-Reset`; `X-RateLimit-Limit` / `-Remaining` while a rate limit is set.
 * - The credential's scopes and its IP allow-list are switchable (`/__sandbox/greenhouse/scopes`, `/ip-allow-list`).
 */

export interface GhOffice { id: number; name: string; location: { name: string }; created_at: string; updated_at: string }
export interface GhJob { id: number; name: string; status: 'open' | 'closed' | 'draft'; requisition_id: string | null; confidential: boolean; opened_at: string | null; closed_at: string | null; office_ids: number[]; created_at: string; updated_at: string }
export interface GhStage { id: number; name: string; job_id: number; created_at: string; updated_at: string }
export interface GhContact { value: string; type: string }
export interface GhCandidate {
  id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  title: string | null;
  email_addresses: GhContact[];
  phone_numbers: GhContact[];
  website_addresses: GhContact[];
  tags: string[];
  created_at: string;
  updated_at: string;
}
export interface GhApplication { id: number; candidate_id: number; job_id: number | null; status: 'active' | 'rejected' | 'hired' | 'converted'; prospect: boolean; current_stage_id: number | null; source_id: number | null; applied_at: string | null; created_at: string; updated_at: string }
export interface GhOffer { id: number; version: number; application_id: number; status: 'created' | 'accepted' | 'rejected' | 'deprecated'; start_on: string | null; resolved_at: string | null; created_at: string; updated_at: string }
/** An attachment as stored: its bytes are not kept, only their size and first bytes (a PDF says `%PDF`). */
export interface GhAttachment { id: number; application_id: number; filename: string; type: string; visibility: string; byte_size: number; magic: string; created_at: string; updated_at: string }

export interface GreenhouseWorld {
  offices: GhOffice[];
  jobs: GhJob[];
  stages: GhStage[];
  candidates: GhCandidate[];
  applications: GhApplication[];
  offers: GhOffer[];
  attachments: GhAttachment[];
  /** Issued access tokens and when each expires (epoch ms). */
  tokens: Map<string, number>;
  tokenLifetimeSeconds: number;
  tokensIssued: number;
  /** Scopes the credential lacks (a Site Admin did not tick them). */
  missingScopes: Set<string>;
  /** The credential is limited to trusted IP addresses, and this caller's is not one. */
  ipRefused: boolean;
  nextId: number;
}

export const GREENHOUSE_KEYS = { clientId: 'gh-sandbox-client-4f1c', clientSecret: 'gh-sandbox-secret-9b27e1d0' } as const;

/** The scope each route needs (the `harvest:<resource>:<action>` pattern of Greenhouse's partner guide). */
export function scopeFor(method: string, path: string): string | undefined {
  const resource = /^\/v3\/([a-z_]+)$/.exec(path)?.[1];
  if (!resource) return undefined;
  return `harvest:${resource}:${method === 'GET' ? 'list' : 'create'}`;
}

const T0 = '2026-11-02T09:00:00.000Z';
const at = (day: string) => `${day}T09:00:00.000Z`;

function seed(): GreenhouseWorld {
  const offices: GhOffice[] = [
    { id: 4001, name: 'Paris', location: { name: 'Paris, France' }, created_at: T0, updated_at: T0 },
    { id: 4002, name: 'Berlin', location: { name: 'Berlin, Germany' }, created_at: T0, updated_at: T0 },
  ];
  const job = (id: number, name: string, status: GhJob['status'], office: number, updated: string): GhJob => ({
    id,
    name,
    status,
    requisition_id: `REQ-${id}`,
    confidential: false,
    opened_at: status === 'draft' ? null : T0,
    closed_at: status === 'closed' ? at(updated) : null,
    office_ids: [office],
    created_at: T0,
    updated_at: at(updated),
  });
  const jobs = [
    job(5001, 'Senior Backend Engineer', 'open', 4001, '2026-11-20'),
    job(5002, 'Product Designer', 'open', 4002, '2026-11-10'),
    job(5003, 'Data Analyst', 'open', 4001, '2026-11-25'),
    job(5004, 'Account Executive', 'closed', 4002, '2026-11-05'),
    job(5005, 'Head of People', 'draft', 4001, '2026-11-01'),
  ];
  const stage = (id: number, name: string, jobId: number): GhStage => ({ id, name, job_id: jobId, created_at: T0, updated_at: T0 });
  const stages = [stage(6001, 'Application Review', 5001), stage(6002, 'Offer', 5001), stage(6101, 'Phone Screen', 5002), stage(6201, 'Application Review', 5003)];
  const candidate = (id: number, first: string, last: string, email: string, phone: string): GhCandidate => ({
    id,
    first_name: first,
    last_name: last,
    company: null,
    title: null,
    email_addresses: [{ value: email, type: 'personal' }],
    phone_numbers: [{ value: phone, type: 'mobile' }],
    website_addresses: [],
    tags: [],
    created_at: T0,
    updated_at: T0,
  });
  const candidates = [
    candidate(7001, 'Lucas', 'Moreau', 'lucas.moreau@example.com', '+33 6 12 34 56 78'),
    candidate(7002, 'Ana', 'García', 'ana.garcia@example.com', '+34 612 345 678'),
    candidate(7003, 'Priya', 'Raman', 'priya.raman@example.com', '+44 7700 900123'),
  ];
  const application = (id: number, candidateId: number, jobId: number, status: GhApplication['status'], stageId: number | null): GhApplication => ({
    id,
    candidate_id: candidateId,
    job_id: jobId,
    status,
    prospect: false,
    current_stage_id: stageId,
    source_id: null,
    applied_at: T0,
    created_at: T0,
    updated_at: at('2026-11-28'),
  });
  const applications = [application(8001, 7001, 5001, 'hired', 6002), application(8002, 7002, 5002, 'active', 6101), application(8003, 7003, 5003, 'hired', 6201)];
  const offer = (id: number, version: number, applicationId: number, status: GhOffer['status'], start: string | null): GhOffer => ({
    id,
    version,
    application_id: applicationId,
    status,
    start_on: start,
    resolved_at: status === 'accepted' || status === 'rejected' ? at('2026-11-27') : null,
    created_at: T0,
    updated_at: at('2026-11-27'),
  });
  // Lucas: a first offer deprecated by a second, accepted one. Priya: hired with no accepted offer.
  const offers = [offer(9001, 1, 8001, 'deprecated', '2026-12-14'), offer(9002, 2, 8001, 'accepted', '2027-01-04'), offer(9003, 1, 8003, 'created', '2027-02-01')];
  return { offices, jobs, stages, candidates, applications, offers, attachments: [], tokens: new Map(), tokenLifetimeSeconds: 3600, tokensIssued: 0, missingScopes: new Set(), ipRefused: false, nextId: 100_001 };
}

const harvestError = (status: number, message: string, errors?: { message: string; field: string }[]): SandboxResponse => json(status, { message, ...(errors ? { errors } : {}) });
const invalid = (field: string, message: string) => harvestError(422, 'Validation error', [{ message, field }]);

/** The cursor: the first request's filters, and where the next page starts (opaque to clients, as Greenhouse's). */
interface Cursor { params: [string, string][]; offset: number }
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(value: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
    return Array.isArray(c.params) && Number.isInteger(c.offset) ? c : undefined;
  } catch {
    return undefined;
  }
}

/** The absolute URL the caller used for this route (the real host in E2E, the sandbox's own otherwise). */
function selfUrl(req: SandboxRequest, path: string): string {
  const routed = req.headers['x-sandbox-host'];
  if (typeof routed === 'string' && routed) return `https://${routed}${path}`;
  return `http://${req.headers.host ?? '127.0.0.1'}/greenhouse${path}`;
}

const ids = (value: string | null) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined);

/** A list route: filters from the query (or the cursor), paged by `per_page` with a `Link: <…>; rel="next"`. */
function listRoute<T>(path: string, rows: (w: GreenhouseWorld) => T[], filter: (row: T, q: URLSearchParams) => boolean) {
  return (world: () => GreenhouseWorld) => (req: SandboxRequest): SandboxResponse => {
    let q = req.query;
    let offset = 0;
    const cursor = q.get('cursor');
    if (cursor !== null) {
      if ([...q.keys()].some((k) => k !== 'cursor')) return harvestError(422, 'When you pass a cursor, it must be the only query parameter.');
      const decoded = decodeCursor(cursor);
      if (!decoded) return harvestError(422, 'The cursor is not valid.');
      q = new URLSearchParams(decoded.params);
      offset = decoded.offset;
    }
    const perPage = q.get('per_page') === null ? 100 : Number(q.get('per_page'));
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 500) return invalid('per_page', 'Must be between 1 and 500.');
    for (const key of ['ids', 'candidate_ids', 'job_ids', 'application_ids']) {
      const list = ids(q.get(key));
      if (list && (list.length > 50 || list.some((v) => !/^\d+$/.test(v)))) return invalid(key, 'Must be a comma separated list of at most 50 integer ids.');
    }
    for (const key of ['created_at', 'updated_at']) {
      const value = q.get(key);
      if (value !== null && !/^(gte|lte|gt|lt)\|\d{4}-\d{2}-\d{2}T[\d:.]+Z$/i.test(value)) return invalid(key, 'Must be an operator (gte, lte, gt, lt) and an ISO 8601 date-time, e.g. gte|2024-01-01T00:00:00Z.');
    }
    const matching = rows(world()).filter((row) => filter(row, q));
    const items = matching.slice(offset, offset + perPage);
    const headers: Record<string, string> = {};
    if (offset + perPage < matching.length) headers.link = `<${selfUrl(req, path)}?cursor=${encodeCursor({ params: [...q.entries()], offset: offset + perPage })}>; rel="next"`;
    return json(200, items, headers);
  };
}

/** Common list filters of Harvest v3 (docs/list-endpoints): ids, created_at / updated_at with an operator. */
function common(row: { id: number; created_at: string; updated_at: string }, q: URLSearchParams): boolean {
  const only = ids(q.get('ids'));
  if (only && !only.includes(String(row.id))) return false;
  for (const key of ['created_at', 'updated_at'] as const) {
    const value = q.get(key);
    if (!value) continue;
    const [op, iso] = value.split('|');
    const a = Date.parse(row[key]);
    const b = Date.parse(iso);
    const ok = { gte: a >= b, lte: a <= b, gt: a > b, lt: a < b }[op.toLowerCase() as 'gte'];
    if (!ok) return false;
  }
  return true;
}
const inList = (value: number | null, list: string[] | undefined) => !list || (value !== null && list.includes(String(value)));

function readForm(req: SandboxRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody?.toString('utf8') ?? '');
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const TYPES = { email: ['personal', 'work', 'other'], phone: ['home', 'work', 'mobile', 'skype', 'other'], website: ['personal', 'company', 'portfolio', 'blog', 'other'] };
const ATTACHMENT_TYPES = ['resume', 'cover_letter', 'take_home_test', 'offer_packet', 'offer_letter', 'signed_offer_letter', 'midfunnel_agreement', 'automated_agreement', 'form_attachment', 'other'];

function contacts(body: Record<string, unknown>, field: string, types: string[]): GhContact[] | SandboxResponse {
  const value = body[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) return invalid(field, 'Must be an array.');
  for (const [i, item] of value.entries()) {
    if (!isObject(item) || typeof item.value !== 'string' || !item.value.trim()) return invalid(`${field}[${i}].value`, 'Is required.');
    if (typeof item.type !== 'string' || !types.includes(item.type)) return invalid(`${field}[${i}].type`, `Must be one of: ${types.join(', ')}`);
  }
  return value as GhContact[];
}

export const greenhouse: StandIn<GreenhouseWorld> = {
  vendor: 'greenhouse',
  hosts: ['harvest.greenhouse.io', 'auth.greenhouse.io'],
  basePath: '/v3',
  keys: { clientId: GREENHOUSE_KEYS.clientId, clientSecret: GREENHOUSE_KEYS.clientSecret },
  seed,
  generateJobs(world, count) {
    const templates = world.jobs;
    world.jobs = [
      ...templates,
      ...Array.from({ length: Math.max(0, count - templates.length) }, (_, i) => ({
        ...templates[i % templates.length],
        id: 50_000 + i,
        name: `Generated role ${i + 1}`,
        requisition_id: `REQ-G${i + 1}`,
      })),
    ];
  },

  router(world) {
    const now = () => new Date().toISOString();
    const r = new Router();

    r.on('POST', '/token', (req) => {
      if (!/application\/x-www-form-urlencoded/i.test(String(req.headers['content-type'] ?? ''))) return json(400, { error: 'invalid_request', error_description: 'The body must be application/x-www-form-urlencoded.' });
      const form = readForm(req);
      if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type', error_description: 'Custom integrations use grant_type=client_credentials.' });
      const w = world();
      const token = `gh-at-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
      w.tokens.set(token, Date.now() + w.tokenLifetimeSeconds * 1000);
      w.tokensIssued += 1;
      return json(200, { access_token: token, token_type: 'Bearer', expires_in: w.tokenLifetimeSeconds });
    });

    r.on('GET', '/v3/jobs', listRoute('/v3/jobs', (w) => w.jobs, (job, q) => common(job, q) && (!q.get('status') || job.status === q.get('status')))(world));
    r.on('GET', '/v3/offices', listRoute('/v3/offices', (w) => w.offices, common)(world));
    r.on('GET', '/v3/job_stages', listRoute('/v3/job_stages', (w) => w.stages, (s, q) => common(s, q) && inList(s.job_id, ids(q.get('job_ids'))))(world));
    r.on(
      'GET',
      '/v3/candidates',
      listRoute('/v3/candidates', (w) => w.candidates, (c, q) => {
        const email = q.get('email')?.toLowerCase();
        return common(c, q) && (!email || c.email_addresses.some((e) => e.value.toLowerCase() === email));
      })(world),
    );
    r.on(
      'GET',
      '/v3/applications',
      listRoute('/v3/applications', (w) => w.applications, (a, q) => common(a, q) && inList(a.candidate_id, ids(q.get('candidate_ids'))) && inList(a.job_id, ids(q.get('job_ids'))) && (!q.get('status') || a.status === q.get('status')))(world),
    );
    r.on(
      'GET',
      '/v3/offers',
      listRoute('/v3/offers', (w) => w.offers, (o, q) => {
        if (!common(o, q) || !inList(o.application_id, ids(q.get('application_ids')))) return false;
        if (q.get('status') && o.status !== q.get('status')!.toLowerCase()) return false;
        // current_only: the latest version per application.
        if (q.get('current_only') === 'true') return !world().offers.some((other) => other.application_id === o.application_id && other.version > o.version);
        return true;
      })(world),
    );

    r.on('POST', '/v3/candidates', (req) => {
      const body = req.body;
      if (!isObject(body)) return harvestError(400, 'The request body must be a JSON object.');
      for (const field of ['first_name', 'last_name']) if (typeof body[field] !== 'string' || !(body[field] as string).trim()) return invalid(field, 'Is required.');
      const emails = contacts(body, 'email_addresses', TYPES.email);
      const phones = contacts(body, 'phone_numbers', TYPES.phone);
      const websites = contacts(body, 'website_addresses', TYPES.website);
      for (const out of [emails, phones, websites]) if (!Array.isArray(out)) return out;
      if (body.tags !== undefined && (!Array.isArray(body.tags) || body.tags.some((tag) => typeof tag !== 'string'))) return invalid('tags', 'Must be an array of strings.');
      if (body.title !== undefined && typeof body.title !== 'string') return invalid('title', 'Must be a string.');
      const w = world();
      const candidate: GhCandidate = {
        id: w.nextId++,
        first_name: body.first_name as string,
        last_name: body.last_name as string,
        company: null,
        title: (body.title as string | undefined) ?? null,
        email_addresses: emails as GhContact[],
        phone_numbers: phones as GhContact[],
        website_addresses: websites as GhContact[],
        tags: (body.tags as string[] | undefined) ?? [],
        created_at: now(),
        updated_at: now(),
      };
      w.candidates.push(candidate);
      return json(201, candidate);
    });

    r.on('POST', '/v3/applications', (req) => {
      const body = req.body;
      if (!isObject(body)) return harvestError(400, 'The request body must be a JSON object.');
      const w = world();
      if (!Number.isInteger(body.candidate_id)) return invalid('candidate_id', 'Must be an integer.');
      if (!Number.isInteger(body.job_id)) return invalid('job_id', 'Must be an integer.');
      if (!w.candidates.some((c) => c.id === body.candidate_id)) return invalid('candidate_id', 'No candidate with this id.');
      const job = w.jobs.find((j) => j.id === body.job_id);
      if (!job) return invalid('job_id', 'No job with this id.');
      if (job.status !== 'open') return invalid('job_id', 'The job is not open: it takes no applications.');
      // "Each candidate can have one application per job" (get_v3-applications).
      if (w.applications.some((a) => a.candidate_id === body.candidate_id && a.job_id === body.job_id)) return invalid('job_id', 'The candidate already has an application on this job.');
      const application: GhApplication = {
        id: w.nextId++,
        candidate_id: body.candidate_id as number,
        job_id: body.job_id as number,
        status: 'active',
        prospect: false,
        current_stage_id: w.stages.find((s) => s.job_id === body.job_id)?.id ?? null,
        source_id: Number.isInteger(body.source_id) ? (body.source_id as number) : null,
        applied_at: now(),
        created_at: now(),
        updated_at: now(),
      };
      w.applications.push(application);
      return json(201, application);
    });

    r.on('POST', '/v3/attachments', (req) => {
      const body = req.body;
      if (!isObject(body)) return harvestError(400, 'The request body must be a JSON object.');
      const w = world();
      if (!Number.isInteger(body.application_id)) return invalid('application_id', 'Must be an integer.');
      if (!w.applications.some((a) => a.id === body.application_id)) return invalid('application_id', 'No application with this id.');
      if (typeof body.filename !== 'string' || !/\.[A-Za-z0-9]{1,8}$/.test(body.filename)) return invalid('filename', 'Is required, with its extension.');
      if (/\.html?$/i.test(body.filename)) return invalid('filename', 'This extension is blocklisted for this organization.');
      if (typeof body.type !== 'string' || !ATTACHMENT_TYPES.includes(body.type)) return invalid('type', `Must be one of: ${ATTACHMENT_TYPES.join(', ')}`);
      const hasContent = body.content !== undefined;
      if (hasContent === (body.url !== undefined)) return invalid('content', 'Provide either content or url, not both.');
      let bytes = Buffer.alloc(0);
      if (hasContent) {
        if (typeof body.content !== 'string' || !body.content || !/^[A-Za-z0-9+/]+={0,2}$/.test(body.content)) return invalid('content', 'Must be base64-encoded file contents.');
        bytes = Buffer.from(body.content, 'base64');
      }
      const attachment: GhAttachment = {
        id: w.nextId++,
        application_id: body.application_id as number,
        filename: body.filename,
        type: body.type,
        visibility: typeof body.visibility === 'string' ? body.visibility : body.type === 'resume' ? 'public' : 'admin_only',
        byte_size: bytes.length,
        magic: bytes.subarray(0, 4).toString('latin1'),
        created_at: now(),
        updated_at: now(),
      };
      // Uploading a resume reclassifies a prior one as `other` (post_v3-attachments).
      for (const prior of w.attachments) if (prior.application_id === attachment.application_id && prior.type === attachment.type && ['resume', 'cover_letter'].includes(prior.type)) prior.type = 'other';
      w.attachments.push(attachment);
      const { byte_size: _size, magic: _magic, ...answer } = attachment;
      return json(201, { ...answer, url: `https://grnhse-sandbox.s3.amazonaws.com/attachments/${attachment.id}/${encodeURIComponent(attachment.filename)}` });
    });
    return r;
  },

  control(world) {
    const r = new Router();
    /** The credential's scopes: `{missing: ["harvest:candidates:create"]}` takes those away; `{missing: []}` gives all. */
    r.on('POST', '/scopes', (req) => {
      const missing = isObject(req.body) && Array.isArray(req.body.missing) ? req.body.missing.filter((s): s is string => typeof s === 'string') : null;
      if (!missing) return json(400, { error: 'missing: an array of scope names' });
      world().missingScopes = new Set(missing);
      return json(200, { ok: true });
    });
    r.on('POST', '/ip-allow-list', (req) => {
      if (!isObject(req.body) || typeof req.body.refused !== 'boolean') return json(400, { error: 'refused: a boolean' });
      world().ipRefused = req.body.refused;
      return json(200, { ok: true });
    });
    /** Tokens live this long from now on (`{seconds}`), and every issued token can be expired at once (`{expireAll}`). */
    r.on('POST', '/tokens', (req) => {
      const w = world();
      if (isObject(req.body) && typeof req.body.seconds === 'number' && req.body.seconds > 0) w.tokenLifetimeSeconds = req.body.seconds;
      if (isObject(req.body) && req.body.expireAll === true) for (const token of w.tokens.keys()) w.tokens.set(token, 0);
      return json(200, { ok: true });
    });
    return r;
  },

  authFailure(req: IncomingMessage, path: string, world: GreenhouseWorld) {
    const authorization = String(req.headers.authorization ?? '');
    if (path === '/token') {
      const expected = `Basic ${Buffer.from(`${GREENHOUSE_KEYS.clientId}:${GREENHOUSE_KEYS.clientSecret}`).toString('base64')}`;
      return authorization === expected ? undefined : json(401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
    }
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    const expiresAt = token ? world.tokens.get(token) : undefined;
    if (expiresAt === undefined || expiresAt <= Date.now()) return harvestError(401, 'Unauthorized: the access token is missing, invalid or expired.');
    if (world.ipRefused) return harvestError(403, 'Forbidden: this request comes from an IP address that is not on this credential’s allow-list.');
    const scope = scopeFor(String(req.method ?? 'GET'), path.split('?')[0]);
    if (scope && world.missingScopes.has(scope)) return harvestError(403, `Forbidden: this credential is missing the required scope ${scope}.`);
    return undefined;
  },

  error: (status, message) => harvestError(status, message),
  rateLimited: (seconds) => ({
    ...harvestError(429, 'Rate limit exceeded.'),
    headers: { 'retry-after': String(seconds), 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000 + seconds)) },
  }),
  limitHeaders: (limit, remaining) => ({ 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining) }),
  state: (world) => ({
    candidates: world.candidates,
    applications: world.applications,
    attachments: world.attachments,
    tokensIssued: world.tokensIssued,
  }),
};
