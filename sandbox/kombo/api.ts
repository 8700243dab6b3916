import { z } from 'zod';
import { json, Router, type SandboxRequest, type SandboxResponse } from '../http';
import { addKomboApplication, addKomboCandidate, type KomboWorld } from '../seed';

/**
 * Kombo's unified ATS API as its spec says: `{status:"success", data}` envelopes, cursor pages
 * (`{next, results}`; pass `next` back as `cursor` with the same filters), comma-separated list filters,
 * and `{status:"error", error:{code, title, message, log_url}}` errors.
 */

export const KOMBO_MAX_PAGE_SIZE = 250;
const DEFAULT_PAGE_SIZE = 100;

export function komboError(status: number, code: string, message: string): SandboxResponse {
  return json(status, {
    status: 'error',
    error: { code, title: code.split('.').pop()!.replace(/_/g, ' ').toLowerCase(), message, log_url: null },
  });
}

const ok = (data: unknown) => json(200, { status: 'success', data });
/** Writes answer with `warnings` too (the dashboard's interaction warnings). */
const written = (data: unknown, warnings: { message: string }[] = []) => json(200, { status: 'success', data, warnings });
const list = (req: SandboxRequest, name: string) =>
  (req.query.get(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Opaque cursors that remember the filters they were made for. */
function encodeCursor(offset: number, filters: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: filters })).toString('base64url');
}
function decodeCursor(cursor: string): { o: number; f: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof value?.o === 'number' && typeof value?.f === 'string' ? value : null;
  } catch {
    return null;
  }
}

function paged(req: SandboxRequest, rows: unknown[]): SandboxResponse {
  const sizeParam = req.query.get('page_size');
  const size = sizeParam === null ? DEFAULT_PAGE_SIZE : Number(sizeParam);
  if (!Number.isInteger(size) || size < 1 || size > KOMBO_MAX_PAGE_SIZE) {
    return komboError(400, 'PLATFORM.INPUT_INVALID', `page_size must be an integer between 1 and ${KOMBO_MAX_PAGE_SIZE}.`);
  }
  const filters = [...req.query.entries()].filter(([k]) => k !== 'cursor' && k !== 'page_size').sort().map(([k, v]) => `${k}=${v}`).join('&');
  let offset = 0;
  const cursor = req.query.get('cursor');
  if (cursor) {
    const decoded = decodeCursor(cursor);
    if (!decoded || decoded.f !== filters) return komboError(400, 'PLATFORM.INPUT_INVALID', 'The cursor is invalid or was used with different filters.');
    offset = decoded.o;
  }
  const results = rows.slice(offset, offset + size);
  const next = offset + size < rows.length ? encodeCursor(offset + size, filters) : null;
  return ok({ next, results });
}

const after = (req: SandboxRequest, row: Record<string, unknown>) => {
  const since = req.query.get('updated_after');
  return !since || String(row.changed_at) > new Date(since).toISOString();
};
const includeDeleted = (req: SandboxRequest, row: Record<string, unknown>) => req.query.get('include_deleted') === 'true' || !row.remote_deleted_at;

/** A record of a write still under way (a `slow-commit` fault) is invisible until that write commits. */
const committed = (world: KomboWorld, row: Record<string, unknown>) => (world.uncommitted.get(String(row.id)) ?? 0) <= Date.now();
/** Under "Only Sync Created Applications", Kombo sees only the applications it tracks, and their candidates. */
const tracked = (world: KomboWorld, application: Record<string, unknown>) => committed(world, application) && (!world.syncOnlyCreated || world.tracked.has(String(application.id)));
const candidateTracked = (world: KomboWorld, candidate: Record<string, unknown>) =>
  committed(world, candidate) && (!world.syncOnlyCreated || world.applications.some((a) => a.candidate_id === candidate.id && tracked(world, a)));

