import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { json, Router, type SandboxRequest, type SandboxResponse } from '../http';
import type { StandIn } from '../stand-in';

/**
 * Teamtailor's API as its own docs describe it (tests/vendor/teamtailor/SOURCE.md and teamtailor-api-excerpts.json):
 * JSON:API under `/v1` on api.teamtailor.com (EU) and api.na.teamtailor.com (NA), `Authorization: Token token=<key>`,
 * a required `X-Api-Version` (406 "Invalid/Missing API Version" otherwise), lists paged by `page[number]` and
 * `page[size]` (default 10, max 30) with `links.next` and `meta.record-count`/`page-count`, `include` of relations
 * (nested paths too), errors as `{"errors":[{status,title,detail,source.pointer}]}`, and a 401 with an empty body.
 *
 * Inferred where the docs are silent (each marked below): the 403 of a key without Admin scope or write permission,
 * the 429's body, the answer to an unknown attribute (400, the docs' "Bad Request" body) or to an unknown related
 * record (404 "Record not found"). Nothing here refuses a second application of a candidate to the same job: the docs
 * do not say Teamtailor does, so exactly-once rests on Hirebridge's own look-up (lib/sourcing/service.ts).
 */

export const TEAMTAILOR_SANDBOX_KEY = 'tt-sandbox-admin-3f9c2a7e61d04b58';
const FIRST_API_VERSION = 20161108;
const MAX_PAGE_SIZE = 30;
const DEFAULT_PAGE_SIZE = 10;

type Scope = 'public' | 'internal' | 'admin';
type Permission = 'read' | 'write' | 'read-write';

interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
}
interface Job extends Resource { locationIds: string[]; pickedQuestionIds: string[] }
interface PickedQuestion extends Resource { questionId: string }
interface Stage extends Resource { jobId: string }
interface Application extends Resource { candidateId: string; jobId: string; stageId: string }
interface Answer extends Resource { candidateId: string; questionId: string }

export interface TeamtailorWorld {
  key: { scope: Scope; permission: Permission };
  company: Resource;
  locations: Resource[];
  jobs: Job[];
  stages: Stage[];
  questions: Resource[];
  pickedQuestions: PickedQuestion[];
  candidates: Resource[];
  applications: Application[];
  answers: Answer[];
  nextId: number;
}

const at = (day: string) => `${day}T09:00:00.000+01:00`;

