import type { IncomingMessage } from 'node:http';
import { json, Router, type SandboxRequest, type SandboxResponse } from '../http';
import type { StandIn } from '../stand-in';

/**
 * Recruitee's ATS API on its real paths (`https://api.recruitee.com/c/<company>/…`), written from Recruitee's docs and
 * recorded answers of the real API (tests/vendor/recruitee: SOURCE.md, recorded-answers.json, and recruitee-api.json,
 * which tests/sandbox/recruitee.test.ts checks every body against). What Recruitee does not publish — its error
 * wording, its 403 text — is written here in its answers' shape (`{"error": …}`, `{"errors": {field: […]}}`), not quoted.
 */

type Right = 'offers' | 'candidates:read' | 'candidates:write';

interface Offer {
  id: number;
  title: string;
  status: string;
  kind: 'job' | 'talent_pool';
  location: string | null;
  city: string | null;
  country_code: string | null;
  slug: string;
  careers_url: string | null;
  updated_at: string;
}
interface Stage {
  id: number;
  name: string;
  category: string;
}
interface Placement {
  id: number;
  candidate_id: number;
  offer_id: number;
  stage_id: number;
  hired_at: string | null;
  job_starts_at: string | null;
  disqualify_reason: string | null;
  created_at: string;
  updated_at: string;
}
interface Candidate {
  id: number;
  name: string;
  emails: string[];
  phones: string[];
  links: string[];
  social_links: string[];
  sources: string[];
  cover_letter: string | null;
  cv: { fileName: string; contentType: string; bytes: number; isPdf: boolean } | null;
  created_at: string;
  updated_at: string;
}
export interface RecruiteeWorld {
  offers: Offer[];
  stages: Stage[];
  candidates: Candidate[];
  placements: Placement[];
  /** Each uploaded CV's bytes, by candidate id (read back at `GET /__sandbox/recruitee/cv/:candidateId`). */
  cvFiles: Record<string, string>;
  /** Rights the token's user lacks (switched by `POST /__sandbox/recruitee/rights`). */
  denied: Right[];
  nextId: number;
}

const TOKEN = 'rcte_sandbox_9f3b2c7a41d84e6f';
const COMPANY_ID = '89564';
/** "A company subdomain can also be used" (docs.recruitee.com/reference/candidates-post). */
const COMPANY_SUBDOMAIN = 'hirebridge-demo';

const now = () => new Date().toISOString();
const STAGES: Stage[] = [
  { id: 8063170, name: 'Applied', category: 'apply' },
  { id: 8063175, name: 'Interview', category: 'interview' },
  { id: 8063179, name: 'Hired', category: 'hire' },
];
const FIRST_STAGE = STAGES[0].id;

function offer(id: number, title: string, status: string, city: string | null, country: string | null, kind: Offer['kind'] = 'job'): Offer {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id,
    title,
    status,
    kind,
    city,
    country_code: country,
    slug,
    location: city && country ? `${city}, ${country}` : null,
    careers_url: kind === 'job' ? `https://${COMPANY_SUBDOMAIN}.recruitee.com/o/${slug}` : null,
    updated_at: '2026-11-02T09:00:00.000000Z',
  };
}

function seed(): RecruiteeWorld {
  const person = (id: number, name: string, email: string, phone: string, sources: string[]): Candidate => ({
    id,
    name,
    emails: [email],
    phones: [phone],
    links: [],
    social_links: [],
    sources,
    cover_letter: null,
    cv: null,
    created_at: '2026-10-01T08:00:00.000000Z',
    updated_at: '2026-11-20T10:00:00.000000Z',
  });
  const placement = (id: number, candidate: number, offerId: number, stage: number, hired?: { at: string; starts: string | null }): Placement => ({
    id,
    candidate_id: candidate,
    offer_id: offerId,
    stage_id: stage,
    hired_at: hired?.at ?? null,
    job_starts_at: hired?.starts ?? null,
    disqualify_reason: null,
    created_at: '2026-10-01T08:00:00.000000Z',
    updated_at: '2026-11-20T10:00:00.000000Z',
  });
  return {
    offers: [
      offer(1181300, 'Senior Backend Engineer', 'published', 'Berlin', 'DE'),
      offer(1181301, 'Product Designer', 'internal', 'Madrid', 'ES'),
      offer(1181302, 'Data Analyst', 'closed', 'Lisbon', 'PT'),
      offer(1181303, 'Office Manager', 'archived', 'Paris', 'FR'),
      offer(1181304, 'Engineering talent pool', 'published', null, null, 'talent_pool'),
    ],
    stages: STAGES,
    candidates: [
      person(46044144, 'Lucas Moreau', 'lucas.moreau@example.com', '+33 6 12 34 56 78', ['LinkedIn']),
      person(46044126, 'Ana García', 'ana.garcia@example.com', '+34 600 111 222', ['Referral']),
      // Recruitee's search is fuzzy: this near-namesake answers a search for Lucas's address too.
      person(46044140, 'Luca Moreno', 'lucas.moreau@example.org', '+39 320 555 0101', []),
    ],
    placements: [
      placement(48791516, 46044144, 1181300, 8063179, { at: '2026-11-20T10:00:00.000000Z', starts: '2027-01-04T00:00:00.000000Z' }),
      placement(48791494, 46044126, 1181301, 8063175),
      placement(48791511, 46044140, 1181300, 8063170),
    ],
    cvFiles: {},
    denied: [],
    nextId: 47000000,
  };
}

