import { z } from 'zod';
import type { FactorialErrorShape } from '../faults';
import { json, Router, type SandboxRequest, type SandboxResponse } from '../http';
import { atsApplication, atsCandidate, contractVersion, employee, type FactorialWorld } from '../seed';

/**
 * Factorial HR + ATS as their public API behaves: `/api/{version}/resources/<namespace>/<resource>`, key in
 * `x-api-key`, lists as `{data, meta}` in ascending id order (`limit` ≤ 100) paged by opaque cursors: the next page
 * is `after_id=<meta.end_cursor>`, a base64 cursor like the live API's ("Mjc="), and a cursor this server never
 * handed out is answered 400 "Invalid cursor" (an item's id is not a cursor). Rails array params (`emails[]=a`),
 * ids as strings from version 2026-07-01 (integers before).
 */

export const FACTORIAL_MAX_LIMIT = 100;
export const STRING_IDS_FROM = '2026-07-01';
/** Job postings' `deleted` status: in the 2026-07-01 spec's enum, not in 2024-10-01's (older versions do not list them). */
export const DELETED_POSTINGS_FROM = '2026-07-01';
export const JOB_POSTING_STATUSES = ['draft', 'published', 'unlisted', 'archived', 'cancelled', 'deleted'] as const;

/**
 * A key of the other environment (a demo key on production, or the reverse): Factorial answers with empty responses,
 * not errors (its "production and demo" guide). Reads: every list empty, every single record missing. Writes are
 * refused as not found (inferred: the company the key belongs to does not exist in this environment).
 */
export function wrongEnvironmentAnswer(method: string, path: string): SandboxResponse {
  if (method !== 'GET' || /\/\d+$/.test(path)) return json(404, { message: 'Not found' });
  return json(200, { data: [], meta: { has_next_page: false, has_previous_page: false, total: 0, limit: FACTORIAL_MAX_LIMIT } });
}

/** An error body in one of the shapes Factorial uses (see `FACTORIAL_ERROR_SHAPES` in ../faults.ts). */
export function factorialErrorBody(shape: FactorialErrorShape, message: string): unknown {
  switch (shape) {
    case 'errors':
      return { errors: [message] };
    case 'errors-objects':
      return { errors: [{ code: 'validation_failed', message, field: null }] };
    case 'errors-nested':
      return { errors: { errors: [message] } };
    case 'error':
      return { error: message };
    case 'message':
      return { message };
    case 'detail':
      return { detail: message };
  }
}

type Row = Record<string, unknown> & { id: number };

/**
 * A record as the requested API version writes it: ids and *_id(s) as strings from 2026-07-01, and unset
 * optional fields left out (the spec types them as plain strings/integers, never null).
 */
export function renderIds<T>(value: T, asStrings: boolean): T {
  if (Array.isArray(value)) return value.map((v) => renderIds(v, asStrings)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) continue;
      if (!asStrings) out[k] = renderIds(v, asStrings);
      else if ((k === 'id' || k.endsWith('_id')) && typeof v === 'number') out[k] = String(v);
      else if (k.endsWith('_ids') && Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'number' ? String(x) : x));
      else out[k] = renderIds(v, asStrings);
    }
    return out as T;
  }
  return value;
}

const idsParam = (req: SandboxRequest, name: string) => req.query.getAll(`${name}[]`).map(Number).filter(Number.isFinite);
const error = (status: number, message: string, shape: 'message' | 'errors' = 'message') =>
  json(status, shape === 'errors' ? { errors: [message] } : { message });

/** Cursors handed out, per seeded world (a reset forgets them, as a new session would). */
const issuedCursors = new WeakMap<FactorialWorld, Map<string, number>>();