function seed(): TeamtailorWorld {
  const location = (id: string, city: string, country: string): Resource => ({ id, type: 'locations', attributes: { address: null, city, country, email: null, headquarters: id === '11', lat: null, long: null, name: '', phone: null, zip: null } });
  const job = (id: string, title: string, status: string, humanStatus: string, locationIds: string[], pickedQuestionIds: string[] = []): Job => ({
    id,
    type: 'jobs',
    locationIds,
    pickedQuestionIds,
    attributes: { title, status, 'human-status': humanStatus, internal: false, pitch: null, body: '<p>…</p>', 'remote-status': 'hybrid', tags: [], 'created-at': at('2026-09-01'), 'start-date': null, 'end-date': null },
  });
  const jobs = [
    job('7301', 'Frontend Engineer', 'open', 'published', ['11'], ['31', '32', '33', '34']),
    job('7302', 'Account Executive', 'open', 'published', ['12']),
    job('7303', 'Customer Success Manager', 'unlisted', 'unlisted', ['13']),
    job('7304', 'Data Analyst', 'archived', 'archived', ['13']),
    job('7305', 'Office Manager', 'draft', 'draft', ['11']),
  ];
  const stages: Stage[] = jobs.flatMap((j, i) =>
    (
      [
        ['Inbox', 'Inbox'],
        ['Interview', 'In process'],
        ['Hired', 'Hired'],
      ] as const
    ).map(([name, stageType], k) => ({ id: String(9000 + i * 10 + k), type: 'stages', jobId: j.id, attributes: { name, 'stage-type': stageType, 'row-order': k, 'created-at': at('2026-09-01'), 'updated-at': at('2026-09-01') } })),
  );
  const stageOf = (jobId: string, stageType: string) => stages.find((s) => s.jobId === jobId && s.attributes['stage-type'] === stageType)!.id;
  const candidate = (id: string, first: string, last: string, email: string, phone: string, tags: string[] = []): Resource => ({
    id,
    type: 'candidates',
    attributes: { 'first-name': first, 'last-name': last, email, phone, tags, sourced: false, connected: false, internal: false, referred: false, resume: null, 'linkedin-url': null, pitch: null, 'created-at': at('2026-10-01'), 'updated-at': at('2026-11-20') },
  });
  const application = (id: string, candidateId: string, jobId: string, stageType: string, changed: string): Application => ({
    id,
    type: 'job-applications',
    candidateId,
    jobId,
    stageId: stageOf(jobId, stageType),
    attributes: { 'created-at': at('2026-10-02'), 'updated-at': at(changed), 'changed-stage-at': at(changed), 'rejected-at': null, 'referring-url': null, 'referring-site': null, sourced: false, 'cover-letter': '' },
  });
  return {
    key: { scope: 'admin', permission: 'read-write' },
    company: { id: 'w2uyscMTojM', type: 'companies', attributes: { name: 'Hirebridge Demo AB', locale: 'en', website: 'https://example.com' } },
    locations: [location('11', 'Stockholm', 'Sweden'), location('12', 'Paris', 'France'), location('13', 'Berlin', 'Germany')],
    jobs,
    stages,
    questions: [
      // The docs show `alternatives: null` only; objects with an id and a title are this stand-in's reading of a Choice
      // (its answers' `choices` are the alternatives' ids, [3, 4] in the docs' "Create Answer" example on question 6039).
      { id: '6039', type: 'questions', attributes: { 'question-type': 'Choice', title: 'Which of these have you worked with?', alternatives: [{ id: 3, title: 'React' }, { id: 4, title: 'TypeScript' }, { id: 5, title: 'GraphQL' }], multiple: true, 'start-with': null, 'end-with': null, unit: null, 'single-line': null } },
      { id: '6040', type: 'questions', attributes: { 'question-type': 'Boolean', title: 'Do you have the right to work in the EU?', alternatives: null, multiple: null, 'start-with': null, 'end-with': null, unit: null, 'single-line': null } },
      { id: '6041', type: 'questions', attributes: { 'question-type': 'Range', title: 'Years of experience with React', alternatives: null, multiple: null, 'start-with': 0, 'end-with': 20, unit: 'years', 'single-line': null } },
      { id: '6042', type: 'questions', attributes: { 'question-type': 'Video', title: 'Introduce yourself in one minute', alternatives: null, multiple: null, 'start-with': null, 'end-with': null, unit: null, 'single-line': null } },
    ],
    pickedQuestions: [
      { id: '31', type: 'picked-questions', questionId: '6040', attributes: { mandatory: true } },
      { id: '32', type: 'picked-questions', questionId: '6041', attributes: { mandatory: false } },
      { id: '33', type: 'picked-questions', questionId: '6039', attributes: { mandatory: false } },
      { id: '34', type: 'picked-questions', questionId: '6042', attributes: { mandatory: false } },
    ],
    candidates: [
      candidate('41877321', 'Lucas', 'Moreau', 'lucas.moreau@example.com', '+33 6 12 34 56 78'),
      candidate('41877322', 'Emma', 'Lindqvist', 'emma.lindqvist@example.com', '+46 70 123 45 67'),
      candidate('41877323', 'Noah', 'Berg', 'noah.berg@example.com', '+49 151 2345678'),
    ],
    applications: [
      application('88001', '41877321', '7301', 'Hired', '2026-11-20'),
      application('88002', '41877322', '7301', 'In process', '2026-11-18'),
      application('88003', '41877323', '7302', 'Inbox', '2026-11-15'),
    ],
    answers: [],
    nextId: 50_000_000,
  };
}

// ----- answers in Teamtailor's shape -------------------------------------------------------------------------------

