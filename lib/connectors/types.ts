/**
 * The ports every connector implements, and the vendor-neutral shapes they return.
 * Connectors never touch the DOM, the database or the UI: they take credentials, speak HTTP and return these.
 * Ids are always strings here (Factorial switched from integers to strings on 2026-07-01; Kombo uses strings).
 */

import type { FactorialEnvironment, KomboEnvironment } from './environments';
import type { DirectAtsProvider } from './direct';
export type { FactorialEnvironment, KomboEnvironment };

/** What a connector needs to make a request. The key only lives in service-worker memory while in use. */
export interface FactorialCredentials {
  apiKey: string;
  /** Resolved base URL, e.g. https://api.factorialhr.com (no trailing slash, no /api/... suffix). */
  baseUrl: string;
}
export interface KomboCredentials {
  apiKey: string;
  integrationId: string;
  /** Resolved base URL including the version segment, e.g. https://api.kombo.dev/v1 */
  baseUrl: string;
}

/** What a successful key check tells us, shown in the card's details. */
export interface VerifiedAccount {
  /** Human label of what the key belongs to, e.g. company name or Kombo environment/integration. */
  label?: string;
  /** Factorial: the company the key belongs to (a team setup file is checked against it). */
  companyId?: string;
  /** For Kombo: the tool behind the integration, from the X-Integration-Id prefix (greenhouse, lever, factorial…). */
  tool?: string;
}

export interface LegalEntity { id: string; companyId: string; legalName: string; country?: string }
export interface Team { id: string; name: string }
export interface Location { id: string; name: string; country?: string }
export interface Employee { id: string; firstName: string; lastName: string; email?: string; loginEmail?: string }
/** An employee's contract version: where Factorial keeps the job title. */
export interface ContractVersion { id: string; employeeId: string; effectiveOn?: string; jobTitle?: string }

/** A Factorial custom field (custom_fields/fields), with its choices for single and multiple choice. */
export type CustomFieldType = 'text' | 'long_text' | 'date' | 'rating' | 'checkbox' | 'single_choice' | 'multiple_choice' | 'money' | 'cents';
export interface CustomField {
  id: string;
  label: string;
  type: CustomFieldType | string;
  required: boolean;
  /** The legal entity it belongs to (Factorial names it; the id when it gives one). */
  legalEntityId?: string;
  legalEntityName?: string;
  options?: { value: string; label: string }[];
}

export interface NewEmployee {
  companyId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  legalEntityId?: string;
  teamId?: string;
  locationId?: string;
  /** YYYY-MM-DD */
  startDate?: string;
  jobTitle?: string;
  country?: string;
  /** Factorial employee id of their manager. */
  managerId?: string;
  /** YYYY-MM-DD: set means a trial period that ends then. */
  trialPeriodEndsOn?: string;
}

export interface FactorialHrPort {
  verify(): Promise<VerifiedAccount>;
  listLegalEntities(): Promise<LegalEntity[]>;
  listTeams(): Promise<Team[]>;
  listLocations(): Promise<Location[]>;
  /** Case-insensitive match on email and login_email; null when nobody has it. */
  findEmployeeByEmail(email: string): Promise<Employee | null>;
  createEmployee(input: NewEmployee): Promise<Employee>;
  /** The employee's contract version a new hire's job title belongs on; null while Factorial has none. */
  currentContract(employeeId: string): Promise<ContractVersion | null>;
  /** Write the job title on a contract version (one PUT; the caller checks first, so it is never sent twice). */
  setJobTitle(contractVersionId: string, jobTitle: string): Promise<ContractVersion>;
  /** Active employees, to choose a manager from. */
  listEmployees(): Promise<{ id: string; name: string }[]>;
  /** Factorial's custom fields, with their active options. */
  listCustomFields(): Promise<CustomField[]>;
  /** The employee's custom-field values, by field id (read before writing: a value is never sent twice). */
  customFieldValues(employeeId: string): Promise<Map<string, string>>;
  /** Write one custom-field value on an employee (custom_fields/values, valuable_type Employee). */
  writeCustomFieldValue(fieldId: string, employeeId: string, value: string): Promise<void>;
  /** Link to the employee in Factorial's web app. */
  employeeUrl(id: string): string;
}

export type AtsJobStatus = 'open' | 'closed' | 'draft' | 'archived';

export interface ScreeningQuestion {
  id: string;
  title: string;
  required: boolean;
  /** TEXT, NUMBER, SINGLE_SELECT, MULTI_SELECT, BOOLEAN, DATE, FILE, ... as the vendor says */
  format: string;
  options?: { id: string; name: string }[];
}

