import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { json, Router, type SandboxRequest, type SandboxResponse } from '../http';
import type { StandIn } from '../stand-in';

/**
 * Workable's SPI v3 stand-in, on its real paths (`https://<subdomain>.workable.com/spi/v3/…`), written from the vendor's
 * reference (tests/vendor/workable/spi-v3-excerpt.json and SOURCE.md):
 * - Bearer access token of one account (its subdomain); each operation needs its documented scope.
 * - Lists sorted by insertion, ascending; `limit` (default 50, at most 100), `since_id`/`max_id` inclusive,
 *   `created_after`/`updated_after` (ISO 8601 or Unix time); `paging.next` only when there is more.
 * - A candidate record per person and job; `profile_url` ends in the web app's numeric id, not the API's hex id.
 * - Errors `{"error": "…"}` (401 Not authorized, 404 Not found, 422 with `validation_errors`).
 * What the reference does not say, and this stand-in assumes, is listed in SOURCE.md (a missing scope: 403).
 */

const SUBDOMAIN = 'hirebridge-demo';
const TOKEN = 'sbx-workable-5c1e9a7f3b';
const ALL_SCOPES = ['r_jobs', 'r_candidates', 'w_candidates'];
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 50;

interface Question {
  id: string;
  body: string;
  type: string;
  required: boolean;
  single_answer?: boolean;
  choices?: { id: string; body: string }[];
}
interface WorkableJob {
  id: string;
  shortcode: string;
  title: string;
  code: string;
  state: 'draft' | 'published' | 'closed' | 'archived';
  department: string;
  /** The numeric id of the web app's and the careers page's URLs. */
  webId: string;
  location: { location_str: string; country: string; country_code: string; region: string | null; region_code: string | null; city: string; zip_code: string | null; telecommuting: boolean };
  created_at: string;
  updated_at: string;
  questions: Question[];
}
interface WorkableCandidate {
  id: string;
  webId: string;
  jobShortcode: string;
  firstname: string | null;
  lastname: string | null;
  email: string;
  phone: string | null;
  headline: string | null;
  stageSlug: string;
  disqualified: boolean;
  sourced: boolean;
  cover_letter: string | null;
  tags: string[];
  answers: { question: { body: string }; answer: Record<string, unknown> }[];
  resume: { name: string; bytes: number; pdf: boolean } | null;
  created_at: string;
  updated_at: string;
  hired_at: string | null;
  originating_candidate_id: string | null;
  uploader_id: string | null;
}
interface Offer {
  candidateId: string;
  created_at: string;
  startDate: string | null;
}
export interface WorkableWorld {
  subdomain: string;
  token: string;
  scopes: string[];
  stages: { slug: string; name: string; kind: string; position: number }[];
  members: { id: string; name: string; headline: string; email: string; role: string }[];
  jobs: WorkableJob[];
  candidates: WorkableCandidate[];
  offers: Offer[];
  /** Every create and copy body this world accepted, as sent (tests check them against the vendor's field table). */
  writes: { method: string; path: string; body: unknown }[];
  nextId: number;
  nextWebId: number;
}

const STAGES = [
  { slug: 'sourced', name: 'Sourced', kind: 'sourced', position: 0 },
  { slug: 'applied', name: 'Applied', kind: 'applied', position: 1 },
  { slug: 'phone-screen', name: 'Phone Screen', kind: 'phone-screen', position: 2 },
  { slug: 'interview', name: 'Interview', kind: 'interview', position: 3 },
  { slug: 'offer', name: 'Offer', kind: 'offer', position: 4 },
  { slug: 'hired', name: 'Hired', kind: 'hired', position: 5 },
];

const place = (city: string, region: string | null, country: string, country_code: string, zip: string | null, telecommuting = false) => ({
  location_str: [city, region, country].filter(Boolean).join(', '),
  country,
  country_code,
  region,
  region_code: null,
  city,
  zip_code: zip,
  telecommuting,
});