const VND = { 'content-type': 'application/vnd.api+json', 'x-api-version': String(FIRST_API_VERSION) };
const ok = (status: number, body: unknown, version?: string) => json(status, body, { ...VND, 'x-api-version': version ?? VND['x-api-version'] });
const errors = (status: number, title: string, detail: string, pointer?: string): SandboxResponse =>
  json(status, { errors: [{ status: String(status), title, detail, ...(pointer ? { source: { pointer } } : {}) }] }, { 'content-type': 'application/vnd.api+json' });
/** A 422 per attribute, as in the docs' client tests: title "can't be blank", detail "email - can't be blank". */
const invalid = (attribute: string, problem: string, where = 'attributes') => errors(422, problem, `${attribute} - ${problem}`, `/data/${where}/${attribute}`);
/** Inferred (JSON:API servers' answer; the docs show none): a related record that does not exist. */
const notFound = (type: string, id: string) => errors(404, 'Record not found', `The ${type} record identified by ${id} could not be found.`);
/** Inferred (the docs do not show a 403): the scope or permission the key lacks, in JSON:API's error shape. */
const forbidden = (need: string) => errors(403, 'Forbidden', `This API key does not have ${need}.`);

function origin(req: SandboxRequest): string {
  const host = req.headers['x-sandbox-host'];
  return typeof host === 'string' && host ? `https://${host}` : `http://${req.headers.host ?? '127.0.0.1'}/teamtailor`;
}

/** Relations of each type: `[name, related type, ids]` (to-one relations have at most one id). */
function relations(world: TeamtailorWorld, r: Resource): Record<string, { type: string; ids: string[]; toOne: boolean }> {
  switch (r.type) {
    case 'jobs': {
      const job = r as Job;
      return {
        locations: { type: 'locations', ids: job.locationIds, toOne: false },
        'picked-questions': { type: 'picked-questions', ids: job.pickedQuestionIds, toOne: false },
        questions: { type: 'questions', ids: job.pickedQuestionIds.map((id) => world.pickedQuestions.find((p) => p.id === id)!.questionId), toOne: false },
        stages: { type: 'stages', ids: world.stages.filter((s) => s.jobId === job.id).map((s) => s.id), toOne: false },
      };
    }
    case 'picked-questions':
      return { question: { type: 'questions', ids: [(r as PickedQuestion).questionId], toOne: true } };
    case 'candidates':
      return {
        'job-applications': { type: 'job-applications', ids: world.applications.filter((a) => a.candidateId === r.id).map((a) => a.id), toOne: false },
        answers: { type: 'answers', ids: world.answers.filter((a) => a.candidateId === r.id).map((a) => a.id), toOne: false },
      };
    case 'job-applications': {
      const a = r as Application;
      return { candidate: { type: 'candidates', ids: [a.candidateId], toOne: true }, job: { type: 'jobs', ids: [a.jobId], toOne: true }, stage: { type: 'stages', ids: [a.stageId], toOne: true } };
    }
    case 'stages':
      return { job: { type: 'jobs', ids: [(r as Stage).jobId], toOne: true } };
    case 'answers':
      return { candidate: { type: 'candidates', ids: [(r as Answer).candidateId], toOne: true }, question: { type: 'questions', ids: [(r as Answer).questionId], toOne: true } };
    default:
      return {};
  }
}

function find(world: TeamtailorWorld, type: string, id: string): Resource | undefined {
  const lists: Record<string, Resource[]> = {
    jobs: world.jobs, locations: world.locations, stages: world.stages, questions: world.questions, 'picked-questions': world.pickedQuestions,
    candidates: world.candidates, 'job-applications': world.applications, answers: world.answers, companies: [world.company],
  };
  return lists[type]?.find((r) => r.id === id);
}