function jobRef(job: Record<string, unknown> | undefined) {
  return job ? { id: job.id, remote_id: job.remote_id, name: job.name } : null;
}
function stageOf(world: KomboWorld, application: Record<string, unknown>) {
  const job = world.jobs.find((j) => j.id === application.job_id);
  const stage = (job?.stages as { id: string; name: string; remote_id: string; index: number }[] | undefined)?.find((s) => s.id === application.current_stage_id);
  return stage ? { id: stage.id, remote_id: stage.remote_id, name: stage.name, remote_data: null, index: stage.index } : null;
}

function candidateView(world: KomboWorld, candidate: Record<string, unknown>) {
  return {
    ...candidate,
    tags: world.tags.filter((t) => t.candidate_id === candidate.id).map((t) => ({ id: `T-${t.name}`, remote_id: null, name: t.name })),
    applications: world.applications
      .filter((a) => a.candidate_id === candidate.id && tracked(world, a))
      .map((a) => ({
        id: a.id,
        remote_id: a.remote_id,
        outcome: a.outcome,
        rejection_reason_name: a.rejection_reason_name,
        rejected_at: a.rejected_at,
        remote_url: a.remote_url,
        changed_at: a.changed_at,
        remote_created_at: a.remote_created_at,
        remote_updated_at: a.remote_updated_at,
        current_stage: stageOf(world, a),
        job: jobRef(world.jobs.find((j) => j.id === a.job_id)),
      })),
  };
}

/** An application with its candidate: a summary in lists, the whole candidate in a create's answer. */
function applicationView(world: KomboWorld, application: Record<string, unknown>, opts: { fullCandidate?: boolean } = {}) {
  const candidate = world.candidates.find((c) => c.id === application.candidate_id);
  return {
    ...application,
    current_stage: stageOf(world, application),
    job: jobRef(world.jobs.find((j) => j.id === application.job_id)),
    candidate: candidate && opts.fullCandidate
      ? { ...candidate, tags: world.tags.filter((t) => t.candidate_id === candidate.id).map((t) => ({ id: `T-${t.name}`, remote_id: null, name: t.name })) }
      : candidate
      ? {
          id: candidate.id,
          remote_id: candidate.remote_id,
          first_name: candidate.first_name,
          last_name: candidate.last_name,
          email_addresses: candidate.email_addresses,
          phone_numbers: candidate.phone_numbers,
          social_media: candidate.social_media,
          source: candidate.source,
          remote_url: candidate.remote_url,
          tags: [],
        }
      : null,
    interviews: [],
    offers: world.offers.filter((o) => o.application_id === application.id).map((o) => ({ id: o.id, remote_id: o.remote_id, status: o.status })),
  };
}

