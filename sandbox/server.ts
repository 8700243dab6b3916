import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { demoAtsRouter } from './demo/ats';
import { demoSourcingRouter } from './demo/sourcing';
import { factorialErrorBody, factorialRouter, JOB_POSTING_STATUSES, validFactorialVersion, wrongEnvironmentAnswer } from './factorial/api';
import { FACTORIAL_ERROR_SHAPES, Faults, type Fault, type FaultKind, type VendorName } from './faults';
import { json, readBody, Router, send, type SandboxRequest, type SandboxResponse } from './http';
import { komboError, komboRouter } from './kombo/api';
import { addKomboCandidate, addKomboOffer, komboJob, seedWorld, type World } from './seed';
import { STAND_INS, STAND_IN_VENDORS } from './stand-ins';

/**
 * The HTTP status Kombo gives an error code, where its docs say one: integration-setup errors are 409 since
 * 2026-05-19 (https://docs.kombo.dev/ats/important-changes). Kombo's clients decide by the code, not the status.
 */
const KOMBO_ERROR_STATUS: Record<string, number> = {
  'INTEGRATION.SETUP_INCOMPLETE': 409,
  'INTEGRATION.SETUP_SYNC_PENDING': 409,
  'INTEGRATION.QA_FAILED': 409,
  'ATS.APPLICATION_ALREADY_EXISTS': 409,
  'PLATFORM.INPUT_INVALID': 400,
  'PLATFORM.RATE_LIMIT_EXCEEDED': 429,
  'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED': 429,
};

/**
 * The sandbox: stand-ins for Factorial (HR + ATS) and Kombo, a demo ATS web app, and a control API for tests.
 * It imports nothing from the extension's code, so a connector's mistake cannot be mirrored here.
 *
 *   /factorial/api/{version}/resources/...   Factorial (custom base URL: <sandbox>/factorial)
 *   /kombo/v1/...                            Kombo (custom base URL: <sandbox>/kombo/v1)
 *   /demo-ats/...                            the demo ATS web app
 *   /demo-sourcing/...                       the demo sourcing app (AI recruiter's screened people, resume PDFs)
 *   /__sandbox/...                           control: reset, faults, rate limits, request log, in-flight, state
 */

export const SANDBOX_KEYS = {
  factorial: 'sbx-factorial-3f9a2c7d41',
  kombo: 'sbx-kombo-8e51b0c2d7',
  komboIntegrationId: 'greenhouse:sbx-7Hq2',
} as const;

export interface SandboxOptions {
  port?: number;
  host?: string;
}
export interface Sandbox {
  url: string;
  close(): Promise<void>;
}

interface LoggedRequest {
  t: number;
  vendor: VendorName | 'demo' | 'control';
  method: string;
  path: string;
  query: string;
  status: number;
  /** Server time spent on the request (arrival to response written), so benchmarks can subtract it. */
  ms?: number;
}

