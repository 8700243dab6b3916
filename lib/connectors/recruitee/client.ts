import { z } from 'zod/mini';
import type { DirectAtsCredentials } from '../direct';
import { ConnectorError } from '../errors';
import { createHttpClient, type HttpHooks } from '../http';
import type { AtsApplicationSummary, AtsCandidate, AtsJob, AtsJobStatus, AtsPort, HiredApplication, HireStartDate } from '../types';
import { classifyRecruiteeError, forbiddenTo, readRecruiteeError } from './errors';
import { t } from './messages';
import { Candidate, CandidateList, CandidateShow, OfferList, PlacementCreated, SearchHits, type Offer, type Placement, type Reference } from './schemas';
import { mapLimit } from '../concurrency';

/**
 * Recruitee's ATS API (https://api.recruitee.com/c/<company>/…), behind the AtsPort. Evidence for every endpoint and
 * field: tests/vendor/recruitee/SOURCE.md. Recruitee's words: an *offer* is a job (or a talent pool), a *placement* is
 * a candidate on an offer (Hirebridge's application), with a stage; a placement is a hire once it has `hired_at`.
 */

/**
 * Offer statuses (docs; `internal` is in recorded answers: a job open for internal applicants only). Recruitee
 * deletes an offer outright: it leaves the listing, and since every pull lists everything, the job pull archives it.
 */
export const RECRUITEE_JOB_STATUS: Record<string, AtsJobStatus> = {
  published: 'open',
  internal: 'open',
  closed: 'closed',
  archived: 'archived',
  draft: 'draft',
};

/** `GET /candidates` pages by `limit` + `offset`; this many per page for the hired list. */
const CANDIDATES_PER_PAGE = 100;
/** Search hits read for an email (Recruitee's search is fuzzy: the exact email is checked on each hit). */
const EMAIL_HITS = 20;
const READS_AT_ONCE = 2;


/** Recruitee keeps one `name`; the first word is taken as the first name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

const day = (iso: string | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined);

function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * The API base for one company: every ATS path is under `/c/<company id>/` (docs.recruitee.com). The card's base
 * already ends so; a Custom base URL (a proxy or a sandbox standing for https://api.recruitee.com) gets it added.
 */