function seed(): WorkableWorld {
  const job = (n: number, shortcode: string, title: string, state: WorkableJob['state'], department: string, webId: string, location: WorkableJob['location'], questions: Question[] = []): WorkableJob => ({
    id: (0x2a4f8c00 + n).toString(16),
    shortcode,
    title,
    code: `HB/${n}`,
    state,
    department,
    webId,
    location,
    created_at: `2026-0${n}-02T09:00:00Z`,
    updated_at: `2026-0${n}-15T09:00:00Z`,
    questions,
  });
  const jobs = [
    job(1, 'HB0001', 'Backend Engineer', 'published', 'Engineering', '4087255', place('Berlin', 'Berlin', 'Germany', 'DE', '10115'), [
      { id: '2128d717', body: 'Why do you want to join us?', type: 'free_text', required: true },
      { id: '1d3f348f', body: 'Are you authorised to work in the EU?', type: 'boolean', required: true },
      { id: '1914385', body: 'How many years of backend experience do you have?', type: 'dropdown', required: false, single_answer: true, choices: [{ id: '3f3c0265', body: '0-3 years' }, { id: '2632b0fd', body: '3-5 years' }, { id: '1135a194', body: 'Over 5 years' }] },
    ]),
    job(2, 'HB0002', 'Product Designer', 'published', 'Design', '4087301', place('Madrid', 'Comunidad de Madrid', 'Spain', 'ES', '28001')),
    job(3, 'HB0003', 'Data Analyst', 'published', 'Data', '4087322', place('Lisbon', null, 'Portugal', 'PT', null, true)),
    job(4, 'HB0004', 'Office Manager', 'closed', 'Operations', '4087340', place('Paris', 'Île-de-France', 'France', 'FR', '75001')),
    job(5, 'HB0005', 'Sales Intern', 'archived', 'Sales', '4087351', place('London', 'England', 'United Kingdom', 'GB', 'EC1A')),
    job(6, 'HB0006', 'Marketing Lead', 'draft', 'Marketing', '4087377', place('Amsterdam', 'North Holland', 'Netherlands', 'NL', '1012')),
  ];
  const person = (n: number, webId: string, jobShortcode: string, first: string, last: string, email: string, stageSlug: string, extra: Partial<WorkableCandidate> = {}): WorkableCandidate => ({
    id: (0x3c1d0a00 + n).toString(16),
    webId,
    jobShortcode,
    firstname: first,
    lastname: last,
    email,
    phone: null,
    headline: null,
    stageSlug,
    disqualified: false,
    sourced: false,
    cover_letter: null,
    tags: [],
    answers: [],
    resume: null,
    created_at: `2026-10-0${n}T10:00:00Z`,
    updated_at: `2026-11-0${n}T10:00:00Z`,
    hired_at: null,
    originating_candidate_id: null,
    uploader_id: null,
    ...extra,
  });
  const candidates = [
    // The hired person of every stand-in, with an offer that has a start date.
    person(1, '370715912', 'HB0001', 'Lucas', 'Moreau', 'lucas.moreau@example.com', 'hired', { phone: '+33 6 12 34 56 78', headline: 'Senior Backend Engineer', hired_at: '2026-11-20T16:00:00Z' }),
    // Hired, with an offer whose document has no start date.
    person(2, '370715911', 'HB0001', 'Ana', 'García López', 'ana.garcia@example.com', 'hired', { hired_at: '2026-11-22T11:00:00Z' }),
    // One person, two jobs: two records sharing an email.
    person(3, '370716002', 'HB0002', 'Amira', 'Haddad', 'amira.haddad@example.com', 'interview', { phone: '+34 600 111 222' }),
    person(4, '370716003', 'HB0001', 'Amira', 'Haddad', 'amira.haddad@example.com', 'applied'),
    person(5, '370716020', 'HB0003', 'Jonas', 'Weber', 'jonas.weber@example.com', 'phone-screen'),
    // Hired without any offer.
    person(6, '370716031', 'HB0002', 'Sofia', 'Rossi', 'sofia.rossi@example.com', 'hired', { hired_at: '2026-11-25T09:30:00Z' }),
    person(7, '370716044', 'HB0004', 'Noah', 'Schmidt', 'noah.schmidt@example.com', 'applied', { disqualified: true }),
  ];
  return {
    subdomain: SUBDOMAIN,
    token: TOKEN,
    scopes: [...ALL_SCOPES],
    stages: STAGES.map((s) => ({ ...s })),
    members: [
      { id: '13e0eb0e', name: 'Elena Pérez', headline: 'Head of Talent', email: 'elena.perez@hirebridge-demo.example', role: 'admin' },
      { id: '3247e8c7', name: 'Marc Dubois', headline: 'Recruiter', email: 'marc.dubois@hirebridge-demo.example', role: 'simple' },
    ],
    jobs,
    candidates,
    offers: [
      { candidateId: candidates[0].id, created_at: '2026-11-18T10:00:00Z', startDate: '2027-01-11' },
      { candidateId: candidates[1].id, created_at: '2026-11-21T10:00:00Z', startDate: null },
    ],
    writes: [],
    nextId: 0x3c1d0b00,
    nextWebId: 370800000,
  };
}