export interface AtsJob {
  id: string;
  remoteId?: string;
  name: string;
  status: AtsJobStatus;
  /** True when the ATS deleted the job (Kombo remote_deleted_at). */
  deleted: boolean;
  /** ISO 3166-1 alpha-2, when known. */
  country?: string;
  locationName?: string;
  url?: string;
  screeningQuestions: ScreeningQuestion[];
  /** Vendor's change stamp when it has one (Kombo changed_at); Factorial job postings have none. */
  changedAt?: string;
}

export interface AtsJobPage {
  jobs: AtsJob[];
  /** Opaque cursor for the next page; null on the last page. */
  next: string | null;
  /**
   * The vendor's own mark to list only what changed after this listing (Ashby's `syncToken`), given back as the next
   * pull's `updatedAfter`. Absent: the next pull asks from this pull's start time.
   */
  watermark?: string;
}

export interface AtsJobQuery {
  /** Continue from a stored cursor (a pull resumes from it after the worker restarts). */
  cursor?: string | null;
  /**
   * Only jobs changed since (where `incrementalJobs`): an ISO time (the last pull's start), or the `watermark` the
   * vendor gave at the end of the last pull. A port whose vendor refuses an expired mark lists everything instead.
   */
  updatedAfter?: string;
  pageSize?: number;
}

/** A resume the ATS keeps for an application (read-only; Factorial ATS from API 2026-07-01). */
export interface AtsCv {
  url: string;
  fileName?: string;
  contentType?: string;
  byteSize?: number;
}

/** The ATS says this person is already an employee in Factorial HR (Factorial ATS: the application's employee_id). */
export interface KnownEmployee {
  id: string;
  /** Link to them in Factorial's web app. */
  url: string;
}

export interface AtsApplicationSummary {
  id: string;
  /** The id the ATS's own web app uses for the application (Kombo remote_id). */
  remoteId?: string;
  jobId?: string;
  jobName?: string;
  stageName?: string;
  hired: boolean;
  employee?: KnownEmployee;
  cv?: AtsCv;
}

/**
 * The ATS's custom fields of a hire's candidate and application, and its accepted offer's fields (Kombo:
 * `employment_start_date` and its `custom_fields`), by key; nested objects as `a.b`. Text, as a form holds it.
 */
export interface AtsValues {
  candidate?: Record<string, string>;
  application?: Record<string, string>;
  offer?: Record<string, string>;
}

export interface AtsCandidate {
  id: string;
  remoteId?: string;
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  applications: AtsApplicationSummary[];
}

/** Why the ATS gives no start date for a hire: no accepted offer, or an accepted offer without a start date. */
export type StartDateGap = 'no-accepted-offer' | 'no-start-date';
/** A hire's start date as the ATS keeps it (YYYY-MM-DD), or why there is none. */
export type HireStartDate = { startDate: string } | { gap: StartDateGap };

/** An application as the ATS's web app names it: what a page shows, for Kombo's import into tracking. */
export interface SiteApplicationIds {
  candidateRemoteId: string;
  applicationRemoteId?: string;
  jobRemoteId?: string;
}

/** Can Kombo import this application into its tracking? Either yes, or why not (the ATS cannot, an id is missing). */
export type TrackingImportPlan = { possible: true } | { possible: false; reason: 'unsupported' | 'needs-application-id' | 'needs-job-id' };

/**
 * Kombo's application tracking: with "Only Sync Created Applications" on, Kombo sees only applications created
 * through it; an ATS-created one becomes visible once imported into tracking (where the ATS supports it).
 */
export interface AtsTracking {
  plan(ids: SiteApplicationIds): TrackingImportPlan;
  /** Start tracking it. Kombo fetches the application's data with its next sync (in the sandbox: at once). */
  importApplication(ids: SiteApplicationIds): Promise<void>;
}

export interface HiredApplication {
  applicationId: string;
  candidate: AtsCandidate;
  /** From the ATS when it keeps one (Kombo: the accepted offer); else `startDateGap` says why not. */
  startDate?: string;
  startDateGap?: StartDateGap;
  jobId?: string;
  jobName?: string;
  hiredAt?: string;
  employee?: KnownEmployee;
  cv?: AtsCv;
  /** What the ATS keeps beyond its standard fields, flattened to text (the admin's field mapping may use it). */
  atsValues?: AtsValues;
}

/** A screening answer, typed by the question's format (file answers carry the file). */
export type ScreeningAnswerValue = string | number | boolean | string[] | { fileName: string; contentType: string; base64: string };
export interface ScreeningAnswer {
  questionId: string;
  value: ScreeningAnswerValue;
}