const error = (status: number, message: string) => json(status, { error: message });
/** Validation failures as `{"errors": {field: [problem]}}`. */
const invalid = (errors: Record<string, string[]>) => json(422, { errors });

function rightFor(method: string, path: string): Right | undefined {
  if (/^\/c\/[^/]+\/offers/.test(path)) return 'offers';
  if (/^\/c\/[^/]+\/(candidates|search|placements)/.test(path)) return method === 'GET' ? 'candidates:read' : 'candidates:write';
  return undefined;
}

function candidateJson(world: RecruiteeWorld, c: Candidate) {
  return {
    id: c.id,
    name: c.name,
    emails: c.emails,
    phones: c.phones,
    links: c.links,
    social_links: c.social_links,
    sources: c.sources,
    cover_letter: c.cover_letter,
    cv_url: c.cv ? `https://recruitee-main.s3.eu-central-1.amazonaws.com/candidates/${c.id}/cv/${encodeURIComponent(c.cv.fileName)}` : null,
    adminapp_url: `https://app.recruitee.com/#/dashboard/overview?candidate=${c.id}&company=${COMPANY_ID}`,
    placements: world.placements.filter((p) => p.candidate_id === c.id),
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

/** The offers and stages the candidates' placements point at, as `references` (type Offer / Stage). */
function referencesOf(world: RecruiteeWorld, candidates: Candidate[]) {
  const ps = world.placements.filter((p) => candidates.some((c) => c.id === p.candidate_id));
  const offers = world.offers
    .filter((o) => ps.some((p) => p.offer_id === o.id))
    .map((o) => ({ type: 'Offer', id: o.id, title: o.title, status: o.status, kind: o.kind, location: o.location, slug: o.slug }));
  const stages = world.stages.filter((s) => ps.some((p) => p.stage_id === s.id)).map((s) => ({ type: 'Stage', ...s }));
  return [...offers, ...stages];
}

const isIntArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isInteger(x));
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The one file part of a multipart body, by field name (enough for `candidate[cv]`). */
function filePart(req: SandboxRequest, field: string): { fileName: string; contentType: string; bytes: number; isPdf: boolean; base64: string } | string {
  const type = String(req.headers['content-type'] ?? '');
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!/^multipart\/form-data/i.test(type) || !boundary || !req.rawBody) return 'must be sent as multipart/form-data';
  const marker = `--${boundary[1] ?? boundary[2]}`;
  const raw = req.rawBody.toString('latin1');
  for (const part of raw.split(marker)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const head = part.slice(0, headerEnd);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (name !== field) continue;
    const fileName = /filename="([^"]*)"/.exec(head)?.[1];
    if (!fileName) return `${field} must be a file`;
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
    const body = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    if (!body.length) return `${field} is empty`;
    return {
      fileName,
      contentType,
      bytes: Buffer.byteLength(body, 'latin1'),
      isPdf: body.startsWith('%PDF-'),
      base64: Buffer.from(body, 'latin1').toString('base64'),
    };
  }
  return `${field} is missing`;
}