const notAuthorized = () => json(401, { error: 'Not authorized' });
const notFound = () => json(404, { error: 'Not found' });
const invalid = (fields: Record<string, string[]>) =>
  json(422, { error: `Validation failed: ${Object.entries(fields).map(([field, problems]) => `${field[0].toUpperCase()}${field.slice(1)} ${problems.join(', ')}`).join(', ')}`, validation_errors: fields });

/** The scope each operation documents (spi-v3-excerpt.json `operations.*.scope`). */
function scopeFor(method: string, path: string): string | undefined {
  if (!path.startsWith('/spi/v3/')) return undefined;
  if (/^\/spi\/v3\/(jobs|stages|members)(\/|$)/.test(path) && method === 'GET') return 'r_jobs';
  if (/^\/spi\/v3\/candidates(\/|$)/.test(path) && method === 'GET') return 'r_candidates';
  return 'w_candidates';
}

/** "ISO8601 e.g. 20150708T115616Z, Unix time (e.g. 1436356721)" (jobs reference page); extended ISO read too. */
function timestamp(value: string | null): number | undefined | 'invalid' {
  if (value === null || value === '') return undefined;
  if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
  const basic = value.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  const ms = basic ? Date.UTC(+basic[1], +basic[2] - 1, +basic[3], +basic[4], +basic[5], +basic[6]) : Date.parse(value);
  return Number.isNaN(ms) ? 'invalid' : ms;
}

const hexOrder = (id: string) => parseInt(id, 16);

/** One page of a list, the way every v3 collection pages: `limit`, inclusive `since_id`/`max_id`, `paging.next`. */
function paged<T extends { id: string }>(req: SandboxRequest, world: WorkableWorld, resource: string, rows: T[]): { page: T[]; paging?: { next: string } } | SandboxResponse {
  const limitRaw = req.query.get('limit');
  const limit = limitRaw === null ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1) return invalid({ limit: ['is not a positive number'] });
  const size = Math.min(limit, MAX_LIMIT);
  const since = req.query.get('since_id');
  const max = req.query.get('max_id');
  const sorted = [...rows].sort((a, b) => hexOrder(a.id) - hexOrder(b.id));
  const window = sorted.filter((r) => (since === null || hexOrder(r.id) >= hexOrder(since)) && (max === null || hexOrder(r.id) <= hexOrder(max)));
  const page = window.slice(0, size);
  const rest = window[size];
  if (!rest) return { page };
  const params = new URLSearchParams(req.query);
  params.set('limit', String(size));
  params.set('since_id', rest.id);
  const host = String(req.headers['x-sandbox-host'] ?? `${world.subdomain}.workable.com`);
  return { page, paging: { next: `https://${host}/spi/v3/${resource}?${params.toString()}` } };
}