/** The vendors faults and rate limits can be set on: Factorial, Kombo and every direct ATS stand-in. */
const FaultVendor = z.string().refine((v) => ['factorial', 'kombo', ...STAND_IN_VENDORS].includes(v), 'unknown vendor');

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  let world: World = seedWorld();
  /** Each direct ATS stand-in's own world, by vendor. */
  const standInWorlds = new Map<string, unknown>(STAND_INS.map((s) => [s.vendor, s.seed()]));
  const standInRouters = new Map(STAND_INS.map((s) => [s.vendor, s.router(() => standInWorlds.get(s.vendor))]));
  const standInControls = new Map(STAND_INS.flatMap((s) => (s.control ? [[s.vendor, s.control(() => standInWorlds.get(s.vendor), (next) => standInWorlds.set(s.vendor, next))] as const] : [])));
  const standInOf = (vendor: string) => STAND_INS.find((s) => s.vendor === vendor);
  const faults = new Faults();
  let log: LoggedRequest[] = [];
  const held = new Set<ServerResponse>();
  /** Vendor requests that arrived and have not been answered yet (e.g. inside a latency fault). */
  const inFlight = new Set<{ vendor: string; method: string; path: string }>();
  /** Kombo actions (POSTs) in flight, and the integration's limit on them (null: none set). */
  let komboActions = 0;
  let komboConcurrency: number | null = null;

  const factorial = factorialRouter(() => world.factorial);
  const kombo = komboRouter(() => world.kombo);
  const demoAts = demoAtsRouter(() => world.kombo);
  const demoSourcing = demoSourcingRouter();
  const control = controlRouter();

  function controlRouter(): Router {
    const r = new Router();
    r.on('POST', '/__sandbox/reset', () => {
      world = seedWorld();
      for (const standIn of STAND_INS) standInWorlds.set(standIn.vendor, standIn.seed());
      faults.clear();
      komboConcurrency = null;
      log = [];
      return json(200, { ok: true });
    });
    r.on('POST', '/__sandbox/faults', (req) => {
      const parsed = z
        .object({
          vendor: z.union([FaultVendor, z.literal('any')]),
          kind: z.enum(['latency', 'rate-limit', 'server-error', 'timeout', 'unauthorized', 'malformed', 'wrong-environment', 'error-shape', 'kombo-error', 'slow-commit', 'create-warnings']),
          times: z.number().int().min(0).default(1),
          ms: z.number().int().min(0).optional(),
          retryAfterSeconds: z.number().min(0).optional(),
          headersOnly: z.boolean().optional(),
          method: z.string().optional(),
          pathIncludes: z.string().optional(),
          shape: z.enum(FACTORIAL_ERROR_SHAPES).optional(),
          status: z.number().int().min(400).max(599).optional(),
          message: z.string().min(1).max(500).optional(),
          code: z.string().regex(/^[A-Z_]+\.[A-Z_]+$/).optional(),
          carryOut: z.boolean().optional(),
          warnings: z.array(z.string().min(1)).optional(),
          dropAttachments: z.boolean().optional(),
        })
        .refine((f) => f.kind !== 'kombo-error' || !!f.code, 'a kombo-error fault needs its code')
        .safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      faults.add(parsed.data);
      return json(200, { ok: true });
    });
    r.on('DELETE', '/__sandbox/faults', () => (faults.clear(), json(200, { ok: true })));
    r.on('POST', '/__sandbox/rate-limit', (req) => {
      const parsed = z
        .object({
          vendor: FaultVendor,
          perMinute: z.number().int().positive().nullable(),
          windowMs: z.number().int().min(100).max(3_600_000).optional(),
          methods: z.array(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])).min(1).optional(),
          headers: z.boolean().optional(),
        })
        .safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      faults.setRateLimit(parsed.data.vendor, parsed.data.perMinute, { windowMs: parsed.data.windowMs, methods: parsed.data.methods, headers: parsed.data.headers });
      return json(200, { ok: true });
    });
    r.on('GET', '/__sandbox/requests', () => json(200, log));
    r.on('GET', '/__sandbox/in-flight', () => json(200, [...inFlight]));
    r.on('DELETE', '/__sandbox/requests', () => ((log = []), json(200, { ok: true })));
    r.on('GET', '/__sandbox/state', () =>
      json(200, {
        factorial: {
          employees: world.factorial.employees,
          contractVersions: world.factorial.contractVersions,
          customFieldValues: world.factorial.customFieldValues,
          candidates: world.factorial.candidates,
          applications: world.factorial.applications,
          jobPostings: world.factorial.jobPostings,
        },
        kombo: {
          jobs: world.kombo.jobs.map((j) => ({ id: j.id, remote_id: j.remote_id, name: j.name, status: j.status, changed_at: j.changed_at, remote_deleted_at: j.remote_deleted_at })),
          candidates: world.kombo.candidates,
          applications: world.kombo.applications,
          offers: world.kombo.offers,
          syncOnlyCreated: world.kombo.syncOnlyCreated,
          tracked: [...world.kombo.tracked],
          pendingImports: [...world.kombo.pendingImports],
          attachments: world.kombo.attachments.map(({ data, ...meta }) => ({ ...meta, size: data.length })),
          resultLinks: world.kombo.resultLinks,
          tags: world.kombo.tags,
        },
        ...Object.fromEntries(STAND_INS.map((standIn) => [standIn.vendor, standIn.state(standInWorlds.get(standIn.vendor))])),
      }),
    );
    r.on('GET', '/__sandbox/attachments/:id', (req) => {
      const found = world.kombo.attachments.find((a) => a.id === req.params.id);
      return found ? { status: 200, raw: found.data, contentType: found.content_type } : json(404, { error: 'not found' });
    });
    r.on('POST', '/__sandbox/jobs', (req) => {
      const vendors = ['kombo', 'factorial', ...STAND_INS.filter((s) => s.generateJobs).map((s) => s.vendor)] as [string, ...string[]];
      const parsed = z.object({ vendor: z.enum(vendors), count: z.number().int().min(0).max(100_000) }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      const { vendor, count } = parsed.data;
      const standIn = standInOf(vendor);
      if (standIn?.generateJobs) {
        standIn.generateJobs(standInWorlds.get(vendor), count);
        return json(200, { ok: true, count });
      }
      const countries = ['ES', 'DE', 'PT', 'GB', 'US', 'FR'];
      if (vendor === 'kombo') {
        world.kombo.jobs = Array.from({ length: count }, (_, i) => komboJob(1000 + i, `Generated role ${i + 1}`, countries[i % 6], 'City'));
      } else {
        const template = world.factorial.jobPostings[0];
        world.factorial.jobPostings = Array.from({ length: count }, (_, i) => ({ ...template, id: 10_000 + i, title: `Generated role ${i + 1}`, status: 'published' })) as never;
      }
      return json(200, { ok: true, count });
    });
    // A job posting's status set in Factorial (e.g. `deleted`, which API 2026-07-01 lists with that status).
    r.on('POST', '/__sandbox/factorial/job-postings/:id/status', (req) => {
      const parsed = z.object({ status: z.enum(JOB_POSTING_STATUSES) }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      const posting = world.factorial.jobPostings.find((p) => String(p.id) === req.params.id);
      if (!posting) return json(404, { error: 'no such job posting' });
      Object.assign(posting, { status: parsed.data.status });
      return json(200, { ok: true });
    });
    // A large company: this many more teams and locations (Factorial pages lists by 100).
    r.on('POST', '/__sandbox/factorial/org', (req) => {
      const parsed = z.object({ teams: z.number().int().min(0).max(5000).default(0), locations: z.number().int().min(0).max(5000).default(0) }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      const w = world.factorial;
      const countries = ['es', 'de', 'pt', 'gb', 'fr'];
      const pad = (n: number) => String(n).padStart(4, '0');
      for (let i = 1; i <= parsed.data.teams; i++) w.teams.push({ id: w.nextId++, company_id: 1, name: `Team ${pad(i)}`, employee_ids: [], lead_ids: [] });
      for (let i = 1; i <= parsed.data.locations; i++) {
        w.locations.push({ id: w.nextId++, company_id: 1, name: `Office ${pad(i)}`, country: countries[i % countries.length], city: `City ${pad(i)}`, main: false, timezone: 'Europe/Madrid' });
      }
      return json(200, { ok: true, teams: w.teams.length, locations: w.locations.length });
    });
    // A company whose Factorial asks for its own fields: add a custom field (with options for choice fields).
    r.on('POST', '/__sandbox/factorial/custom-fields', (req) => {
      const parsed = z
        .object({ label: z.string().min(1), field_type: z.string().min(1), required: z.boolean().default(false), legal_entity_id: z.number().int().optional(), options: z.array(z.string()).default([]) })
        .safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      const w = world.factorial;
      const entity = w.legalEntities.find((l) => l.id === parsed.data.legal_entity_id);
      const field = {
        id: w.nextId++,
        company_id: w.company.id,
        field_type: parsed.data.field_type,
        label_text: parsed.data.label,
        required: parsed.data.required,
        position: w.customFields.length + 1,
        slug: parsed.data.label.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
        ...(entity ? { legal_entity_id: entity.id, legal_entity_name: entity.legal_name } : {}),
      };
      w.customFields.push(field);
      for (const option of parsed.data.options) w.customFieldOptions.push({ id: w.nextId++, field_id: field.id, label: option, value: option, is_active: true });
      return json(200, { id: String(field.id) });
    });
    r.on('DELETE', '/__sandbox/factorial/custom-fields/:id', (req) => {
      const w = world.factorial;
      w.customFields = w.customFields.filter((f) => f.id !== Number(req.params.id));
      return json(200, { ok: true });
    });
    r.on('POST', '/__sandbox/jobs/mutate', (req) => {
      const parsed = z
        .object({
          vendor: z.enum(['kombo', 'factorial']),
          close: z.array(z.string()).optional(),
          delete: z.array(z.string()).optional(),
          rename: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
          add: z.number().int().min(0).max(1000).optional(),
        })
        .safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      const m = parsed.data;
      const now = new Date().toISOString();
      if (m.vendor === 'kombo') {
        const touch = (id: string, change: Record<string, unknown>) => {
          const job = world.kombo.jobs.find((j) => j.id === id);
          if (job) Object.assign(job, change, { changed_at: now, remote_updated_at: now });
        };
        m.close?.forEach((id) => touch(id, { status: 'CLOSED', closed_at: now }));
        m.delete?.forEach((id) => touch(id, { remote_deleted_at: now }));
        m.rename?.forEach(({ id, name }) => touch(id, { name }));
        for (let i = 0; i < (m.add ?? 0); i++) {
          const n = 500 + world.kombo.jobs.length + i;
          world.kombo.jobs.push(komboJob(n, `New role ${n}`, 'ES', 'Madrid', 'OPEN', { changed_at: now }));
        }
      } else {
        const postings = world.factorial.jobPostings;
        m.close?.forEach((id) => postings.find((p) => String(p.id) === id) && Object.assign(postings.find((p) => String(p.id) === id)!, { status: 'archived' }));
        m.delete?.forEach((id) => world.factorial.jobPostings.splice(postings.findIndex((p) => String(p.id) === id), 1));
        m.rename?.forEach(({ id, name }) => postings.find((p) => String(p.id) === id) && Object.assign(postings.find((p) => String(p.id) === id)!, { title: name }));
        for (let i = 0; i < (m.add ?? 0); i++) postings.push({ ...postings[0], id: world.factorial.nextId++, title: `New posting ${i + 1}`, status: 'published' } as never);
      }
      return json(200, { ok: true });
    });
    /** A candidate created in the ATS itself (not through Kombo), optionally with an offer on their application. */
    r.on('POST', '/__sandbox/candidates', (req) => {
      const parsed = z
        .object({
          first_name: z.string(),
          last_name: z.string(),
          email: z.string().nullable(),
          phone: z.string().optional(),
          job_id: z.string().optional(),
          hired: z.boolean().optional(),
          offer: z
            .object({
              status: z.enum(['ACCEPTED', 'DECLINED', 'SENT', 'APPROVED', 'DRAFT', 'ABANDONED']).default('ACCEPTED'),
              employment_start_date: z.string().datetime().nullable(),
            })
            .optional(),
        })
        .safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      const p = parsed.data;
      const job = world.kombo.jobs.find((j) => j.id === p.job_id) ?? world.kombo.jobs[0];
      const candidate = addKomboCandidate(world.kombo, { first: p.first_name, last: p.last_name, email: p.email, phone: p.phone, job, stage: p.hired ? 4 : 1 });
      const application = world.kombo.applications[world.kombo.applications.length - 1];
      if (p.offer) addKomboOffer(world.kombo, application, { status: p.offer.status, startDate: p.offer.employment_start_date });
      return json(200, { id: candidate.id, remote_id: candidate.remote_id, application_remote_id: application.remote_id });
    });
    /** The ATS's own custom fields (Kombo `custom_fields`) on a candidate, their application or its accepted offer. */
    r.on('POST', '/__sandbox/kombo/custom-fields', (req) => {
      const parsed = z.object({ email: z.string(), on: z.enum(['candidate', 'application', 'offer']), values: z.record(z.string(), z.unknown()) }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      const w = world.kombo;
      const { email, on, values } = parsed.data;
      const candidate = w.candidates.find((c) => (c.email_addresses as { email_address: string }[]).some((e) => e.email_address === email));
      const application = candidate && w.applications.find((a) => a.candidate_id === candidate.id);
      const offer = application && w.offers.find((o) => o.application_id === application.id && o.status === 'ACCEPTED');
      const target = on === 'candidate' ? candidate : on === 'application' ? application : offer;
      if (!target) return json(404, { error: `no ${on} for ${email}` });
      Object.assign(target, { custom_fields: values, changed_at: new Date().toISOString() });
      return json(200, { ok: true });
    });
    /** Kombo's "Only Sync Created Applications" switch, and whether an import waits for Kombo's next sync. */
    r.on('POST', '/__sandbox/kombo/tracking', (req) => {
      const parsed = z.object({ syncOnlyCreated: z.boolean(), importsWaitForSync: z.boolean().optional() }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      world.kombo.syncOnlyCreated = parsed.data.syncOnlyCreated;
      world.kombo.importsWaitForSync = parsed.data.importsWaitForSync ?? false;
      return json(200, { ok: true });
    });
    /** The ATS's attachment rules as Kombo publishes them (GET /ats/actions/ats_create_application); null: unknown. */
    r.on('POST', '/__sandbox/kombo/attachment-restrictions', (req) => {
      const parsed = z.object({ attachment_restrictions: z.record(z.string(), z.unknown()).nullable() }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      world.kombo.attachmentRestrictions = parsed.data.attachment_restrictions;
      return json(200, { ok: true });
    });
    /**
     * Kombo's concurrency limit on actions (writes) per integration, which varies per integration: beyond it a 429
     * PLATFORM.CONCURRENCY_LIMIT_EXCEEDED; every action's answer says `Concurrency-Limit` and `Concurrency-Remaining`.
     */
    r.on('POST', '/__sandbox/kombo/concurrency', (req) => {
      const parsed = z.object({ limit: z.number().int().positive().nullable() }).safeParse(req.body);
      if (!parsed.success) return json(400, { error: parsed.error.issues[0]?.message });
      komboConcurrency = parsed.data.limit;
      return json(200, { ok: true });
    });
    /**
     * Kombo's deletion policy: 14 days after marking a job deleted it is gone from every listing. The sandbox cannot
     * wait 14 days: this purges every job marked deleted now.
     */
    r.on('POST', '/__sandbox/kombo/purge', () => {
      const before = world.kombo.jobs.length;
      world.kombo.jobs = world.kombo.jobs.filter((j) => !j.remote_deleted_at);
      return json(200, { ok: true, purged: before - world.kombo.jobs.length });
    });
    /** Kombo's next sync: imported applications waiting for it become visible. */
    r.on('POST', '/__sandbox/kombo/sync', () => {
      for (const id of world.kombo.pendingImports) world.kombo.tracked.add(id);
      const synced = world.kombo.pendingImports.size;
      world.kombo.pendingImports.clear();
      return json(200, { ok: true, synced });
    });
    return r;
  }

  function authFailure(vendor: VendorName, req: IncomingMessage, path: string): SandboxResponse | undefined {
    const standIn = standInOf(vendor);
    if (standIn) return standIn.authFailure(req, path, standInWorlds.get(vendor));
    if (vendor === 'factorial') {
      return req.headers['x-api-key'] === SANDBOX_KEYS.factorial ? undefined : json(401, { message: 'Invalid or expired API key' });
    }
    if (req.headers.authorization !== `Bearer ${SANDBOX_KEYS.kombo}`) {
      return komboError(401, 'PLATFORM.AUTHENTICATION_INVALID', 'The provided API key is invalid.');
    }
    if (!path.endsWith('/check-api-key') && req.headers['x-integration-id'] !== SANDBOX_KEYS.komboIntegrationId) {
      return komboError(404, 'PLATFORM.INTEGRATION_NOT_FOUND', 'No integration with this ID exists in your environment.');
    }
    return undefined;
  }

  function faultResponse(vendor: VendorName, kind: FaultKind, retryAfterSeconds = 1, fault?: Partial<Fault> & { method?: string; path?: string }): SandboxResponse | 'hold' | undefined {
    const standIn = standInOf(vendor);
    if (standIn) {
      switch (kind) {
        case 'rate-limit':
          return standIn.rateLimited(retryAfterSeconds);
        case 'server-error':
          return standIn.error(fault?.status ?? 500, fault?.message ?? 'Internal server error');
        case 'unauthorized':
          return standIn.error(401, fault?.message ?? 'Unauthorized');
        case 'malformed':
          return { status: 200, raw: '{"data": "oops', contentType: 'application/json' };
        case 'timeout':
          return 'hold';
        default:
          return undefined;
      }
    }
    switch (kind) {
      case 'wrong-environment':
        return vendor === 'factorial' && fault?.method && fault.path ? wrongEnvironmentAnswer(fault.method, fault.path) : undefined;
      case 'error-shape':
        return vendor === 'factorial' ? json(fault?.status ?? 422, factorialErrorBody(fault?.shape ?? 'detail', fault?.message ?? 'The request could not be processed')) : undefined;
      case 'rate-limit':
        return vendor === 'kombo'
          ? {
              ...komboError(429, 'PLATFORM.RATE_LIMIT_EXCEEDED', 'Rate limit exceeded.'),
              // Kombo promises no Retry-After: only its ratelimit-* headers say when.
              headers: fault?.headersOnly
                ? { 'ratelimit-limit': '100', 'ratelimit-remaining': '0', 'ratelimit-reset': String(retryAfterSeconds) }
                : { 'retry-after': String(retryAfterSeconds) },
            }
          : json(429, { message: 'Too many requests' }, { 'retry-after': String(retryAfterSeconds) });
      case 'server-error':
        return vendor === 'kombo' ? komboError(500, 'PLATFORM.UNKNOWN_ERROR', 'Something went wrong.') : json(500, { message: 'Internal server error' });
      case 'unauthorized':
        return vendor === 'kombo' ? komboError(401, 'PLATFORM.AUTHENTICATION_INVALID', 'The provided API key is invalid.') : json(401, { message: 'Invalid or expired API key' });
      case 'malformed':
        return { status: 200, raw: '{"data": "oops', contentType: 'application/json' };
      case 'timeout':
        return 'hold';
      case 'kombo-error':
        return komboError(fault?.status ?? KOMBO_ERROR_STATUS[fault?.code ?? ''] ?? 500, fault?.code ?? 'PLATFORM.UNKNOWN_ERROR', `Sandbox fault: ${fault?.code}.`);
      default:
        return undefined;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const standIn = STAND_INS.find((s) => path.startsWith(`/${s.vendor}/`));
    const vendor: LoggedRequest['vendor'] = path.startsWith('/factorial/')
      ? 'factorial'
      : path.startsWith('/kombo/')
        ? 'kombo'
        : standIn
          ? standIn.vendor
          : path.startsWith('/__sandbox')
            ? 'control'
            : 'demo';
    /** A stand-in's routes and its control routes are matched without their `/<vendor>` and `/__sandbox/<vendor>` prefixes. */
    const controlOf = STAND_INS.find((s) => path.startsWith(`/__sandbox/${s.vendor}/`));
    /** Headers every answer to this request carries (Kombo's limits), whatever it is. */
    const limitHeaders: Record<string, string> = {};
    const respond = (response: SandboxResponse) => {
      send(res, { ...response, headers: { ...limitHeaders, ...(response.headers ?? {}) } });
      // Logged after sending, so `ms` includes serialising the body.
      if (vendor !== 'control') log.push({ t: Date.now(), vendor, method, path, query: url.search.slice(1), status: response.status, ms: Math.round((performance.now() - started) * 100) / 100 });
    };

    const demo = path.startsWith('/demo-sourcing') ? demoSourcing : demoAts;
    const matched = standIn
      ? standInRouters.get(standIn.vendor)!.match(method, path.slice(standIn.vendor.length + 1))
      : controlOf && standInControls.has(controlOf.vendor)
        ? standInControls.get(controlOf.vendor)!.match(method, path.slice(`/__sandbox/${controlOf.vendor}`.length))
        : { factorial, kombo, demo, control }[vendor as 'factorial' | 'kombo' | 'demo' | 'control'].match(method, path);
    // Read the whole body first, as a real server does before it stalls: a client that
    // goes away during a latency fault still gets its request carried out.
    const body = method === 'GET' || method === 'HEAD' || !matched ? { body: undefined, raw: '', bytes: undefined as Buffer | undefined, error: undefined as string | undefined } : await readBody(req);
    const arrival = { vendor, method, path };
    if (vendor !== 'control') inFlight.add(arrival);
    let routeFault: Fault | undefined;
    let answerInstead: SandboxResponse | undefined;
    let admittedAction = false;
    try {
      if (vendor === 'factorial' || vendor === 'kombo' || standIn) {
        const auth = authFailure(vendor, req, standIn ? path.slice(standIn.vendor.length + 1) : path);
        if (auth) return respond(auth);
        if (vendor === 'kombo' && method === 'POST' && komboConcurrency !== null) {
          const limit = komboConcurrency;
          if (komboActions >= limit) {
            Object.assign(limitHeaders, { 'concurrency-limit': String(limit), 'concurrency-remaining': '0' });
            return respond(komboError(429, 'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED', `More than ${limit} actions in flight for this integration.`));
          }
          komboActions += 1;
          admittedAction = true;
          Object.assign(limitHeaders, { 'concurrency-limit': String(limit), 'concurrency-remaining': String(limit - komboActions) });
        }
        const fault = faults.take(vendor, method, path);
        if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms ?? 1000));
        else if (fault?.kind === 'slow-commit' || fault?.kind === 'create-warnings') routeFault = fault;
        else if (fault?.kind === 'kombo-error' && fault.carryOut) answerInstead = faultResponse(vendor, fault.kind, 1, { ...fault, method, path }) as SandboxResponse;
        else if (fault) {
          const out = faultResponse(vendor, fault.kind, fault.retryAfterSeconds, { ...fault, method, path });
          if (out === 'hold') {
            held.add(res);
            log.push({ t: Date.now(), vendor, method, path, query: url.search.slice(1), status: 0 });
            const timer = setTimeout(() => held.has(res) && (held.delete(res), res.destroy()), 60_000);
            res.on('close', () => (clearTimeout(timer), held.delete(res)));
            return;
          }
          if (out) return respond(out);
        }
        const wait = faults.overLimit(vendor, method);
        const window = faults.windowHeaders(vendor, method);
        if (window && standIn) {
          // The stand-in says the window its own way (or not at all).
          Object.assign(limitHeaders, standIn.limitHeaders?.(Number(window['ratelimit-limit']), Number(window['ratelimit-remaining']), Number(window['ratelimit-reset'])) ?? {});
        } else Object.assign(limitHeaders, window ?? {});
        if (wait !== undefined && standIn) return respond({ ...standIn.rateLimited(wait), headers: { ...limitHeaders, ...(standIn.rateLimited(wait).headers ?? {}) } });
        if (wait !== undefined) {
          const refused = faultResponse(vendor, 'rate-limit', wait, { headersOnly: !!faults.windowHeaders(vendor, method) }) as SandboxResponse;
          return respond(limitHeaders['ratelimit-limit'] ? { ...refused, headers: limitHeaders } : refused);
        }
        if (vendor === 'factorial' && matched && !validFactorialVersion(matched.params.version ?? '')) {
          return respond(json(404, { message: 'Unknown API version' }));
        }
      }
      if (!matched && standIn) return respond(standIn.error(404, `No route ${method} ${path.slice(standIn.vendor.length + 1)}.`));
      if (body.error && standIn && !/json/i.test(String(req.headers['content-type'] ?? ''))) body.error = undefined;
      if (!matched) {
        return respond(vendor === 'kombo' ? komboError(404, 'PLATFORM.INPUT_INVALID', `No route ${method} ${path}.`) : json(404, { message: 'Not found' }));
      }
      if (body.error && standIn) return respond(standIn.error(400, `The request ${body.error}.`));
      if (body.error) {
        return respond(vendor === 'kombo' ? komboError(400, 'PLATFORM.INPUT_INVALID', `The request ${body.error}.`) : json(400, { message: `The request ${body.error}` }));
      }
      const request: SandboxRequest = {
        method,
        path,
        query: url.searchParams,
        headers: req.headers,
        params: matched.params,
        body: body.body,
        bodyError: body.error,
        rawBody: body.bytes,
        fault: routeFault,
      };
      const answer = await matched.handler(request);
      // A slow write answers when it commits (its records stay invisible to reads until then).
      if (routeFault?.kind === 'slow-commit') await new Promise((r) => setTimeout(r, routeFault!.ms ?? 30_000));
      respond(answerInstead ?? answer);
    } finally {
      inFlight.delete(arrival);
      if (admittedAction) komboActions -= 1;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, json(500, { message: 'sandbox error', detail: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    async close() {
      for (const res of held) res.destroy();
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