/** GET /ats/offers' row: the offer with a summary of its application's candidate and job. */
function offerView(world: KomboWorld, offer: Record<string, unknown>) {
  const application = world.applications.find((a) => a.id === offer.application_id);
  const candidate = world.candidates.find((c) => c.id === application?.candidate_id);
  const job = world.jobs.find((j) => j.id === application?.job_id);
  return {
    ...offer,
    application: application
      ? {
          candidate: candidate
            ? { id: candidate.id, remote_id: candidate.remote_id, first_name: candidate.first_name, last_name: candidate.last_name, email_addresses: candidate.email_addresses }
            : null,
          job: job ? { id: job.id, remote_id: job.remote_id, name: job.name } : null,
        }
      : null,
  };
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const Attachment = z
  .object({
    name: z.string().min(1),
    type: z.enum(['CV', 'COVER_LETTER', 'OTHER']),
    content_type: z.string().regex(/^[\w.-]+\/[\w.-]+$/).optional(),
    data: base64.optional(),
    data_url: z.string().url().optional(),
  })
  .refine((a) => !!a.data !== !!a.data_url, 'exactly one of data or data_url is required')
  .refine((a) => !a.data || !!a.content_type, 'content_type is required with data');

/** The request body of POST /ats/jobs/{job_id}/applications, from the spec. */
export const CreateApplicationBody = z.object({
  stage_id: z.string().optional(),
  candidate: z.object({
    first_name: z.string().min(1),
    last_name: z.string().min(1),
    email_address: z.string().email(),
    phone_number: z.string().optional(),
    company: z.string().optional(),
    title: z.string().optional(),
    additional_email_addresses: z.array(z.unknown()).optional(),
    additional_phone_numbers: z.array(z.unknown()).optional(),
    location: z.record(z.string(), z.unknown()).optional(),
    social_links: z.array(z.unknown()).optional(),
  }),
  attachments: z.array(Attachment).optional(),
  source: z.object({ name: z.string().optional(), unified_key: z.string().optional(), id: z.string().optional() }).optional(),
  sourced_by: z.unknown().optional(),
  gdpr_consent: z.unknown().optional(),
  remote_fields: z.unknown().optional(),
  screening_question_answers: z
    .array(
      z.object({
        question_id: z.string(),
        answer: z.union([
          z.string(),
          z.boolean(),
          z.number(),
          z.array(z.string()),
          // FILE questions: a file object, like an attachment without its type.
          z.object({ name: z.string().min(1), content_type: z.string().regex(/^[\w.-]+\/[\w.-]+$/).optional(), data: base64.optional(), data_url: z.string().url().optional() }),
        ]),
      }),
    )
    .optional(),
});

/** A submitted answer as Kombo reports it back: the question (type, title) and the answer in its typed slot. */
function answerView(job: Record<string, unknown>, a: { question_id: string; answer: string | boolean | number | string[] | { name: string } }) {
  const question = (job.screening_questions as { id: string; remote_id: string | null; title: string; format: { type: string; options?: { id: string; name: string }[] } }[]).find(
    (q) => q.id === a.question_id,
  );
  // Kombo reports back only these six types; anything else (FILE answers included) comes back as UNKNOWN with
  // `raw` (its spec and its SDK agree on this).
  const reported = ['TEXT', 'SINGLE_SELECT', 'MULTI_SELECT', 'BOOLEAN', 'NUMBER', 'DATE'];
  const type = question && reported.includes(question.format.type) ? question.format.type : 'UNKNOWN';
  const optionName = (id: string) => question?.format.options?.find((o) => o.id === id)?.name ?? id;
  const answer =
    type === 'TEXT' ? { content: String(a.answer) }
    : type === 'SINGLE_SELECT' ? { choice: optionName(String(a.answer)) }
    : type === 'MULTI_SELECT' ? { choices: (Array.isArray(a.answer) ? a.answer : [String(a.answer)]).map(optionName) }
    : type === 'BOOLEAN' ? { checked: Boolean(a.answer) }
    : type === 'NUMBER' ? { number: Number(a.answer) }
    : type === 'DATE' ? { date: new Date(String(a.answer)).toISOString() }
    : { raw: null };
  return { question: { remote_id: question?.remote_id ?? null, title: question?.title ?? a.question_id, type }, answer };
}

function inputInvalid(error: z.ZodError) {
  const issue = error.issues[0];
  return komboError(400, 'PLATFORM.INPUT_INVALID', `${issue.path.join('.') || 'body'}: ${issue.message}`);
}

/** Why the ATS would refuse this file by its attachment rules (the shape of GET /ats/actions/ats_create_application). */
function attachmentRefusal(rules: Record<string, unknown> | null, attachment: { type: string; content_type?: string; data?: string }): string | undefined {
  const rule = (rules?.types as Record<string, { is_supported: boolean; max_file_size_bytes?: number | null; accepted_mime_types?: string[] | null }> | undefined)?.[attachment.type];
  if (!rule) return undefined;
  if (!rule.is_supported) return `this ATS does not support ${attachment.type} attachments.`;
  const size = Buffer.from(attachment.data ?? '', 'base64').length;
  if (rule.max_file_size_bytes && size > rule.max_file_size_bytes) return `the file is larger than ${rule.max_file_size_bytes} bytes.`;
  if (rule.accepted_mime_types?.length && !rule.accepted_mime_types.includes(attachment.content_type ?? '')) return `the file type ${attachment.content_type} is not accepted.`;
  return undefined;
}

/** The sandbox's Kombo integration is a Greenhouse account (SANDBOX_KEYS.komboIntegrationId). */
const SANDBOX_TOOL = 'greenhouse';
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?Z?$/, 'must be YYYY-MM-DDTHH:mm:ss.sssZ');
const idOf = <F extends Record<string, z.ZodString>>(idType: string, fields: F) => z.object({ id_type: z.literal(idType), ...fields }).strict();