function timeFilters(req: SandboxRequest): { created?: number; updated?: number } | SandboxResponse {
  const created = timestamp(req.query.get('created_after'));
  const updated = timestamp(req.query.get('updated_after'));
  if (created === 'invalid') return invalid({ created_after: ['is not a valid timestamp'] });
  if (updated === 'invalid') return invalid({ updated_after: ['is not a valid timestamp'] });
  return { created, updated };
}
const isResponse = (value: unknown): value is SandboxResponse => !!value && typeof value === 'object' && 'status' in value && !('page' in value);

function jobJson(world: WorkableWorld, job: WorkableJob) {
  const base = `https://${world.subdomain}.workable.com`;
  return {
    id: job.id,
    title: job.title,
    full_title: `${job.title} - ${job.code}`,
    shortcode: job.shortcode,
    code: job.code,
    state: job.state,
    department: job.department,
    department_hierarchy: [{ id: 792289334, name: job.department }],
    url: `${base}/jobs/${job.webId}`,
    application_url: `${base}/jobs/${job.webId}/candidates/new`,
    shortlink: `${base}/j/${job.shortcode}`,
    location: job.location,
    salary: { salary_from: 50000, salary_to: 70000, salary_currency: 'eur' },
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}

function stageName(world: WorkableWorld, slug: string) {
  return world.stages.find((s) => s.slug === slug)?.name ?? slug;
}

/** The collection's basic record (What's new in v3: no phone, answers, tags, resume). */
function rowJson(world: WorkableWorld, c: WorkableCandidate) {
  const job = world.jobs.find((j) => j.shortcode === c.jobShortcode)!;
  return {
    id: c.id,
    name: [c.firstname, c.lastname].filter(Boolean).join(' '),
    firstname: c.firstname,
    lastname: c.lastname,
    headline: c.headline,
    account: { subdomain: world.subdomain, name: 'Hirebridge Demo' },
    job: { shortcode: job.shortcode, title: job.title },
    stage: stageName(world, c.stageSlug),
    disqualified: c.disqualified,
    disqualification_reason: null,
    sourced: c.sourced,
    profile_url: `https://${world.subdomain}.workable.com/backend/jobs/${job.webId}/candidates/${c.webId}`,
    email: c.email,
    domain: null,
    created_at: c.created_at,
    updated_at: c.updated_at,
    hired_at: c.hired_at,
  };
}

function detailJson(world: WorkableWorld, c: WorkableCandidate) {
  return {
    ...rowJson(world, c),
    image_url: null,
    disqualified_at: null,
    address: null,
    phone: c.phone,
    outbound_mailbox: `${c.id}@outbound.workable.example`,
    uploader_id: c.uploader_id,
    cover_letter: c.cover_letter,
    summary: null,
    education_entries: [],
    experience_entries: [],
    skills: [],
    answers: c.answers,
    resume_url: c.resume ? `https://${world.subdomain}.workable.com/spi/v3/candidates/${c.id}/resume/${encodeURIComponent(c.resume.name)}` : null,
    social_profiles: [],
    tags: c.tags,
    // Where the candidate is (the seeded people live where their job is; a created one's is unknown: null, as v3 says empty).
    location: c.uploader_id ? null : (({ telecommuting: _telecommuting, ...l }) => l)(world.jobs.find((j) => j.shortcode === c.jobShortcode)!.location),
    originating_candidate_id: c.originating_candidate_id,
  };
}

/** The create body, as the reference's field table reads (spi-v3-excerpt.json `requestSchema`). */
const Answer = z
  .object({
    question_key: z.string().min(1),
    body: z.string().optional(),
    choices: z.array(z.string()).optional(),
    checked: z.boolean().optional(),
    date: z.string().optional(),
    number: z.number().optional(),
  })
  .passthrough();
const CreateBody = z.object({
  sourced: z.boolean().optional(),
  candidate: z
    .object({
      name: z.string().min(1).optional(),
      firstname: z.string().min(1).optional(),
      lastname: z.string().min(1).optional(),
      email: z.string().email(),
      headline: z.string().optional(),
      summary: z.string().optional(),
      address: z.string().optional(),
      phone: z.string().optional(),
      cover_letter: z.string().optional(),
      tags: z.array(z.string()).optional(),
      resume: z.object({ name: z.string().min(1), data: z.string().min(1) }).optional(),
      resume_url: z.string().optional(),
      answers: z.array(Answer).optional(),
    })
    .passthrough(),
});
const CopyBody = z.object({ member_id: z.string().min(1), target_job_shortcode: z.string().min(1), target_stage: z.string().optional() });
const TagsBody = z.object({ tags: z.array(z.string()) });
const PatchBody = z.object({ candidate: z.object({ firstname: z.string().optional(), lastname: z.string().optional(), email: z.string().email().optional(), phone: z.string().optional(), headline: z.string().optional(), cover_letter: z.string().optional(), tags: z.array(z.string()).optional() }).passthrough() });

/** zod's issues as Workable's `validation_errors` (field → problems). */
function validationErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.filter((p) => p !== 'candidate').join('.') || 'base';
    const words = issue.code === 'invalid_type' && issue.input === undefined ? "can't be blank" : issue.message.toLowerCase();
    (out[field] ??= []).push(words);
  }
  return out;
}

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