/** A resource as JSON:API writes it: relationship links always, linkage `data` only for the relations included. */
function render(world: TeamtailorWorld, base: string, r: Resource, linkage: ReadonlySet<string>) {
  const self = `${base}/v1/${r.type}/${r.id}`;
  const relationships = Object.fromEntries(
    Object.entries(relations(world, r)).map(([name, rel]) => [
      name,
      {
        links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` },
        ...(linkage.has(name) ? { data: rel.toOne ? (rel.ids[0] ? { id: rel.ids[0], type: rel.type } : null) : rel.ids.map((id) => ({ id, type: rel.type })) } : {}),
      },
    ]),
  );
  const links: Record<string, string> = { self };
  if (r.type === 'jobs') links['careersite-job-url'] = `https://career.example.com/jobs/${r.id}-${String(r.attributes.title).toLowerCase().replace(/\W+/g, '-')}`;
  return { id: r.id, type: r.type, links, attributes: r.attributes, relationships };
}

/** The documents's `data` and `included` for `include=a,b.c` (every resource on a path is included, JSON:API). */
function document(world: TeamtailorWorld, req: SandboxRequest, primary: Resource[]) {
  const base = origin(req);
  const paths = (req.query.get('include') ?? '').split(',').map((p) => p.trim()).filter(Boolean).map((p) => p.split('.'));
  const included = new Map<string, { r: Resource; linkage: Set<string> }>();
  const linkageOf = new Map<Resource, Set<string>>(primary.map((r) => [r, new Set<string>()]));
  const bad = paths.find((path) => !walkable(world, primary[0]?.type, path));
  if (bad) return { error: errors(400, 'Invalid field', `${bad.join('.')} is not a valid includable relationship of ${primary[0]?.type}`) };
  for (const path of paths) {
    let level: Resource[] = primary;
    for (const name of path) {
      const next: Resource[] = [];
      for (const r of level) {
        const rel = relations(world, r)[name];
        if (!rel) continue;
        const set = linkageOf.get(r) ?? included.get(`${r.type}:${r.id}`)?.linkage;
        set?.add(name);
        for (const id of rel.ids) {
          const related = find(world, rel.type, id);
          if (!related) continue;
          const key = `${related.type}:${related.id}`;
          if (!included.has(key) && !linkageOf.has(related)) included.set(key, { r: related, linkage: new Set() });
          next.push(related);
        }
      }
      level = next;
    }
  }
  return {
    data: primary.map((r) => render(world, base, r, linkageOf.get(r)!)),
    included: [...included.values()].map(({ r, linkage }) => render(world, base, r, linkage)),
  };
}

function walkable(world: TeamtailorWorld, type: string | undefined, path: string[]): boolean {
  if (!type) return true;
  const samples: Record<string, Resource> = { jobs: world.jobs[0], 'picked-questions': world.pickedQuestions[0], candidates: world.candidates[0], 'job-applications': world.applications[0], stages: world.stages[0], answers: { id: 'x', type: 'answers', attributes: {}, candidateId: '', questionId: '' } as Answer };
  let current = type;
  for (const name of path) {
    const sample = samples[current];
    const rel = sample && relations(world, sample)[name];
    if (!rel) return false;
    current = rel.type;
  }
  return true;
}

/** `page[number]`/`page[size]` with `links` and `meta` as the docs' Pagination section shows. */
function paged(world: TeamtailorWorld, req: SandboxRequest, all: Resource[], path: string) {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(req.query.get('page[size]') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  const number = Math.max(1, Number(req.query.get('page[number]') ?? 1) || 1);
  const pageCount = Math.max(1, Math.ceil(all.length / size));
  const doc = document(world, req, all.slice((number - 1) * size, number * size));
  if ('error' in doc) return doc.error!;
  const link = (n: number) => {
    const q = new URLSearchParams(req.query);
    q.set('page[number]', String(n));
    q.set('page[size]', String(size));
    return `${origin(req)}/v1/${path}?${q.toString()}`;
  };
  return ok(200, {
    ...doc,
    meta: { 'record-count': all.length, 'page-count': pageCount },
    links: { first: link(1), last: link(pageCount), ...(number > 1 ? { prev: link(number - 1) } : {}), ...(number < pageCount ? { next: link(number + 1) } : {}) },
  });
}

function one(world: TeamtailorWorld, req: SandboxRequest, r: Resource, status = 200) {
  const doc = document(world, req, [r]);
  if ('error' in doc) return doc.error!;
  return ok(status, { data: doc.data[0], ...(doc.included.length ? { included: doc.included } : {}) });
}

// ----- request bodies as the docs write them ------------------------------------------------------------------------

const Linkage = z.object({ data: z.object({ id: z.union([z.string(), z.number()]).transform(String), type: z.string().optional() }) });
const Document = z.object({
  data: z.object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    type: z.string(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    relationships: z.record(z.string(), Linkage).optional(),
  }),
});

/** Attributes each write takes (docs: Create candidate, Update candidate, Create Job application, Create Answer). */
const WRITABLE: Record<string, readonly string[]> = {
  'create candidates': ['first-name', 'last-name', 'email', 'phone', 'pitch', 'resume', 'merge', 'tags', 'linkedin-url', 'linkedin-uid', 'facebook-id', 'picture', 'referring-url', 'unsubscribed', 'set-consent-expiration', 'send-welcome-message', 'internal', 'connected', 'sourced'],
  'update candidates': ['first-name', 'last-name', 'email', 'phone', 'pitch', 'resume', 'tags', 'linkedin-url', 'linkedin-uid', 'facebook-id', 'picture', 'referring-url', 'unsubscribed', 'set-consent-expiration', 'internal', 'connected'],
  'create job-applications': ['cover-letter', 'sourced', 'referring-url', 'send-default-reply', 'send-user-notifications', 'rejected-at'],
  'create answers': ['boolean', 'choices', 'range', 'text'],
};

type Parsed = { ok: true; data: z.output<typeof Document>['data'] } | { ok: false; response: SandboxResponse };

function readDocument(req: SandboxRequest, type: string, action: 'create' | 'update'): Parsed {
  if (!/application\/vnd\.api\+json/i.test(String(req.headers['content-type'] ?? ''))) {
    // JSON:API servers refuse other media types (415); the docs' curl examples all send application/vnd.api+json.
    return { ok: false, response: errors(415, 'Unsupported media type', 'All requests that create or update must use the application/vnd.api+json Content-Type.') };
  }
  const parsed = Document.safeParse(req.body);
  if (!parsed.success) return { ok: false, response: errors(400, 'Bad Request', 'Invalid request: the body must be a JSON:API document with data.type and data.attributes.') };
  if (parsed.data.data.type !== type) return { ok: false, response: errors(400, 'Bad Request', `Invalid request: data.type must be ${type}.`) };
  const allowed = WRITABLE[`${action} ${type}`] ?? [];
  const extra = Object.keys(parsed.data.data.attributes ?? {}).find((k) => !allowed.includes(k));
  // Inferred: a read-only or unknown attribute is refused with the docs' 400 body, naming the attribute.
  if (extra) return { ok: false, response: errors(400, 'Bad Request', `Invalid request: ${extra} is not allowed.`, `/data/attributes/${extra}`) };
  return { ok: true, data: parsed.data.data };
}

function needs(world: TeamtailorWorld, write: boolean): SandboxResponse | undefined {
  if (world.key.scope !== 'admin') return forbidden('the Admin scope');
  if (write && world.key.permission === 'read') return forbidden('write permission');
  if (!write && world.key.permission === 'write') return forbidden('read permission');
  return undefined;
}

const isEmail = (v: unknown) => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
const isUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
const now = () => new Date().toISOString();

function router(get: () => TeamtailorWorld): Router {
  const r = new Router();
  const world = get;

  r.on('GET', '/v1/company', (req) => one(world(), req, world().company));

  r.on('GET', '/v1/jobs', (req) => {
    const w = world();
    // Public keys see published jobs only; Internal and Admin keys also "internal, unlisted & archived jobs" (docs).
    const status = req.query.get('filter[status]') ?? 'published';
    const humanStatuses: Record<string, string[]> = { published: ['published'], unlisted: ['unlisted'], archived: ['archived'], draft: ['draft'], scheduled: ['scheduled'], all: ['published', 'unlisted', 'archived', 'draft', 'scheduled', 'expired'] };
    const wanted = humanStatuses[status];
    if (!wanted) return errors(400, 'Invalid filter value', `${status} is not a valid value for status.`);
    if (w.key.scope === 'public' && status !== 'published') return forbidden('access to unpublished jobs (Internal or Admin scope)');
    return paged(w, req, w.jobs.filter((j) => wanted.includes(String(j.attributes['human-status']))), 'jobs');
  });

  r.on('GET', '/v1/jobs/:id/questions', (req) => {
    const w = world();
    const job = w.jobs.find((j) => j.id === req.params.id);
    if (!job) return notFound('jobs', req.params.id);
    const ids = relations(w, job).questions.ids;
    return paged(w, req, w.questions.filter((q) => ids.includes(q.id)), `jobs/${job.id}/questions`);
  });

  r.on('GET', '/v1/candidates', (req) => {
    const w = world();
    const refused = needs(w, false);
    if (refused) return refused;
    const email = req.query.get('filter[email]');
    const from = req.query.get('filter[updated-at][from]');
    const list = w.candidates.filter((c) => (email === null || String(c.attributes.email).toLowerCase() === email.toLowerCase()) && (!from || String(c.attributes['updated-at']) >= from));
    return paged(w, req, list, 'candidates');
  });

  r.on('GET', '/v1/candidates/:id', (req) => {
    const w = world();
    const refused = needs(w, false);
    if (refused) return refused;
    const candidate = w.candidates.find((c) => c.id === req.params.id);
    return candidate ? one(w, req, candidate) : notFound('candidates', req.params.id);
  });

  r.on('POST', '/v1/candidates', (req) => {
    const w = world();
    const refused = needs(w, true);
    if (refused) return refused;
    const doc = readDocument(req, 'candidates', 'create');
    if (!doc.ok) return doc.response;
    const a = { ...(doc.data.attributes ?? {}) };
    if (!a.email && a.sourced !== true) return invalid('email', "can't be blank");
    if (a.email !== undefined && !isEmail(a.email)) return invalid('email', 'is invalid');
    if (a.resume !== undefined && a.resume !== null && !isUrl(a.resume)) return invalid('resume', 'is invalid');
    if (a.tags !== undefined && !(Array.isArray(a.tags) && a.tags.every((t) => typeof t === 'string'))) return invalid('tags', 'is invalid');
    const merge = a.merge === true;
    for (const k of ['merge', 'set-consent-expiration', 'send-welcome-message']) delete a[k];
    const existing = a.email ? w.candidates.find((c) => String(c.attributes.email).toLowerCase() === String(a.email).toLowerCase()) : undefined;
    if (existing && !merge) return invalid('email', 'has already been taken');
    if (existing) {
      // "merge the candidate attributes … with an existing candidate, matched by email address" (docs).
      Object.assign(existing.attributes, a, { 'updated-at': now() });
      return one(w, req, existing, 201);
    }
    const candidate: Resource = {
      id: String(w.nextId++),
      type: 'candidates',
      attributes: { 'first-name': null, 'last-name': null, phone: null, tags: [], resume: null, pitch: null, 'linkedin-url': null, connected: false, internal: false, referred: false, ...a, sourced: a.sourced === true, 'created-at': now(), 'updated-at': now() },
    };
    w.candidates.push(candidate);
    return one(w, req, candidate, 201);
  });

  r.on('PATCH', '/v1/candidates/:id', (req) => {
    const w = world();
    const refused = needs(w, true);
    if (refused) return refused;
    const candidate = w.candidates.find((c) => c.id === req.params.id);
    if (!candidate) return notFound('candidates', req.params.id);
    const doc = readDocument(req, 'candidates', 'update');
    if (!doc.ok) return doc.response;
    if (doc.data.id !== candidate.id) return errors(400, 'Key is not included in URL', `The URL does not support the key ${doc.data.id ?? '(none)'}`);
    const a = doc.data.attributes ?? {};
    if (a.email !== undefined && !isEmail(a.email)) return invalid('email', 'is invalid');
    if (a.tags !== undefined && !(Array.isArray(a.tags) && a.tags.every((t) => typeof t === 'string'))) return invalid('tags', 'is invalid');
    Object.assign(candidate.attributes, a, { 'updated-at': now() });
    return one(w, req, candidate);
  });

  r.on('GET', '/v1/job-applications', (req) => {
    const w = world();
    const refused = needs(w, false);
    if (refused) return refused;
    const stageType = req.query.get('filter[stage-type]');
    if (stageType !== null && !['Inbox', 'In process', 'Hired'].includes(stageType)) return errors(400, 'Invalid filter value', `${stageType} is not a valid value for stage-type.`);
    const list = w.applications.filter((a) => stageType === null || w.stages.find((s) => s.id === a.stageId)?.attributes['stage-type'] === stageType);
    return paged(w, req, list, 'job-applications');
  });

  r.on('POST', '/v1/job-applications', (req) => {
    const w = world();
    const refused = needs(w, true);
    if (refused) return refused;
    const doc = readDocument(req, 'job-applications', 'create');
    if (!doc.ok) return doc.response;
    // "The relations candidate and job are required to be able to create a new job application." (docs)
    const candidateId = doc.data.relationships?.candidate?.data.id;
    const jobId = doc.data.relationships?.job?.data.id;
    if (!candidateId) return invalid('candidate', "can't be blank", 'relationships');
    if (!jobId) return invalid('job', "can't be blank", 'relationships');
    if (!w.candidates.some((c) => c.id === candidateId)) return notFound('candidates', candidateId);
    const job = w.jobs.find((j) => j.id === jobId);
    if (!job) return notFound('jobs', jobId);
    const a = doc.data.attributes ?? {};
    if (a['referring-url'] !== undefined && a['referring-url'] !== null && !isUrl(a['referring-url'])) return invalid('referring-url', 'is invalid');
    const inbox = w.stages.find((s) => s.jobId === jobId && s.attributes['stage-type'] === 'Inbox')!;
    const application: Application = {
      id: String(w.nextId++),
      type: 'job-applications',
      candidateId,
      jobId,
      stageId: inbox.id,
      attributes: {
        'cover-letter': typeof a['cover-letter'] === 'string' ? a['cover-letter'] : null,
        sourced: a.sourced === true,
        'referring-url': a['referring-url'] ?? null,
        'referring-site': a['referring-url'] ? new URL(String(a['referring-url'])).hostname : null,
        'rejected-at': null,
        'created-at': now(),
        'updated-at': now(),
        'changed-stage-at': now(),
      },
    };
    w.applications.push(application);
    return one(w, req, application, 201);
  });

  r.on('POST', '/v1/answers', (req) => {
    const w = world();
    const refused = needs(w, true);
    if (refused) return refused;
    const doc = readDocument(req, 'answers', 'create');
    if (!doc.ok) return doc.response;
    const candidateId = doc.data.relationships?.candidate?.data.id;
    const questionId = doc.data.relationships?.question?.data.id;
    // "The relations question and candidate are required to be able to create a new answer." (docs)
    if (!candidateId) return invalid('candidate', "can't be blank", 'relationships');
    if (!questionId) return invalid('question', "can't be blank", 'relationships');
    const question = w.questions.find((q) => q.id === questionId);
    if (!question) return notFound('questions', questionId);
    if (!w.candidates.some((c) => c.id === candidateId)) return notFound('candidates', candidateId);
    const a = doc.data.attributes ?? {};
    const type = question.attributes['question-type'];
    const fits =
      type === 'Boolean' ? typeof a.boolean === 'boolean'
      : type === 'Range' ? typeof a.range === 'number'
      : type === 'Text' ? typeof a.text === 'string'
      : type === 'Choice' ? Array.isArray(a.choices) && a.choices.length > 0 && a.choices.every((c) => ((question.attributes.alternatives as { id: number }[]) ?? []).some((alt) => alt.id === c)) && (question.attributes.multiple === true || a.choices.length === 1)
      : false; // "It is not possible to create file or video answer via API." (docs)
    if (!fits) return invalid(type === 'Choice' ? 'choices' : type === 'Range' ? 'range' : type === 'Boolean' ? 'boolean' : 'text', 'is invalid');
    // "If the candidate already has answered the question, the answer will be updated." (docs)
    const existing = w.answers.find((x) => x.candidateId === candidateId && x.questionId === questionId);
    const attributes = { boolean: null, choices: null, range: null, text: null, 'video-token': null, ...a, 'updated-at': now() };
    if (existing) {
      existing.attributes = attributes;
      return one(w, req, existing, 201);
    }
    const answer: Answer = { id: String(w.nextId++), type: 'answers', candidateId, questionId, attributes };
    w.answers.push(answer);
    return one(w, req, answer, 201);
  });

  return r;
}

/** `X-Api-Version`: required; a dated version from the first one on (docs: "we release new, dated versions"). */
function versionRefused(req: IncomingMessage): SandboxResponse | undefined {
  const version = String(req.headers['x-api-version'] ?? '');
  if (/^\d{8}$/.test(version) && Number(version) >= FIRST_API_VERSION) return undefined;
  return json(406, { errors: [{ status: 406, title: 'Invalid/Missing API Version', detail: `Please provide a correct API version in the X-Api-Version header. Current version is: ${FIRST_API_VERSION}` }] }, { 'content-type': 'application/vnd.api+json' });
}

const KeyChange = z.object({ scope: z.enum(['public', 'internal', 'admin']).optional(), permission: z.enum(['read', 'write', 'read-write']).optional() });

export const teamtailor: StandIn<TeamtailorWorld> = {
  vendor: 'teamtailor',
  hosts: ['api.teamtailor.com', 'api.na.teamtailor.com'],
  basePath: '/v1',
  keys: { apiKey: TEAMTAILOR_SANDBOX_KEY },
  seed,
  generateJobs(world, count) {
    const templates = world.jobs;
    const generated = Array.from({ length: Math.max(0, count - templates.length) }, (_, i) => {
      const template = templates[i % templates.length];
      return { ...template, id: String(90_000 + i), attributes: { ...template.attributes, title: `Generated role ${i + 1}` } };
    });
    world.jobs = [...templates, ...generated];
  },
  router,
  control(get) {
    // The key's scope and permission, as chosen when it was created in Teamtailor (Settings → API keys).
    return new Router().on('POST', '/key', (req) => {
      const parsed = KeyChange.safeParse(req.body);
      if (!parsed.success) return json(400, { message: 'Send {scope?: public|internal|admin, permission?: read|write|read-write}.' });
      Object.assign(get().key, parsed.data);
      return json(200, { ok: true, key: get().key });
    });
  },
  authFailure(req) {
    // A wrong key gets 401 with an empty body (Teamtailor's client tests); then the version header is checked.
    if (req.headers.authorization !== `Token token=${TEAMTAILOR_SANDBOX_KEY}`) return { status: 401, raw: '', contentType: 'application/vnd.api+json' };
    return versionRefused(req);
  },
  error: (status, message) => errors(status, status === 401 ? 'Unauthorized' : status >= 500 ? 'Internal Server Error' : 'Bad Request', message),
  // Inferred: the docs do not show a 429; it carries their X-Rate-Limit-* headers with nothing remaining.
  rateLimited: (seconds) => ({
    ...errors(429, 'Too Many Requests', 'Rate limit exceeded.'),
    headers: { 'content-type': 'application/vnd.api+json', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(seconds) },
  }),
  limitHeaders: (limit, remaining, reset) => ({ 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': String(reset) }),
  state: (w) => ({
    key: w.key,
    jobs: w.jobs.map((j) => ({ id: j.id, title: j.attributes.title, status: j.attributes.status })),
    candidates: w.candidates.map((c) => ({ id: c.id, firstName: c.attributes['first-name'], lastName: c.attributes['last-name'], email: c.attributes.email, phone: c.attributes.phone, tags: c.attributes.tags, resume: c.attributes.resume })),
    applications: w.applications.map((a) => ({ id: a.id, candidateId: a.candidateId, jobId: a.jobId, sourced: a.attributes.sourced, referringUrl: a.attributes['referring-url'], stage: w.stages.find((s) => s.id === a.stageId)?.attributes.name })),
    answers: w.answers.map((a) => ({ id: a.id, candidateId: a.candidateId, questionId: a.questionId, ...a.attributes })),
  }),
};