export const recruitee: StandIn<RecruiteeWorld> = {
  vendor: 'recruitee',
  hosts: ['api.recruitee.com'],
  keys: { token: TOKEN, companyId: COMPANY_ID },
  seed,
  generateJobs(world, count) {
    const templates = world.offers.filter((o) => o.kind === 'job');
    world.offers = [
      ...world.offers,
      ...Array.from({ length: Math.max(0, count - templates.length) }, (_, i) => ({
        ...templates[i % templates.length],
        id: 2_000_000 + i,
        title: `Generated role ${i + 1}`,
        slug: `generated-role-${i + 1}`,
      })),
    ];
  },

  router(world) {
    const w = () => world();
    const company = (req: SandboxRequest) => req.params.company === COMPANY_ID || req.params.company === COMPANY_SUBDOMAIN;
    const noCompany = () => error(404, 'Company not found');
    const findCandidate = (id: string) => w().candidates.find((c) => String(c.id) === id);

    return new Router()
      .on('GET', '/c/:company/offers', (req) => (company(req) ? json(200, { offers: w().offers }) : noCompany()))
      .on('GET', '/c/:company/candidates', (req) => {
        if (!company(req)) return noCompany();
        const limit = Math.min(Number(req.query.get('limit') ?? 10000) || 10000, 10000);
        const offset = Number(req.query.get('offset') ?? 0) || 0;
        const page = [...w().candidates].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id).slice(offset, offset + limit);
        return json(200, { candidates: page.map((c) => candidateJson(w(), c)), generated_at: now(), references: referencesOf(w(), page) });
      })
      .on('GET', '/c/:company/candidates/:id', (req) => {
        if (!company(req)) return noCompany();
        const c = findCandidate(req.params.id);
        return c ? json(200, { candidate: candidateJson(w(), c), references: referencesOf(w(), [c]) }) : error(404, 'Not found');
      })
      .on('GET', '/c/:company/search/new/candidates', (req) => {
        if (!company(req)) return noCompany();
        let filters: unknown = [];
        try {
          filters = JSON.parse(req.query.get('filters_json') ?? '[]');
        } catch {
          return invalid({ filters_json: ['is invalid'] });
        }
        if (!Array.isArray(filters)) return invalid({ filters_json: ['is invalid'] });
        const text = filters.find((f) => f && typeof f === 'object' && (f as { field?: unknown }).field === 'all') as { query?: unknown } | undefined;
        // Fuzzy, like Recruitee's: any word of the query (3+ letters; of an address, its local part) found in a name or
        // an email is a hit.
        const asked = String(text?.query ?? '').toLowerCase();
        const words = (asked.includes('@') ? asked.split('@')[0] : asked).split(/[^a-z0-9]+/).filter((x) => x.length >= 3);
        const hits = w().candidates.filter(
          (c) => !words.length || words.some((x) => c.name.toLowerCase().includes(x) || c.emails.some((e) => e.toLowerCase().includes(x))),
        );
        const limit = Number(req.query.get('limit') ?? 60) || 60;
        const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
        return json(200, {
          hits: hits.slice((page - 1) * limit, page * limit).map((c) => ({ id: c.id, name: c.name, emails: c.emails, phones: c.phones })),
          total: hits.length,
        });
      })
      .on('POST', '/c/:company/candidates', (req) => {
        if (!company(req)) return noCompany();
        const body = req.body as { candidate?: Record<string, unknown>; offers?: unknown; offer_id?: unknown } | undefined;
        const c = body?.candidate;
        if (!c || typeof c !== 'object') return invalid({ candidate: ['is missing'] });
        const errors: Record<string, string[]> = {};
        if (typeof c.name !== 'string' || !c.name.trim()) errors.name = ["can't be blank"];
        for (const field of ['emails', 'phones', 'links', 'social_links', 'sources'] as const)
          if (c[field] !== undefined && !isStringArray(c[field])) errors[field] = ['must be a list of strings'];
        const offerIds = body?.offers !== undefined ? body.offers : body?.offer_id !== undefined ? [body.offer_id] : [];
        if (!isIntArray(offerIds)) errors.offers = ['must be a list of offer ids'];
        else if (offerIds.some((id) => !w().offers.some((o) => o.id === id))) errors.offers = ['not found'];
        if (Object.keys(errors).length) return invalid(errors);
        const world = w();
        const stamp = now();
        const candidate: Candidate = {
          id: world.nextId++,
          name: String(c.name).trim(),
          emails: (c.emails as string[]) ?? [],
          phones: (c.phones as string[]) ?? [],
          links: (c.links as string[]) ?? [],
          social_links: (c.social_links as string[]) ?? [],
          sources: (c.sources as string[]) ?? [],
          cover_letter: typeof c.cover_letter === 'string' ? c.cover_letter : null,
          cv: null,
          created_at: stamp,
          updated_at: stamp,
        };
        world.candidates.push(candidate);
        // "assigned with default stage" (docs.recruitee.com/reference/candidates-post).
        for (const offerId of offerIds as number[])
          world.placements.push({
            id: world.nextId++,
            candidate_id: candidate.id,
            offer_id: offerId,
            stage_id: FIRST_STAGE,
            hired_at: null,
            job_starts_at: null,
            disqualify_reason: null,
            created_at: stamp,
            updated_at: stamp,
          });
        return json(201, { candidate: candidateJson(world, candidate), references: referencesOf(world, [candidate]) });
      })
      .on('PATCH', '/c/:company/candidates/:id', (req) => {
        if (!company(req)) return noCompany();
        const c = findCandidate(req.params.id);
        if (!c) return error(404, 'Not found');
        const update = (req.body as { candidate?: Record<string, unknown> } | undefined)?.candidate;
        if (!update || typeof update !== 'object') return invalid({ candidate: ['is missing'] });
        const errors: Record<string, string[]> = {};
        for (const field of ['links', 'sources', 'phones'] as const) {
          if (update[field] === undefined) continue;
          if (!isStringArray(update[field])) errors[field] = ['must be a list of strings'];
          else c[field] = update[field] as string[];
        }
        if (Object.keys(errors).length) return invalid(errors);
        c.updated_at = now();
        return json(200, { candidate: candidateJson(w(), c) });
      })
      .on('PATCH', '/c/:company/candidates/:id/update_cv', (req) => {
        if (!company(req)) return noCompany();
        const c = findCandidate(req.params.id);
        if (!c) return error(404, 'Not found');
        const file = filePart(req, 'candidate[cv]');
        if (typeof file === 'string') return invalid({ cv: [file] });
        const { base64, ...kept } = file;
        c.cv = kept;
        w().cvFiles[String(c.id)] = base64;
        c.updated_at = now();
        return json(200, { candidate: candidateJson(w(), c) });
      })
      .on('POST', '/c/:company/placements', (req) => {
        if (!company(req)) return noCompany();
        const body = req.body as { candidate_id?: unknown; offer_id?: unknown } | undefined;
        const errors: Record<string, string[]> = {};
        if (!Number.isInteger(body?.candidate_id) || !findCandidate(String(body?.candidate_id))) errors.candidate_id = ['not found'];
        if (!Number.isInteger(body?.offer_id) || !w().offers.some((o) => o.id === body?.offer_id)) errors.offer_id = ['not found'];
        else if (w().placements.some((p) => p.candidate_id === body?.candidate_id && p.offer_id === body?.offer_id))
          errors.offer_id = ['has already been taken'];
        if (Object.keys(errors).length) return invalid(errors);
        const stamp = now();
        const placement: Placement = {
          id: w().nextId++,
          candidate_id: body!.candidate_id as number,
          offer_id: body!.offer_id as number,
          stage_id: FIRST_STAGE,
          hired_at: null,
          job_starts_at: null,
          disqualify_reason: null,
          created_at: stamp,
          updated_at: stamp,
        };
        w().placements.push(placement);
        return json(201, { placement });
      });
  },

  control(world, setWorld) {
    return new Router()
      .on('GET', '/cv/:candidateId', (req) => {
        const base64 = world().cvFiles[req.params.candidateId];
        return base64
          ? { status: 200, raw: Buffer.from(base64, 'base64'), contentType: 'application/pdf' }
          : json(404, { message: 'No CV for this candidate' });
      })
      .on('POST', '/rights', (req) => {
        const denied = (req.body as { denied?: unknown } | undefined)?.denied;
        const all: Right[] = ['offers', 'candidates:read', 'candidates:write'];
        if (!Array.isArray(denied) || denied.some((d) => !all.includes(d as Right))) return json(400, { message: `denied: a list of ${all.join(', ')}` });
        setWorld({ ...world(), denied: denied as Right[] });
        return json(200, { denied });
      });
  },

  authFailure(req: IncomingMessage, path: string, world: RecruiteeWorld): SandboxResponse | undefined {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return error(401, 'Unauthorized');
    const right = rightFor(req.method ?? 'GET', path);
    if (right && world.denied.includes(right)) return error(403, 'Forbidden: your role does not allow this action');
    return undefined;
  },
  error,
  rateLimited: (seconds) => json(429, { error: 'Too many requests' }, { 'retry-after': String(seconds) }),
  state: (world) => ({
    offers: world.offers.map((o) => ({ id: o.id, title: o.title, status: o.status, kind: o.kind })),
    candidates: world.candidates.map((c) => ({
      id: c.id,
      name: c.name,
      emails: c.emails,
      sources: c.sources,
      links: c.links,
      cv: c.cv,
      placements: world.placements
        .filter((p) => p.candidate_id === c.id)
        .map((p) => ({
          id: p.id,
          offer_id: p.offer_id,
          stage: world.stages.find((s) => s.id === p.stage_id)?.name,
          hired_at: p.hired_at,
          job_starts_at: p.job_starts_at,
        })),
    })),
    denied: world.denied,
  }),
};