/** A sourced candidate's application to one job, as Sync to ATS sends it. */
export interface NewApplication {
  jobId: string;
  /** The ATS candidate with this email, or null: the caller has looked the email up already (it must, for duplicates). */
  existingCandidateId: string | null;
  candidate: { firstName: string; lastName: string; email: string; phone?: string; title?: string };
  /** The one CV: the PDF profile (ATSs without file upload ignore it; see `acceptsFiles`). */
  cv?: { fileName: string; base64: string };
  answers: ScreeningAnswer[];
  sourceName: string;
  /** The link back to the profile the candidate came from. */
  link?: { label: string; url: string };
  /** Plain-text assessment for ATSs that only take text (Factorial ATS puts it, with the link, in the application). */
  note?: string;
  /** How long to wait for the create's answer (bounded by the HTTP client's ceiling); default: the vendor's write wait. */
  waitMs?: number;
}

/** Whether the ATS would take a file as the application's CV, by its published attachment rules. */
export type CvCheck =
  | { ok: true }
  | { ok: false; reason: 'unsupported' }
  | { ok: false; reason: 'too-large'; maxBytes: number }
  | { ok: false; reason: 'type'; accepted: string[] };

export interface CreatedApplication {
  applicationId: string;
  candidateId: string;
  /** The candidate existed already (same email) and got the new application. */
  existingCandidate: boolean;
  /** A CV was sent and the ATS kept it (no warning of the vendor's says it refused a file). */
  cvAttached: boolean;
  linkAdded: boolean;
  /** Something that did not go through but did not stop the sync (e.g. the result link), and every warning the vendor gave, in plain words. */
  warnings: string[];
}

/** Every way to reach an ATS: Factorial's own, through Kombo, or one of the direct connectors (lib/connectors/direct.ts). */
export type AtsProvider = 'factorial-ats' | 'kombo' | DirectAtsProvider;

export interface AtsPort {
  readonly provider: AtsProvider;
  /**
   * The job listing takes `updatedAfter` (only jobs changed since), so a pull may be incremental; complete listings
   * still run now and then to see deletions (`forgetsDeletedAfterMs`). Absent or false: every pull lists everything.
   */
  readonly incrementalJobs?: boolean;
  /** Whether the API takes the PDF profile as a file (Kombo does; Factorial's public API has no file upload). */
  readonly acceptsFiles: boolean;
  /**
   * How long a write may still be under way on the vendor's side after the client stopped waiting (Kombo: its own
   * task limit). Until then a write without an answer may yet appear: look it up, do not send it again.
   */
  readonly writeSettlesWithinMs: number;
  verify(): Promise<VerifiedAccount>;
  listJobs(query: AtsJobQuery): Promise<AtsJobPage>;
  findCandidateById(id: string): Promise<AtsCandidate | null>;
  /**
   * The id the ATS's own web app shows (Kombo remote_ids); for Factorial ATS the same as findCandidateById. `page` has
   * every id the page's URL gave (its application and job too), for an ATS whose pages name the application rather
   * than the person.
   */
  findCandidateByRemoteId(remoteId: string, page?: SiteApplicationIds): Promise<AtsCandidate | null>;
  findCandidateByEmail(email: string): Promise<AtsCandidate | null>;
  /** Many candidates by the ids their ATS web app shows, in as few requests as the API allows. */
  findCandidatesByRemoteIds(remoteIds: string[]): Promise<AtsCandidate[]>;
  listHiredApplications(query: { cursor?: string | null; /** Read the candidates' custom fields too (one more request a page; only when mapped). */ candidateCustomFields?: boolean }): Promise<{ items: HiredApplication[]; next: string | null }>;
  /** The hire's start date from the ATS (Kombo: the application's accepted offer); absent where the ATS keeps none. */
  hireStartDate?(applicationId: string): Promise<HireStartDate>;
  /** Present where the API tracks only some applications (Kombo). */
  readonly tracking?: AtsTracking;
  /**
   * How long the API keeps a deleted record before it drops it from every listing (Kombo: 14 days). An incremental
   * pull older than that can no longer see deletions: absent where listings are always complete.
   */
  readonly forgetsDeletedAfterMs?: number;
  /** Apply a candidate to a job; an existing candidate with the same email gets the application. */
  createApplication(input: NewApplication): Promise<CreatedApplication>;
  /**
   * The follow-ups a create does after its answer (link back, source tag), for an application found later (its create's
   * answer was lost to a timeout). Returns their warnings. Absent where the create has none.
   */
  finishApplication?(ids: { applicationId: string; candidateId: string }, input: Pick<NewApplication, 'link' | 'sourceName'>): Promise<string[]>;
  /** Check a CV against the ATS's attachment rules before sending (absent where the ATS publishes none). */
  checkCv?(cv: { sizeBytes: number; contentType: string }): Promise<CvCheck>;
}