/** The request body of POST /ats/import-tracked-application, from the spec: one object per tool that supports it. */
export const ImportTrackedBody = z
  .object({
    tracked_at: isoDateTime.nullable(),
    greenhouse: idOf('application_id', { application_id: z.string().min(1) }).optional(),
    onlyfy: idOf('application_id', { application_id: z.string().min(1) }).optional(),
    successfactors: idOf('application_remote_id', { application_remote_id: z.string().min(1) }).optional(),
    recruitee: idOf('placement_id', { placement_id: z.string().min(1) }).optional(),
    smartrecruiters: idOf('candidate_and_job_remote_ids', { candidate_remote_id: z.string().min(1), job_remote_id: z.string().min(1) }).optional(),
    erecruiter: z
      .union([
        idOf('application_and_job_remote_ids', { application_remote_id: z.string().min(1), job_remote_id: z.string().min(1) }),
        idOf('application_and_candidate_remote_ids', { candidate_remote_id: z.string().min(1), application_remote_id: z.string().min(1) }),
      ])
      .optional(),
  })
  .strict();

/** Kombo's own ids are 24 characters of base58 (the spec's pattern for the import's id). */
function importId(world: KomboWorld): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = world.nextId++;
  let id = '';
  do {
    id = alphabet[n % 58] + id;
    n = Math.floor(n / 58);
  } while (n > 0);
  return `TR${id}`.padStart(24, '1');
}