function list(req: SandboxRequest, world: FactorialWorld, rows: Row[]): SandboxResponse {
  const limitParam = req.query.get('limit');
  const limit = Math.min(FACTORIAL_MAX_LIMIT, Math.max(1, limitParam ? Number(limitParam) || FACTORIAL_MAX_LIMIT : FACTORIAL_MAX_LIMIT));
  const issued = issuedCursors.get(world) ?? new Map<string, number>();
  issuedCursors.set(world, issued);
  const position = (name: string) => {
    const cursor = req.query.get(name);
    if (cursor === null) return { ok: true as const, id: undefined };
    const id = issued.get(cursor);
    return id === undefined ? { ok: false as const } : { ok: true as const, id };
  };
  const after = position('after_id');
  const before = position('before_id');
  if (!after.ok || !before.ok) return json(400, { message: 'Invalid cursor' });
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  let window = sorted;
  if (after.id !== undefined) window = window.filter((r) => r.id > after.id!);
  if (before.id !== undefined) window = window.filter((r) => r.id < before.id!).slice(-limit);
  const page = window.slice(0, limit);
  const strings = req.params.version >= STRING_IDS_FROM;
  const cursorOf = (row: Row) => {
    const cursor = Buffer.from(String(row.id)).toString('base64');
    issued.set(cursor, row.id);
    return cursor;
  };
  // The spec types both cursors as plain strings: an empty page has none, rather than null.
  const cursors = page.length ? { start_cursor: cursorOf(page[0]), end_cursor: cursorOf(page[page.length - 1]) } : {};
  return json(200, {
    data: renderIds(page.map((row) => forVersion(row, req.params.version)), strings),
    meta: {
      has_next_page: window.length > page.length,
      has_previous_page: page.length > 0 && sorted[0].id < page[0].id,
      ...cursors,
      total: rows.length,
      limit,
    },
  });
}

/** Fields a version does not have yet are left out: the application's read-only `cv` arrived with 2026-07-01. */
function forVersion<T extends Record<string, unknown>>(row: T, version: string): T {
  if (version >= STRING_IDS_FROM || !('cv' in row)) return row;
  const { cv: _cv, ...rest } = row;
  return rest as T;
}

const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** POST custom_fields/values: every property required and a string in the 2026-07-01 spec. */
const CreateCustomFieldValueBody = z.object({ field_id: id, valuable_type: z.string(), valuable_id: id, value: z.string() });

/** What a custom field of this type refuses (the message Factorial's 422 would carry), or undefined. */
function customValueProblem(type: string, value: string, options: string[]): string | undefined {
  switch (type) {
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'must be a date YYYY-MM-DD';
    case 'checkbox':
      return value === 'true' || value === 'false' ? undefined : 'must be true or false';
    case 'money':
    case 'cents':
    case 'rating':
      return /^-?\d+(\.\d+)?$/.test(value) ? undefined : 'must be a number';
    case 'single_choice':
      return options.includes(value) ? undefined : 'is not one of the options';
    case 'multiple_choice':
      return value.split(',').every((v) => options.includes(v.trim())) ? undefined : 'is not one of the options';
    default:
      return value.trim() ? undefined : "can't be blank";
  }
}

/** create_with_contract's request body (2024-10-01 and 2026-07-01 specs; `phone_number` from the 2026 versions). */
export const CreateWithContractBody = z.object({
  company_id: id,
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  email: z.string().email(),
  contract_starts_on: isoDate.optional(),
  contract_effective_on: isoDate.optional(),
  legal_entity_id: id.optional(),
  team_id: id.optional(),
  location_id: id.optional(),
  manager_id: id.optional(),
  has_trial_period: z.boolean().optional(),
  trial_period_ends_on: isoDate.optional(),
  country: z.string().optional(),
  nationality: z.string().optional(),
  birthday_on: isoDate.optional(),
  phone_number: z.string().optional(),
  identifier: z.string().optional(),
});

export const CreateCandidateBody = z.object({
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  company_id: id,
  email: z.string().email().optional(),
  phone_number: z.string().optional(),
  source: z.string().optional(),
  personal_url: z.string().optional(),
  consent_given_at: z.string().optional(),
  talent_pool: z.boolean().optional(),
});

export const CreateApplicationBody = z.object({
  ats_job_posting_id: id,
  ats_candidate_id: id.optional(),
  cover_letter: z.string().optional(),
  source: z.string().optional(),
  phone: z.string().optional(),
  ats_application_phase_id: id.optional(),
  answers: z.array(z.record(z.string(), z.unknown())).optional(),
});

/** PUT contracts/contract_versions/{id} (2026-07-01: `id` required; the fields Hirebridge and a test may send). */
export const UpdateContractVersionBody = z.object({
  id,
  job_title: z.string().optional(),
  effective_on: isoDate.optional(),
  starts_on: isoDate.optional(),
  salary_amount: z.number().int().optional(),
  salary_frequency: z.string().optional(),
  working_hours: z.number().int().optional(),
});