export const workable: StandIn<WorkableWorld> = {
  vendor: 'workable',
  // Every account's own host; the E2E's pages on the same hosts are routed after these (Playwright: last route wins).
  hosts: ['*.workable.com'],
  basePath: '/spi/v3',
  // As Workable's admin screen and the connect form name them (npm start prints them; E2E fills the form with them).
  keys: { Subdomain: SUBDOMAIN, 'API access token': TOKEN },
  generateJobs(world, count) {
    const templates = world.jobs;
    world.jobs = [
      ...templates,
      ...Array.from({ length: Math.max(0, count - templates.length) }, (_, i) => ({
        ...templates[i % templates.length],
        id: (0x2b000000 + i).toString(16),
        shortcode: `G${(0x10000 + i).toString(16).toUpperCase()}`,
        title: `Generated role ${i + 1}`,
        code: `HB/G${i + 1}`,
        webId: String(5_000_000 + i),
      })),
    ];
  },
  seed,

  router(worldOf) {
    const r = new Router();
    const w = () => worldOf();
    const job = (shortcode: string) => w().jobs.find((j) => j.shortcode === shortcode);
    const candidate = (id: string) => w().candidates.find((c) => c.id === id);

    r.on('GET', '/spi/v3/jobs', (req) => {
      const filters = timeFilters(req);
      if (isResponse(filters)) return filters;
      const state = req.query.get('state');
      if (state !== null && !['draft', 'published', 'closed', 'archived'].includes(state)) return invalid({ state: ['is not included in the list'] });
      const rows = w().jobs.filter(
        (j) => (state === null || j.state === state) && (filters.created === undefined || Date.parse(j.created_at) > filters.created) && (filters.updated === undefined || Date.parse(j.updated_at) > filters.updated),
      );
      const out = paged(req, w(), 'jobs', rows);
      if (isResponse(out)) return out;
      return json(200, { jobs: out.page.map((j) => jobJson(w(), j)), ...(out.paging ? { paging: out.paging } : {}) });
    });
    r.on('GET', '/spi/v3/jobs/:shortcode', (req) => {
      const found = job(req.params.shortcode);
      return found ? json(200, jobJson(w(), found)) : notFound();
    });
    r.on('GET', '/spi/v3/jobs/:shortcode/questions', (req) => {
      const found = job(req.params.shortcode);
      return found ? json(200, { questions: found.questions }) : notFound();
    });
    r.on('GET', '/spi/v3/jobs/:shortcode/application_form', (req) => {
      const found = job(req.params.shortcode);
      if (!found) return notFound();
      return json(200, {
        form_fields: [{ key: 'resume', label: 'Resume', type: 'file', supported_file_types: ['pdf', 'doc', 'docx', 'odt', 'rtf', 'html', 'htm', 'txt'], max_file_size: 5242880, required: false }],
        questions: found.questions.map(({ id, body, type }) => ({ id, body, type })),
      });
    });
    r.on('GET', '/spi/v3/stages', () => json(200, { stages: w().stages }));
    r.on('GET', '/spi/v3/jobs/:shortcode/stages', (req) => (job(req.params.shortcode) ? json(200, { stages: w().stages }) : notFound()));
    r.on('GET', '/spi/v3/members', (req) => {
      const role = req.query.get('role');
      const rows = w().members.filter((m) => role === null || m.role === role);
      const out = paged(req, w(), 'members', rows);
      if (isResponse(out)) return out;
      return json(200, { members: out.page, ...(out.paging ? { paging: out.paging } : {}) });
    });

    r.on('GET', '/spi/v3/candidates', (req) => {
      const filters = timeFilters(req);
      if (isResponse(filters)) return filters;
      const email = req.query.get('email');
      const shortcode = req.query.get('shortcode');
      const stage = req.query.get('stage');
      const rows = w().candidates.filter(
        (c) =>
          (email === null || c.email.toLowerCase() === email.toLowerCase()) &&
          (shortcode === null || c.jobShortcode === shortcode) &&
          (stage === null || c.stageSlug === stage) &&
          (filters.created === undefined || Date.parse(c.created_at) > filters.created) &&
          (filters.updated === undefined || Date.parse(c.updated_at) > filters.updated),
      );
      const out = paged(req, w(), 'candidates', rows);
      if (isResponse(out)) return out;
      return json(200, { candidates: out.page.map((c) => rowJson(w(), c)), ...(out.paging ? { paging: out.paging } : {}) });
    });
    r.on('GET', '/spi/v3/candidates/:id', (req) => {
      const found = candidate(req.params.id);
      return found ? json(200, { candidate: detailJson(w(), found) }) : notFound();
    });
    r.on('GET', '/spi/v3/candidates/:id/offer', (req) => {
      const found = candidate(req.params.id);
      const offer = found && w().offers.find((o) => o.candidateId === found.id);
      if (!found || !offer) return notFound();
      const job = w().jobs.find((j) => j.shortcode === found.jobShortcode)!;
      const variables = [
        { document_variable: { name: 'Candidate', slug: 'candidate' }, value: { body: `${found.firstname} ${found.lastname}` } },
        { document_variable: { name: 'Job', slug: 'job' }, value: { body: job.title } },
        ...(offer.startDate ? [{ document_variable: { name: 'Start Date', slug: 'start_date' }, value: { body: offer.startDate } }] : []),
        { document_variable: { name: 'Salary', slug: 'salary' }, value: { data: { amount: 5500, frequency: 'month', cached_value: '€5,500.00 per month', currency_iso: 'EUR' } } },
      ];
      return json(200, {
        candidate: { id: found.id, location: job.location.location_str, name: `${found.firstname} ${found.lastname}` },
        created_at: offer.created_at,
        document_variables: variables,
        documents: [{ name: 'signed-offer.pdf', preview_url: `https://${w().subdomain}.workable.com/offers/${found.id}/signed-offer.pdf`, kind: 'offer' }],
      });
    });

    r.on('POST', '/spi/v3/jobs/:shortcode/candidates', (req) => {
      const found = job(req.params.shortcode);
      if (!found) return notFound();
      const parsed = CreateBody.safeParse(req.body);
      if (!parsed.success) return invalid(validationErrors(parsed.error));
      const c = parsed.data.candidate;
      if (!c.name && !(c.firstname && c.lastname)) return invalid({ name: ["can't be blank"] });
      const world = w();
      if (world.candidates.some((x) => x.jobShortcode === found.shortcode && x.email.toLowerCase() === c.email.toLowerCase())) return invalid({ email: ['candidate already exists'] });
      for (const a of c.answers ?? []) if (!found.questions.some((q) => q.id === a.question_key)) return invalid({ answers: [`question ${a.question_key} does not belong to this job`] });
      let resume: WorkableCandidate['resume'] = null;
      if (c.resume) {
        const bytes = Buffer.from(c.resume.data, 'base64');
        if (!bytes.length || bytes.toString('base64').replace(/=+$/, '') !== c.resume.data.replace(/\s/g, '').replace(/=+$/, '')) return invalid({ resume: ['is not valid base64 data'] });
        if (bytes.length > 5242880) return invalid({ resume: ['is too large (maximum is 5 MB)'] });
        resume = { name: c.resume.name, bytes: bytes.length, pdf: isPdf(bytes) };
      }
      const sourced = parsed.data.sourced ?? true;
      const stageSlug = req.query.get('stage') ?? (sourced ? 'sourced' : 'applied');
      if (!world.stages.some((s) => s.slug === stageSlug)) return invalid({ stage: ['is not included in the list'] });
      const [first, ...rest] = (c.name ?? '').split(' ');
      const now = new Date().toISOString();
      const record: WorkableCandidate = {
        id: (world.nextId++).toString(16),
        webId: String(world.nextWebId++),
        jobShortcode: found.shortcode,
        firstname: c.firstname ?? first ?? null,
        lastname: c.lastname ?? (rest.join(' ') || null),
        email: c.email,
        phone: c.phone ?? null,
        headline: c.headline ?? null,
        stageSlug,
        disqualified: false,
        sourced,
        cover_letter: c.cover_letter ?? null,
        tags: c.tags ?? [],
        answers: (c.answers ?? []).map(({ question_key, ...answer }) => ({ question: { body: found.questions.find((q) => q.id === question_key)!.body }, answer })),
        resume,
        created_at: now,
        updated_at: now,
        hired_at: null,
        originating_candidate_id: null,
        uploader_id: world.members[0].id,
      };
      world.candidates.push(record);
      world.writes.push({ method: 'POST', path: `/spi/v3/jobs/${found.shortcode}/candidates`, body: req.body });
      return json(201, { status: 'created', candidate: detailJson(world, record) });
    });

    r.on('POST', '/spi/v3/candidates/:id/copy', (req) => {
      const source = candidate(req.params.id);
      if (!source) return notFound();
      const parsed = CopyBody.safeParse(req.body);
      if (!parsed.success) return invalid(validationErrors(parsed.error));
      const world = w();
      if (!world.members.some((m) => m.id === parsed.data.member_id)) return notFound();
      const target = job(parsed.data.target_job_shortcode);
      if (!target) return notFound();
      const stageSlug = parsed.data.target_stage ?? 'sourced';
      if (!world.stages.some((s) => s.slug === stageSlug)) return invalid({ target_stage: ['is not included in the list'] });
      if (world.candidates.some((x) => x.jobShortcode === target.shortcode && x.email.toLowerCase() === source.email.toLowerCase())) return invalid({ email: ['candidate already exists'] });
      const now = new Date().toISOString();
      const copy: WorkableCandidate = {
        ...source,
        id: (world.nextId++).toString(16),
        webId: String(world.nextWebId++),
        jobShortcode: target.shortcode,
        stageSlug,
        disqualified: false,
        answers: [],
        tags: [...source.tags],
        created_at: now,
        updated_at: now,
        hired_at: null,
        originating_candidate_id: source.id,
        uploader_id: parsed.data.member_id,
      };
      world.candidates.push(copy);
      world.writes.push({ method: 'POST', path: `/spi/v3/candidates/${source.id}/copy`, body: req.body });
      return json(201, { candidate: { id: copy.id, url: `https://${world.subdomain}.workable.com/spi/v3/candidates/${copy.id}` } });
    });

    r.on('PUT', '/spi/v3/candidates/:id/tags', (req) => {
      const found = candidate(req.params.id);
      if (!found) return notFound();
      const parsed = TagsBody.safeParse(req.body);
      if (!parsed.success) return invalid(validationErrors(parsed.error));
      found.tags = [...parsed.data.tags];
      found.updated_at = new Date().toISOString();
      return json(202, { tags: found.tags });
    });

    r.on('PATCH', '/spi/v3/candidates/:id', (req) => {
      const found = candidate(req.params.id);
      if (!found) return notFound();
      const parsed = PatchBody.safeParse(req.body);
      if (!parsed.success) return invalid(validationErrors(parsed.error));
      const c = parsed.data.candidate;
      if (c.email && w().candidates.some((x) => x !== found && x.jobShortcode === found.jobShortcode && x.email.toLowerCase() === c.email!.toLowerCase())) return invalid({ email: ['candidate already exists'] });
      Object.assign(found, {
        ...(c.firstname !== undefined ? { firstname: c.firstname } : {}),
        ...(c.lastname !== undefined ? { lastname: c.lastname } : {}),
        ...(c.email !== undefined ? { email: c.email } : {}),
        ...(c.phone !== undefined ? { phone: c.phone } : {}),
        ...(c.headline !== undefined ? { headline: c.headline } : {}),
        ...(c.cover_letter !== undefined ? { cover_letter: c.cover_letter } : {}),
        ...(c.tags !== undefined ? { tags: c.tags } : {}),
        updated_at: new Date().toISOString(),
      });
      return json(200, { candidate: detailJson(w(), found) });
    });
    return r;
  },

  control(worldOf) {
    const r = new Router();
    /** The token's scopes (a token an Admin generated with fewer). */
    r.on('POST', '/scopes', (req) => {
      const parsed = z.object({ scopes: z.array(z.enum(ALL_SCOPES as [string, ...string[]])) }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      worldOf().scopes = parsed.data.scopes;
      return json(200, { ok: true, scopes: worldOf().scopes });
    });
    /** A change in Workable's web app: a job's state, which moves its `updated_at` (incremental pulls see it). */
    r.on('POST', '/jobs/:shortcode', (req) => {
      const found = worldOf().jobs.find((j) => j.shortcode === req.params.shortcode);
      if (!found) return json(404, { error: 'no such job' });
      const parsed = z.object({ state: z.enum(['draft', 'published', 'closed', 'archived']).optional(), delete: z.boolean().optional() }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      if (parsed.data.delete) worldOf().jobs = worldOf().jobs.filter((j) => j !== found);
      else if (parsed.data.state) Object.assign(found, { state: parsed.data.state, updated_at: new Date().toISOString() });
      return json(200, { ok: true });
    });
    return r;
  },

  authFailure(req: IncomingMessage, path: string, world: WorkableWorld) {
    if (req.headers.authorization !== `Bearer ${world.token}`) return notAuthorized();
    // The token belongs to one account: another subdomain's host does not know it.
    const host = req.headers['x-sandbox-host'];
    if (typeof host === 'string' && host.toLowerCase() !== `${world.subdomain}.workable.com`) return notAuthorized();
    const scope = scopeFor(req.method ?? 'GET', path);
    // Workable documents no separate answer for a missing scope (SOURCE.md): this stand-in refuses with a 403.
    if (scope && !world.scopes.includes(scope)) return json(403, { error: 'Not authorized' });
    return undefined;
  },
  error: (status, message) => json(status, { error: status === 401 ? 'Not authorized' : status === 404 ? 'Not found' : message }),
  rateLimited: (seconds) =>
    json(429, { error: 'Too many requests' }, { 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + seconds) }),
  limitHeaders: (limit, remaining, resetSeconds) => ({ 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + resetSeconds) }),
  state: (world) => ({
    subdomain: world.subdomain,
    scopes: world.scopes,
    jobs: world.jobs.map((j) => ({ id: j.id, shortcode: j.shortcode, title: j.title, state: j.state, updated_at: j.updated_at })),
    candidates: world.candidates.map((c) => ({ ...rowJson(world, c), phone: c.phone, tags: c.tags, cover_letter: c.cover_letter, answers: c.answers, resume: c.resume, originating_candidate_id: c.originating_candidate_id })),
    writes: world.writes,
  }),
};