export function komboRouter(world: () => KomboWorld): Router {
  const r = new Router();
  const base = '/kombo/v1';

  r.on('GET', `${base}/check-api-key`, () => ok({ environment_id: 'B1Ps8fBZs4bQjVDUM2ZFsCLn', customer_id: '6Bn8qfmsdNsrgmHWQZ8hCK7x' }));

  r.on('GET', `${base}/ats/jobs`, (req) => {
    const ids = list(req, 'ids');
    const remoteIds = list(req, 'remote_ids');
    const statuses = list(req, 'statuses');
    const rows = world().jobs.filter(
      (j) =>
        after(req, j) &&
        includeDeleted(req, j) &&
        (!ids.length || ids.includes(String(j.id))) &&
        (!remoteIds.length || remoteIds.includes(String(j.remote_id))) &&
        (!statuses.length || statuses.includes(String(j.status))),
    );
    return paged(req, rows);
  });

  r.on('GET', `${base}/ats/candidates`, (req) => {
    const w = world();
    const ids = list(req, 'ids');
    const remoteIds = list(req, 'remote_ids');
    const email = req.query.get('email')?.toLowerCase();
    const rows = w.candidates
      .filter(
        (c) =>
          candidateTracked(w, c) &&
          after(req, c) &&
          includeDeleted(req, c) &&
          (!ids.length || ids.includes(String(c.id))) &&
          (!remoteIds.length || remoteIds.includes(String(c.remote_id))) &&
          (!email || (c.email_addresses as { email_address: string }[]).some((e) => e.email_address?.toLowerCase() === email)),
      )
      .map((c) => candidateView(w, c));
    return paged(req, rows);
  });

  r.on('GET', `${base}/ats/applications`, (req) => {
    const w = world();
    const outcomes = list(req, 'outcomes');
    const jobIds = list(req, 'job_ids');
    const ids = list(req, 'ids');
    const rows = w.applications
      .filter(
        (a) =>
          tracked(w, a) &&
          after(req, a) &&
          includeDeleted(req, a) &&
          (!outcomes.length || outcomes.includes(String(a.outcome))) &&
          (!jobIds.length || jobIds.includes(String(a.job_id))) &&
          (!ids.length || ids.includes(String(a.id))),
      )
      .map((a) => applicationView(w, a));
    return paged(req, rows);
  });

  r.on('GET', `${base}/ats/offers`, (req) => {
    const w = world();
    const ids = list(req, 'ids');
    const remoteIds = list(req, 'remote_ids');
    const rows = w.offers
      .filter((o) => {
        const application = w.applications.find((a) => a.id === o.application_id);
        return (
          !!application &&
          tracked(w, application) &&
          after(req, o) &&
          includeDeleted(req, o) &&
          (!ids.length || ids.includes(String(o.id))) &&
          (!remoteIds.length || remoteIds.includes(String(o.remote_id)))
        );
      })
      .map((o) => offerView(w, o));
    return paged(req, rows);
  });

  /**
   * Start tracking an application the integration does not see ("Only Sync Created Applications"). The sandbox is
   * a Greenhouse integration, so the body names `greenhouse` with id_type `application_id` (Greenhouse's
   * application id); Kombo then asks Greenhouse for it, and an id Greenhouse does not know is refused.
   */
  r.on('POST', `${base}/ats/import-tracked-application`, (req) => {
    const parsed = ImportTrackedBody.safeParse(req.body);
    if (!parsed.success) return inputInvalid(parsed.error);
    const w = world();
    const { tracked_at: trackedAt, ...tools } = parsed.data;
    const named = Object.keys(tools).filter((k) => tools[k as keyof typeof tools] !== undefined);
    if (named.length !== 1 || named[0] !== SANDBOX_TOOL) {
      return komboError(400, 'PLATFORM.INPUT_INVALID', `This is a Greenhouse integration: name "greenhouse" (and only it) in the body, not ${named.map((n) => `"${n}"`).join(', ') || 'no tool'}.`);
    }
    const wanted = parsed.data.greenhouse!;
    const application = w.applications.find((a) => a.remote_id === wanted.application_id && !a.remote_deleted_at);
    if (!application) {
      return komboError(400, 'REMOTE.INPUT_INVALID', `Greenhouse answered 404 Not Found for GET /v1/applications/${wanted.application_id}: there is no application with this id.`);
    }
    if (w.importsWaitForSync && !w.tracked.has(String(application.id))) w.pendingImports.add(String(application.id));
    else w.tracked.add(String(application.id));
    return written({ id: importId(w), tracked_at: new Date(trackedAt ?? Date.now()).toISOString(), imported_id: { greenhouse: wanted } });
  });

  r.on('POST', `${base}/ats/jobs/:job_id/applications`, (req) => {
    const w = world();
    const parsed = CreateApplicationBody.safeParse(req.body);
    if (!parsed.success) return inputInvalid(parsed.error);
    const jobParam = req.params.job_id;
    const job = jobParam.startsWith('remote:')
      ? w.jobs.find((j) => j.remote_id === jobParam.slice('remote:'.length))
      : w.jobs.find((j) => j.id === jobParam);
    if (!job || job.remote_deleted_at) return komboError(404, 'PLATFORM.INPUT_INVALID', `No job with id ${jobParam}.`);
    if (job.status !== 'OPEN') return komboError(400, 'ATS.JOB_CLOSED', 'The job is not open for applications.');
    const body = parsed.data;
    const email = body.candidate.email_address.toLowerCase();
    // Only committed records count: a create still under way elsewhere is not seen, so sending it again makes a second.
    let candidate = w.candidates.find((c) => committed(w, c) && (c.email_addresses as { email_address: string }[]).some((e) => e.email_address?.toLowerCase() === email));
    if (candidate && w.applications.some((a) => committed(w, a) && a.candidate_id === candidate!.id && a.job_id === job.id)) {
      return komboError(409, 'ATS.APPLICATION_ALREADY_EXISTS', 'The candidate already has an application for this job.');
    }
    let application: Record<string, unknown>;
    const newCandidate = !candidate;
    if (!candidate) {
      candidate = addKomboCandidate(w, {
        first: body.candidate.first_name,
        last: body.candidate.last_name,
        email: body.candidate.email_address,
        phone: body.candidate.phone_number ?? null,
        job,
        stage: 0,
      });
      candidate.source = body.source?.name ?? null;
      application = w.applications[w.applications.length - 1];
    } else {
      application = addKomboApplication(w, candidate, job, 0);
    }
    application.screening_question_answers = (body.screening_question_answers ?? []).map((a) => answerView(job, a));
    w.tracked.add(String(application.id)); // created through Kombo: tracked whatever the setting
    if (req.fault?.kind === 'slow-commit') {
      const at = Date.now() + (req.fault.ms ?? 30_000);
      w.uncommitted.set(String(application.id), at);
      if (newCandidate) w.uncommitted.set(String(candidate.id), at);
    }
    // The answer's warnings: the fault's, and a file the ATS's attachment rules refuse (not kept, said in a warning).
    const warnings = (req.fault?.kind === 'create-warnings' ? (req.fault.warnings ?? []) : []).map((message) => ({ message }));
    const kept = (body.attachments ?? []).filter((attachment) => {
      if (req.fault?.kind === 'create-warnings' && req.fault.dropAttachments) return false;
      const refusal = attachmentRefusal(w.attachmentRestrictions, attachment);
      if (refusal) warnings.push({ message: `The attachment "${attachment.name}" was not uploaded: ${refusal}` });
      return !refusal;
    });
    for (const attachment of kept) {
      w.attachments.push({
        id: `AT${w.nextId++}`,
        name: attachment.name,
        type: attachment.type,
        content_type: attachment.content_type ?? 'application/octet-stream',
        data: Buffer.from(attachment.data ?? '', 'base64'),
        ...({ application_id: application.id, candidate_id: candidate.id } as object),
      });
    }
    return written(applicationView(w, application, { fullCandidate: true }), warnings);
  });

  r.on('GET', `${base}/ats/actions/ats_create_application`, () => ok({ attachment_restrictions: world().attachmentRestrictions }));

  r.on('POST', `${base}/ats/candidates/:candidate_id/tags`, (req) => {
    const parsed = z.object({ tag: z.object({ name: z.string().min(1) }) }).safeParse(req.body);
    if (!parsed.success) return inputInvalid(parsed.error);
    const w = world();
    const candidate = w.candidates.find((c) => c.id === req.params.candidate_id);
    if (!candidate || !candidateTracked(w, candidate)) return komboError(404, 'PLATFORM.INPUT_INVALID', 'Unknown candidate.');
    w.tags.push({ candidate_id: req.params.candidate_id, name: parsed.data.tag.name });
    return written({});
  });

  r.on('POST', `${base}/ats/applications/:application_id/result-links`, (req) => {
    const parsed = z.object({ label: z.string().min(1), url: z.string().url() }).safeParse(req.body);
    if (!parsed.success) return inputInvalid(parsed.error);
    const w = world();
    if (!w.applications.some((a) => a.id === req.params.application_id && tracked(w, a))) return komboError(404, 'PLATFORM.INPUT_INVALID', 'Unknown application.');
    w.resultLinks.push({ application_id: req.params.application_id, ...parsed.data });
    return written({});
  });

  r.on('POST', `${base}/ats/applications/:application_id/attachments`, (req) => {
    const parsed = z.object({ attachment: Attachment }).safeParse(req.body);
    if (!parsed.success) return inputInvalid(parsed.error);
    const w = world();
    if (!w.applications.some((a) => a.id === req.params.application_id && tracked(w, a))) return komboError(404, 'PLATFORM.INPUT_INVALID', 'Unknown application.');
    const a = parsed.data.attachment;
    const id = `AT${w.nextId++}`;
    w.attachments.push({ id, name: a.name, type: a.type, content_type: a.content_type ?? 'application/octet-stream', data: Buffer.from(a.data ?? '', 'base64') });
    return written({ id, remote_id: null });
  });

  return r;
}