function zodMessage(e: z.ZodError): string {
  const issue = e.issues[0];
  return `${issue.path.join('.') || 'body'} ${issue.message}`;
}

export function factorialRouter(world: () => FactorialWorld): Router {
  const r = new Router();
  const base = '/factorial/api/:version/resources';
  const strings = (req: SandboxRequest) => req.params.version >= STRING_IDS_FROM;
  const one = (req: SandboxRequest, row: Row | undefined) => (row ? json(200, renderIds(forVersion(row, req.params.version), strings(req))) : error(404, 'Not found'));

  r.on('GET', `${base}/api_public/credentials`, (req) => {
    const w = world();
    return json(200, { data: [renderIds({ id: 9001, company_id: w.company.id, employee_id: 101, name: w.company.name, legal_name: w.company.legal_name, email: 'admin@example.com', role: 'admin' }, strings(req))] });
  });
  r.on('GET', `${base}/companies/legal_entities`, (req) => list(req, world(), world().legalEntities));
  r.on('GET', `${base}/teams/teams`, (req) => list(req, world(), world().teams));
  r.on('GET', `${base}/locations/locations`, (req) => list(req, world(), world().locations));

  r.on('GET', `${base}/employees/employees`, (req) => {
    for (const flag of ['only_active', 'only_managers']) {
      if (!['true', 'false'].includes(req.query.get(flag) ?? '')) return error(400, `${flag} is required`, 'errors');
    }
    const emails = req.query.getAll('emails[]').map((e) => e.toLowerCase());
    const ids = idsParam(req, 'ids');
    const rows = world().employees.filter(
      (e) =>
        (!emails.length || emails.includes(String(e.email ?? '').toLowerCase()) || emails.includes(String(e.login_email ?? '').toLowerCase())) &&
        (!ids.length || ids.includes(e.id)) &&
        (req.query.get('only_active') !== 'true' || !e.terminated_on),
    );
    return list(req, world(), rows as Row[]);
  });
  r.on('GET', `${base}/employees/employees/:id`, (req) => one(req, world().employees.find((e) => e.id === Number(req.params.id)) as Row));

  r.on('POST', `${base}/employees/employees/create_with_contract`, (req) => {
    const parsed = CreateWithContractBody.safeParse(req.body);
    if (!parsed.success) return error(422, zodMessage(parsed.error), 'errors');
    const w = world();
    const body = parsed.data;
    if (body.company_id !== w.company.id) return error(422, 'company_id is not your company', 'errors');
    const taken = w.employees.some((e) => [e.email, e.login_email].some((m) => String(m ?? '').toLowerCase() === body.email.toLowerCase()));
    if (taken) return json(422, { errors: { errors: ['Email has already been taken'] } });
    if (body.legal_entity_id && !w.legalEntities.some((l) => l.id === body.legal_entity_id)) return error(422, 'legal_entity_id does not exist', 'errors');
    if (body.team_id && !w.teams.some((t) => t.id === body.team_id)) return error(422, 'team_id does not exist', 'errors');
    if (body.location_id && !w.locations.some((l) => l.id === body.location_id)) return error(422, 'location_id does not exist', 'errors');
    if (body.manager_id && !w.employees.some((e) => e.id === body.manager_id)) return error(422, 'manager_id does not exist', 'errors');
    const created = {
      ...employee(w.nextId++, body.first_name, body.last_name, body.email, body.legal_entity_id ?? w.legalEntities[0].id, body.location_id ?? w.locations[0].id),
      phone_number: body.phone_number ?? null,
      contract_starts_on: body.contract_starts_on ?? null,
      team_id: body.team_id ?? null,
      manager_id: body.manager_id ?? null,
      // Kept with the employee here (Factorial keeps them on the contract version).
      has_trial_period: body.has_trial_period ?? null,
      trial_period_ends_on: body.trial_period_ends_on ?? null,
    };
    w.employees.push(created as never);
    if (body.team_id) w.teams.find((t) => t.id === body.team_id)?.employee_ids.push(created.id);
    // "with contract": the new employee's first contract version, without a job title (the API takes none here).
    const startsOn = body.contract_starts_on ?? new Date().toISOString().slice(0, 10);
    w.contractVersions.push(contractVersion(w.nextId++, created.id, body.contract_effective_on ?? startsOn, null));
    // Both specs (2024-10-01, 2026-07-01) answer create_with_contract with 200, not 201.
    return json(200, renderIds(created, strings(req)));
  });
  r.on('POST', `${base}/employees/employees/invite`, (req) => {
    const body = z.object({ id, company_id: id }).safeParse(req.body);
    if (!body.success) return error(422, zodMessage(body.error), 'errors');
    const found = world().employees.find((e) => e.id === body.data.id);
    return found ? json(200, renderIds(found, strings(req))) : error(404, 'Employee not found');
  });

  // ---- contracts
  r.on('GET', `${base}/contracts/contract_versions`, (req) => {
    const ids = idsParam(req, 'ids');
    const employees = idsParam(req, 'employee_ids');
    // `job_catalog_tree_node_uuids[]` is marked required by the spec, yet the SDK's own client sends an empty list as
    // nothing: absent means any node. Given, it narrows to versions on those (level) nodes; the seed has none.
    const nodes = req.query.getAll('job_catalog_tree_node_uuids[]');
    return list(
      req,
      world(),
      world().contractVersions.filter(
        (v) => (!ids.length || ids.includes(v.id)) && (!employees.length || employees.includes(v.employee_id)) && (!nodes.length || nodes.includes(String((v as { job_catalog_tree_node_uuid?: unknown }).job_catalog_tree_node_uuid))),
      ),
    );
  });
  r.on('GET', `${base}/contracts/contract_versions/:id`, (req) => one(req, world().contractVersions.find((v) => v.id === Number(req.params.id))));
  r.on('PUT', `${base}/contracts/contract_versions/:id`, (req) => {
    const parsed = UpdateContractVersionBody.safeParse(req.body);
    if (!parsed.success) return error(422, zodMessage(parsed.error), 'errors');
    const version = world().contractVersions.find((v) => v.id === Number(req.params.id));
    if (!version) return error(404, 'Contract version not found');
    if (parsed.data.id !== version.id) return error(422, 'id does not match the contract version in the path', 'errors');
    const { id: _id, ...changes } = parsed.data;
    Object.assign(version, changes, { updated_at: new Date().toISOString() });
    return json(200, renderIds(version, strings(req)));
  });

  // ---- custom fields
  r.on('GET', `${base}/custom_fields/fields`, (req) => {
    const ids = idsParam(req, 'ids');
    const type = req.query.get('field_type');
    return list(req, world(), world().customFields.filter((f) => (!ids.length || ids.includes(f.id)) && (!type || f.field_type === type)) as unknown as Row[]);
  });
  r.on('GET', `${base}/custom_fields/options`, (req) => {
    const fields = idsParam(req, 'field_ids');
    return list(req, world(), world().customFieldOptions.filter((o) => !fields.length || fields.includes(o.field_id)));
  });
  r.on('GET', `${base}/custom_fields/values`, (req) => {
    const employees = idsParam(req, 'employee_ids');
    const field = req.query.get('field_id');
    return list(req, world(), world().customFieldValues.filter((v) => (!employees.length || (v.valuable_type === 'Employee' && employees.includes(v.valuable_id))) && (!field || v.field_id === Number(field))));
  });
  r.on('POST', `${base}/custom_fields/values`, (req) => {
    const parsed = CreateCustomFieldValueBody.safeParse(req.body);
    if (!parsed.success) return error(422, zodMessage(parsed.error), 'errors');
    const w = world();
    const body = parsed.data;
    const field = w.customFields.find((f) => f.id === body.field_id);
    if (!field) return error(422, 'field_id does not exist', 'errors');
    if (body.valuable_type !== 'Employee' || !w.employees.some((e) => e.id === body.valuable_id)) return error(422, 'valuable_id does not exist', 'errors');
    const wrong = customValueProblem(field.field_type, body.value, w.customFieldOptions.filter((o) => o.field_id === field.id && o.is_active).map((o) => o.value));
    if (wrong) return error(422, `value ${wrong}`, 'errors');
    if (w.customFieldValues.some((v) => v.field_id === field.id && v.valuable_type === 'Employee' && v.valuable_id === body.valuable_id)) return error(422, 'value has already been set for this field', 'errors');
    const created = { id: w.nextId++, field_id: field.id, valuable_type: 'Employee', valuable_id: body.valuable_id, value: body.value, custom_field_identifier: `cf_${field.id}`, label: field.label_text, required: field.required };
    w.customFieldValues.push(created);
    return json(201, renderIds(created, strings(req)));
  });

  // ---- ATS
  r.on('GET', `${base}/ats/job_postings`, (req) => {
    const ids = idsParam(req, 'ids');
    const status = req.query.get('status');
    const listsDeleted = req.params.version >= DELETED_POSTINGS_FROM;
    return list(req, world(), world().jobPostings.filter((j) => (!ids.length || ids.includes(j.id)) && (!status || j.status === status) && (listsDeleted || j.status !== 'deleted')) as Row[]);
  });
  r.on('GET', `${base}/ats/job_postings/:id`, (req) => one(req, world().jobPostings.find((j) => j.id === Number(req.params.id)) as Row));
  r.on('GET', `${base}/ats/application_phases`, (req) => {
    const jobs = idsParam(req, 'ats_job_posting_ids');
    const ids = idsParam(req, 'ids');
    return list(req, world(), world().phases.filter((p) => (!jobs.length || jobs.includes(p.ats_job_posting_id)) && (!ids.length || ids.includes(p.id))));
  });
  r.on('GET', `${base}/ats/candidate_sources`, (req) => list(req, world(), world().sources));
  r.on('GET', `${base}/ats/candidates`, (req) => {
    const ids = idsParam(req, 'ids');
    const emails = req.query.getAll('emails[]').map((e) => e.toLowerCase());
    return list(req, world(), world().candidates.filter((c) => (!ids.length || ids.includes(c.id)) && (!emails.length || emails.includes(String(c.email ?? '').toLowerCase()))));
  });
  r.on('GET', `${base}/ats/candidates/:id`, (req) => one(req, world().candidates.find((c) => c.id === Number(req.params.id))));
  r.on('POST', `${base}/ats/candidates`, (req) => {
    const parsed = CreateCandidateBody.safeParse(req.body);
    if (!parsed.success) return error(422, zodMessage(parsed.error), 'errors');
    const w = world();
    const { first_name, last_name, email, ...rest } = parsed.data;
    const created = atsCandidate(w.nextId++, first_name, last_name, email ?? null, { ...rest, phone_number: rest.phone_number ?? null });
    w.candidates.push(created);
    return json(201, renderIds(created, strings(req)));
  });
  r.on('GET', `${base}/ats/applications`, (req) => {
    const ids = idsParam(req, 'ids');
    const candidates = idsParam(req, 'ats_candidate_ids');
    const job = req.query.get('ats_job_posting_id');
    const phase = req.query.get('ats_application_phase_id');
    return list(
      req,
      world(),
      world().applications.filter(
        (a) =>
          (!ids.length || ids.includes(a.id)) &&
          (!candidates.length || candidates.includes(a.ats_candidate_id)) &&
          (!job || a.ats_job_posting_id === Number(job)) &&
          (!phase || a.ats_application_phase_id === Number(phase)),
      ),
    );
  });
  r.on('GET', `${base}/ats/applications/:id`, (req) => one(req, world().applications.find((a) => a.id === Number(req.params.id))));
  r.on('POST', `${base}/ats/applications`, (req) => {
    const parsed = CreateApplicationBody.safeParse(req.body);
    if (!parsed.success) return error(422, zodMessage(parsed.error), 'errors');
    const w = world();
    const body = parsed.data;
    const job = w.jobPostings.find((j) => j.id === body.ats_job_posting_id);
    if (!job) return error(422, 'ats_job_posting_id does not exist', 'errors');
    if (body.ats_candidate_id && w.applications.some((a) => a.ats_candidate_id === body.ats_candidate_id && a.ats_job_posting_id === job.id)) {
      return error(422, 'Candidate has already applied to this job posting', 'errors');
    }
    const initial = w.phases.find((p) => p.ats_job_posting_id === job.id && p.phase_type === 'initial');
    const created = atsApplication(w.nextId++, body.ats_candidate_id ?? 0, job.id, body.ats_application_phase_id ?? initial?.id ?? null, {
      cover_letter: body.cover_letter ?? null,
      source: body.source ?? null,
    });
    w.applications.push(created);
    return json(201, renderIds(created, strings(req)));
  });
  return r;
}

export function validFactorialVersion(version: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(version);
}