export function companyBase(baseUrl: string, companyId: string): string {
  const root = baseUrl.replace(/\/+$/, '');
  const path = `/c/${encodeURIComponent(companyId)}`;
  return !companyId || root.endsWith(path) ? root : `${root}${path}`;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createRecruiteeAts(creds: DirectAtsCredentials, hooks?: HttpHooks): AtsPort {
  const companyId = creds.accountId?.trim() || (creds.baseUrl.split('/c/')[1] ?? '');
  const http = createHttpClient({
    vendor: 'Recruitee',
    baseUrl: companyBase(creds.baseUrl, companyId),
    // A personal API token, as a bearer token (docs.recruitee.com/reference/getting-started).
    headers: { authorization: `Bearer ${creds.secret}` },
    hooks,
    readError: readRecruiteeError,
    classify: classifyRecruiteeError,
    secrets: [creds.secret],
  });

  /**
   * Placements read so far, by id: `hireStartDate` gets only an application (placement) id, and Recruitee has no
   * endpoint for one placement on its own; the export reads the candidate just before asking.
   */
  const placements = new Map<string, Placement>();

  const toCandidate = (c: z.output<typeof Candidate>, references: Reference[]): AtsCandidate => {
    const ref = (type: string, id: number | null | undefined) => references.find((r) => r.type === type && r.id === id);
    const applications: AtsApplicationSummary[] = c.placements.map((p) => {
      placements.set(String(p.id), p);
      return {
        id: String(p.id),
        remoteId: String(p.id),
        jobId: String(p.offer_id),
        jobName: ref('Offer', p.offer_id)?.title ?? undefined,
        stageName: ref('Stage', p.stage_id)?.name ?? undefined,
        hired: !!p.hired_at,
        cv: c.cv_url ? { url: c.cv_url } : undefined,
      };
    });
    return { id: String(c.id), remoteId: String(c.id), ...splitName(c.name), email: c.emails[0], phone: c.phones[0], applications };
  };

  const toJob = (offer: Offer): AtsJob => ({
    id: String(offer.id),
    remoteId: String(offer.id),
    name: offer.title,
    status: RECRUITEE_JOB_STATUS[offer.status] ?? 'closed',
    deleted: false,
    country: offer.country_code ? offer.country_code.toUpperCase() : undefined,
    locationName: offer.location ?? offer.city,
    url: offer.careers_url,
    // Recruitee's ATS API documents no screening answers on a candidate it adds (only the careers-site form takes
    // `open_question_answers_attributes`): no question is offered that could not be sent.
    screeningQuestions: [],
    changedAt: offer.updated_at,
  });

  async function readCandidate(id: string) {
    try {
      const { candidate, references } = await forbiddenTo(t('actionReadCandidates'), http.request(CandidateShow, `candidates/${encodeURIComponent(id)}`));
      return toCandidate(candidate, references);
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'not-found') return null;
      throw error;
    }
  }

  /** Adds the source tag and the link back to a candidate, keeping what it has (PATCH replaces the lists). */
  async function addSourceAndLink(candidateId: string, input: { sourceName: string; link?: { url: string } }): Promise<string[]> {
    try {
      const { candidate } = await http.request(CandidateShow, `candidates/${encodeURIComponent(candidateId)}`);
      const sources = candidate.sources.includes(input.sourceName) ? candidate.sources : [...candidate.sources, input.sourceName];
      const links = input.link && !candidate.links.includes(input.link.url) ? [...candidate.links, input.link.url] : candidate.links;
      if (sources === candidate.sources && links === candidate.links) return [];
      await forbiddenTo(
        t('actionEditCandidates'),
        http.request(z.pick(CandidateShow, { candidate: true }), `candidates/${encodeURIComponent(candidateId)}`, {
          method: 'PATCH',
          body: { candidate: { sources, links } },
        }),
      );
      return [];
    } catch (error) {
      return [t('linkNotAdded', { reason: reason(error) })];
    }
  }

  return {
    provider: 'recruitee',
    // GET /offers documents no changed-since filter: every pull lists every offer (and so sees deletions).
    incrementalJobs: false,
    // The CV goes up as a file: PATCH /candidates/:id/update_cv (on docs.recruitee.com's endpoint list).
    acceptsFiles: true,
    // A plain synchronous create (Recruitee documents no queued writes): once cut, it commits or not within the
    // server's own request time. The look-up before a second create goes through Recruitee's search, whose index may
    // trail a fresh candidate by moments: the outbox keeps looking for this long before it creates again.
    writeSettlesWithinMs: 30_000,

    async verify() {
      // One read of the jobs proves the token, the company and the right the Jobs tab needs.
      try {
        await forbiddenTo(t('actionListJobs'), http.request(OfferList, 'offers'));
      } catch (error) {
        if (error instanceof ConnectorError && error.code === 'not-found')
          throw new ConnectorError({
            vendor: 'Recruitee',
            code: 'invalid-request',
            status: 404,
            transient: false,
            message: t('noSuchCompany', { company: companyId }),
          });
        throw error;
      }
      return { label: `Recruitee company ${companyId}`, tool: 'recruitee' };
    },

    async listJobs() {
      // GET /offers answers every offer at once (no paging); without `scope=active` archived ones come too: one page.
      const { offers } = await forbiddenTo(t('actionListJobs'), http.request(OfferList, 'offers'));
      return { jobs: offers.filter((o) => o.kind !== 'talent_pool').map(toJob), next: null };
    },

    findCandidateById: readCandidate,
    /**
     * The web app's candidate id is the API's: Recruitee's own FAQ lists "Candidate ID: … in the URL, after
     * candidate=" among the IDs "needed for an API call" (support.recruitee.com/en/articles/8213076-faq-api), and the
     * API's own `adminapp_url` is `https://app.recruitee.com/#/…?candidate=<API id>&company=<company id>`.
     */
    findCandidateByRemoteId: readCandidate,
    async findCandidatesByRemoteIds(ids) {
      const found = await mapLimit([...new Set(ids)], READS_AT_ONCE, readCandidate);
      return found.filter((c): c is AtsCandidate => c !== null);
    },

    /**
     * `GET /search/new/candidates` (on Recruitee's endpoint list) with a full-text filter; its search is fuzzy, so a
     * hit counts only when one of its `emails` is the address itself (case aside).
     */
    async findCandidateByEmail(email) {
      const wanted = email.trim().toLowerCase();
      if (!wanted) return null;
      const query = new URLSearchParams({ filters_json: JSON.stringify([{ field: 'all', query: email.trim() }]), limit: String(EMAIL_HITS), page: '1' });
      const { hits } = await forbiddenTo(t('actionReadCandidates'), http.request(SearchHits, 'search/new/candidates', { query: query.toString() }));
      const hit = hits.find((h) => h.emails.some((e) => e.trim().toLowerCase() === wanted));
      return hit ? readCandidate(String(hit.id)) : null;
    },

    /**
     * Hires are placements with `hired_at`. `GET /candidates` has no hired filter (only qualified/disqualified), so the
     * list is paged by `offset` and each page's hires are kept; the cursor is the next offset.
     */
    async listHiredApplications({ cursor }) {
      const offset = cursor ? Number(cursor) : 0;
      const query = new URLSearchParams({ limit: String(CANDIDATES_PER_PAGE), offset: String(offset) });
      const { candidates, references } = await forbiddenTo(t('actionReadCandidates'), http.request(CandidateList, 'candidates', { query: query.toString() }));
      const items: HiredApplication[] = candidates.flatMap((c) => {
        const candidate = toCandidate(c, references);
        return c.placements
          .filter((p) => p.hired_at)
          .map((p) => {
            const startDate = day(p.job_starts_at);
            const application = candidate.applications.find((a) => a.id === String(p.id));
            return {
              applicationId: String(p.id),
              candidate,
              startDate,
              startDateGap: startDate ? undefined : ('no-start-date' as const),
              jobId: String(p.offer_id),
              jobName: application?.jobName,
              hiredAt: p.hired_at,
              cv: c.cv_url ? { url: c.cv_url } : undefined,
            };
          });
      });
      return { items, next: candidates.length === CANDIDATES_PER_PAGE ? String(offset + CANDIDATES_PER_PAGE) : null };
    },

    /**
     * Recruitee has no offer letters in its API (its "offers" are jobs). The one start date it keeps is the hired
     * placement's `job_starts_at`, asked for when a candidate is moved to Hired; that is the date given here.
     */
    async hireStartDate(applicationId): Promise<HireStartDate> {
      const placement = placements.get(applicationId);
      if (!placement)
        throw new ConnectorError({ vendor: 'Recruitee', code: 'not-found', transient: false, message: t('unknownApplication', { id: applicationId }) });
      if (!placement.hired_at) return { gap: 'no-accepted-offer' };
      const startDate = day(placement.job_starts_at);
      return startDate ? { startDate } : { gap: 'no-start-date' };
    },

    async createApplication(input) {
      const warnings: string[] = [];
      const jobId = Number(input.jobId);
      let candidateId: string;
      let applicationId: string;
      let linkAdded = !!input.link;
      if (input.existingCandidateId !== null) {
        // An existing candidate is put on the job as a new placement (POST /placements).
        candidateId = input.existingCandidateId;
        const { placement } = await forbiddenTo(
          t('actionAddCandidates'),
          http.request(PlacementCreated, 'placements', {
            method: 'POST',
            body: { candidate_id: Number(candidateId), offer_id: jobId },
            timeoutMs: input.waitMs,
          }),
        );
        applicationId = String(placement.id);
        const finished = await addSourceAndLink(candidateId, input);
        if (finished.length) linkAdded = false;
        warnings.push(...finished);
      } else {
        // POST /candidates with `offers`: "assigned with default stage" (docs.recruitee.com/reference/candidates-post).
        const { firstName, lastName, email, phone } = input.candidate;
        const { candidate } = await forbiddenTo(
          t('actionAddCandidates'),
          http.request(CandidateShow, 'candidates', {
            method: 'POST',
            body: {
              candidate: {
                name: `${firstName} ${lastName}`.trim(),
                emails: [email.trim()],
                ...(phone ? { phones: [phone] } : {}),
                sources: [input.sourceName],
                ...(input.link ? { links: [input.link.url] } : {}),
              },
              offers: [jobId],
            },
            timeoutMs: input.waitMs,
          }),
        );
        candidateId = String(candidate.id);
        const placement =
          candidate.placements.find((p) => p.offer_id === jobId) ?? (await readCandidate(candidateId))?.applications.find((a) => a.jobId === String(jobId));
        if (!placement)
          throw new ConnectorError({ vendor: 'Recruitee', code: 'invalid-request', transient: false, message: t('noPlacement', { job: input.jobId }) });
        applicationId = String(placement.id);
      }
      if (input.answers.length) warnings.push(t('answersNotSent'));
      let cvAttached = false;
      if (input.cv) {
        // The CV as a file, multipart `candidate[cv]` (candidates/:id/update_cv on Recruitee's endpoint list).
        const form = new FormData();
        form.append('candidate[cv]', base64ToBlob(input.cv.base64, 'application/pdf'), input.cv.fileName);
        try {
          await forbiddenTo(
            t('actionEditCandidates'),
            http.request(z.pick(CandidateShow, { candidate: true }), `candidates/${encodeURIComponent(candidateId)}/update_cv`, {
              method: 'PATCH',
              body: form,
            }),
          );
          cvAttached = true;
        } catch (error) {
          warnings.push(t('cvRefused', { reason: reason(error) }));
        }
      }
      return { applicationId, candidateId, existingCandidate: input.existingCandidateId !== null, cvAttached, linkAdded, warnings };
    },

    /** For an application found after its create's answer was lost: the source tag and the link back, if missing. */
    finishApplication: (ids, input) => addSourceAndLink(ids.candidateId, input),
  };
}
