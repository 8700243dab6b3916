/**
 * The sandbox's seeded world. Factorial keeps integer ids internally (rendered as strings for API versions
 * from 2026-07-01); Kombo ids are strings. The demo ATS shows the Kombo world's candidates by their remote ids,
 * as if it were the Greenhouse account behind the Kombo integration.
 */

export interface FactorialWorld {
  nextId: number;
  company: { id: number; name: string; legal_name: string };
  legalEntities: { id: number; company_id: number; country: string; legal_name: string; currency: string }[];
  teams: { id: number; company_id: number; name: string; employee_ids: number[]; lead_ids: number[] }[];
  locations: { id: number; company_id: number; name: string; country: string; city: string; main: boolean; timezone: string }[];
  employees: (Record<string, unknown> & { id: number; email: string | null; login_email: string | null })[];
  jobPostings: (Record<string, unknown> & { id: number; status: string; title: string })[];
  phases: { id: number; ats_job_posting_id: number; name: string; position: number; editable: boolean; phase_type: string }[];
  candidates: (Record<string, unknown> & { id: number; email: string | null })[];
  applications: (Record<string, unknown> & { id: number; ats_candidate_id: number; ats_job_posting_id: number })[];
  sources: { id: number; name: string; label: string; category: string; company_id: number }[];
  /** Where Factorial keeps an employee's job title: one version per employee here (a new hire has one). */
  contractVersions: (Record<string, unknown> & { id: number; employee_id: number; effective_on: string; job_title: string | null })[];
  /** custom_fields/fields (2026-07-01 `custom_fields_field`), their options and values (valuable_type Employee). */
  customFields: FactorialCustomField[];
  customFieldOptions: { id: number; field_id: number; label: string; value: string; is_active: boolean }[];
  customFieldValues: { id: number; field_id: number; valuable_type: string; valuable_id: number; value: string; custom_field_identifier: string; label: string; required: boolean }[];
}

export interface FactorialCustomField {
  id: number;
  company_id: number;
  field_type: string;
  label_text: string;
  required: boolean;
  position: number;
  slug: string;
  legal_entity_id?: number;
  legal_entity_name?: string;
}

export interface KomboAttachment {
  id: string;
  name: string;
  type: string;
  content_type: string;
  data: Buffer;
}

export interface KomboWorld {
  nextId: number;
  jobs: Record<string, unknown>[];
  candidates: Record<string, unknown>[];
  applications: Record<string, unknown>[];
  /** Offers as GET /ats/offers has them; an application lists its own as `{id, remote_id, status}`. */
  offers: Record<string, unknown>[];
  attachments: KomboAttachment[];
  resultLinks: { application_id: string; label: string; url: string }[];
  tags: { candidate_id: string; name: string }[];
  /**
   * Kombo's "Only Sync Created Applications" (dashboard setting): when on, the API shows only applications created
   * through Kombo or imported with POST /ats/import-tracked-application, and only candidates with one of those.
   */
  syncOnlyCreated: boolean;
  /** Application ids Kombo tracks under that setting. */
  tracked: Set<string>;
  /** Real Kombo fetches an imported application "during the next sync": when set, imports wait for one. */
  importsWaitForSync: boolean;
  pendingImports: Set<string>;
  /** Records of a write still under way (a `slow-commit` fault): id -> when they become visible to reads. */
  uncommitted: Map<string, number>;
  /** GET /ats/actions/ats_create_application's `attachment_restrictions` (null: Kombo does not know them). */
  attachmentRestrictions: Record<string, unknown> | null;
}

export interface World {
  factorial: FactorialWorld;
  kombo: KomboWorld;
}

const T0 = '2026-10-01T09:00:00.000Z';

export function seedFactorial(): FactorialWorld {
  const world: FactorialWorld = {
    nextId: 5000,
    company: { id: 1, name: 'Hirebridge Demo', legal_name: 'Hirebridge Demo S.L.' },
    legalEntities: [
      { id: 11, company_id: 1, country: 'es', legal_name: 'Hirebridge Demo S.L.', currency: 'EUR' },
      { id: 12, company_id: 1, country: 'de', legal_name: 'Hirebridge Demo GmbH', currency: 'EUR' },
    ],
    teams: [
      { id: 21, company_id: 1, name: 'Engineering', employee_ids: [101], lead_ids: [] },
      { id: 22, company_id: 1, name: 'Sales', employee_ids: [], lead_ids: [] },
      { id: 23, company_id: 1, name: 'People', employee_ids: [], lead_ids: [] },
    ],
    locations: [
      { id: 31, company_id: 1, name: 'Barcelona HQ', country: 'es', city: 'Barcelona', main: true, timezone: 'Europe/Madrid' },
      { id: 32, company_id: 1, name: 'Berlin Office', country: 'de', city: 'Berlin', main: false, timezone: 'Europe/Berlin' },
      { id: 33, company_id: 1, name: 'Lisbon Hub', country: 'pt', city: 'Lisbon', main: false, timezone: 'Europe/Lisbon' },
      { id: 34, company_id: 1, name: 'London Office', country: 'gb', city: 'London', main: false, timezone: 'Europe/London' },
    ],
    employees: [
      employee(101, 'Marta', 'Serrano', 'marta.serrano@example.com', 11),
      employee(102, 'Jonas', 'Becker', 'jonas.becker@example.com', 12),
    ],
    jobPostings: [],
    phases: [],
    candidates: [],
    applications: [],
    sources: [
      { id: 61, name: 'linkedin', label: 'LinkedIn', category: 'social_media', company_id: 1 },
      { id: 62, name: 'referral', label: 'Referral', category: 'referral', company_id: 1 },
    ],
    contractVersions: [],
    // One optional field company-wide; required ones are added per test (POST /__sandbox/factorial/custom-fields).
    customFields: [{ id: 501, company_id: 1, field_type: 'single_choice', label_text: 'T-Shirt Size', required: false, position: 1, slug: 'tshirt_size' }],
    customFieldOptions: ['S', 'M', 'L'].map((v, i) => ({ id: 511 + i, field_id: 501, label: v, value: v, is_active: true })),
    customFieldValues: [],
  };
  world.contractVersions.push(contractVersion(151, 101, '2024-03-01', 'Engineering Manager'), contractVersion(152, 102, '2025-01-15', 'Account Executive'));
  const postings: [string, string, number, number][] = [
    ['Backend Engineer', 'published', 31, 11],
    ['Frontend Engineer', 'published', 32, 12],
    ['Account Executive', 'published', 34, 11],
    ['People Partner', 'published', 31, 11],
    ['Data Analyst', 'unlisted', 33, 11],
    ['Customer Success Manager', 'published', 32, 12],
    ['Product Designer', 'draft', 31, 11],
    ['QA Engineer', 'archived', 33, 11],
    ['Office Manager', 'cancelled', 34, 11],
    ['Site Reliability Engineer', 'published', 32, 12],
    ['Recruiter', 'published', 31, 11],
    ['Finance Controller', 'published', 33, 11],
  ];
  postings.forEach(([title, status, location, entity], i) => world.jobPostings.push(jobPosting(201 + i, title, status, location, entity)));
  let phaseId = 301;
  for (const posting of world.jobPostings) {
    (['initial', 'screening', 'interview', 'offer', 'hired'] as const).forEach((type, position) =>
      world.phases.push({
        id: phaseId++,
        ats_job_posting_id: posting.id,
        name: { initial: 'Applied', screening: 'Screening', interview: 'Interview', offer: 'Offer', hired: 'Hired' }[type],
        position,
        editable: type !== 'hired',
        phase_type: type,
      }),
    );
  }
  const people: [number, string, string, string, number, string][] = [
    [401, 'Lucía', 'Fernández', 'lucia.fernandez@example.com', 201, 'hired'],
    [402, 'Tom', 'Walker', 'tom.walker@example.com', 203, 'interview'],
    [403, 'Inês', 'Costa', 'ines.costa@example.com', 205, 'hired'],
    [404, 'Pablo', 'Ruiz', 'pablo.ruiz@example.com', 204, 'screening'],
  ];
  let appId = 501;
  for (const [id, first, last, email, jobId, phaseType] of people) {
    world.candidates.push(atsCandidate(id, first, last, email));
    const phase = world.phases.find((p) => p.ats_job_posting_id === jobId && p.phase_type === phaseType)!;
    // From API 2026-07-01 an application carries its CV (read-only): Lucía's has one.
    const cv = id === 401 ? { cv: { filename: 'Lucia-Fernandez-CV.pdf', url: 'https://demo.factorial.example/ats/cv/401.pdf', byte_size: 48_213, content_type: 'application/pdf', created_at: T0 } } : {};
    world.applications.push(atsApplication(appId++, id, jobId, phase.id, cv));
  }
  return world;
}

/** A contract version as the 2026-07-01 spec lists it (its required fields, and the job title). */
export function contractVersion(id: number, employeeId: number, effectiveOn: string, jobTitle: string | null) {
  return {
    id,
    company_id: 1,
    employee_id: employeeId,
    effective_on: effectiveOn,
    starts_on: effectiveOn,
    job_title: jobTitle,
    has_payroll: false,
    bank_holiday_treatment: 'non_workable',
    fr_forfait_jours: false,
    created_at: T0,
    updated_at: T0,
  };
}

export function employee(id: number, first: string, last: string, email: string, legalEntityId: number, locationId = 31) {
  return {
    id,
    access_id: id + 1000,
    first_name: first,
    last_name: last,
    full_name: `${first} ${last}`,
    email,
    login_email: email,
    company_id: 1,
    legal_entity_id: legalEntityId,
    location_id: locationId,
    attendable: true,
    created_at: T0,
    updated_at: T0,
    is_terminating: false,
    terminated_on: null,
    phone_number: null,
    manager_id: null,
  };
}

function jobPosting(id: number, title: string, status: string, locationId: number, legalEntityId: number) {
  return {
    id,
    company_id: 1,
    ats_company_id: 1,
    title,
    description: `<p>${title} at Hirebridge Demo.</p>`,
    contract_type: 'indefinite',
    workplace_type: 'hybrid',
    remote: false,
    status,
    schedule_type: 'full_time',
    team_id: 21,
    location_id: locationId,
    legal_entity_id: legalEntityId,
    cv_requirement: 'mandatory',
    cover_letter_requirement: 'optional',
    phone_requirement: 'optional',
    photo_requirement: 'do_not_ask',
    personal_url_requirement: 'do_not_ask',
    salary_period: 'annual',
    url: `https://demo.factorial.example/job_posting/${id}`,
    published_at: status === 'draft' ? null : T0,
    created_at: T0,
  };
}

export function atsCandidate(id: number, first: string, last: string, email: string | null, extra: Record<string, unknown> = {}) {
  return {
    id,
    company_id: 1,
    first_name: first,
    last_name: last,
    full_name: `${first} ${last}`,
    email,
    talent_pool: false,
    phone_number: null,
    created_at: T0,
    updated_at: T0,
    ats_job_posting_ids: [],
    personal_url: null,
    source_id: null,
    ...extra,
  };
}

export function atsApplication(id: number, candidateId: number, jobId: number, phaseId: number | null, extra: Record<string, unknown> = {}) {
  return {
    id,
    company_id: 1,
    ats_job_posting_id: jobId,
    ats_candidate_id: candidateId,
    ats_application_phase_id: phaseId,
    qualified: true,
    created_at: T0,
    cover_letter: null,
    source_id: null,
    ...extra,
  };
}

// ---------------------------------------------------------------- Kombo (a Greenhouse account behind it)

const STAGES = ['Applied', 'Screening', 'Interview', 'Offer', 'Hired'];

export function komboJob(n: number, name: string, country: string, city: string, status = 'OPEN', extra: Record<string, unknown> = {}) {
  const id = `KJ${String(n).padStart(6, '0')}`;
  return {
    id,
    remote_id: String(4_400_000 + n),
    name,
    job_code: `JC-${n}`,
    description: `<p>${name}</p>`,
    confidential: false,
    weekly_hours: 40,
    employment_type: 'FULL_TIME',
    status,
    visibility: 'PUBLIC',
    category: null,
    department: 'Engineering',
    post_url: `https://boards.greenhouse.io/hirebridgedemo/jobs/${4_400_000 + n}`,
    experience_level: null,
    remote_work_status: 'HYBRID',
    salary_amount: null,
    salary_amount_from: null,
    salary_amount_to: null,
    salary_currency: null,
    salary_period: null,
    location: { city, country, raw: `${city}, ${country}`, state: null, street_1: null, street_2: null, zip_code: null },
    custom_fields: {},
    integration_fields: [],
    remote_url: `https://app.greenhouse.io/sdash/${4_400_000 + n}`,
    opened_at: T0,
    closed_at: status === 'CLOSED' ? T0 : null,
    remote_created_at: T0,
    remote_updated_at: T0,
    contact_id: null,
    remote_data: null,
    changed_at: T0,
    remote_deleted_at: null,
    stages: STAGES.map((stage, index) => ({ id: `${id}-S${index}`, remote_id: String(index + 1), name: stage, remote_data: null, index })),
    screening_questions: [],
    job_postings: [],
    hiring_team: [],
    ...extra,
  };
}

const QUESTIONS = (jobId: string) => [
  {
    id: `${jobId}-Q1`,
    remote_id: '1',
    title: 'Do you have the right to work in the EU?',
    description: null,
    format: { type: 'BOOLEAN' },
    category: null,
    index: 0,
    required: true,
    precondition_question_id: null,
    precondition_options: null,
  },
  {
    id: `${jobId}-Q2`,
    remote_id: '2',
    title: 'Years of professional experience',
    description: null,
    format: { type: 'NUMBER', display_type: 'FIELD', min: 0, max: 60 },
    category: null,
    index: 1,
    required: true,
    precondition_question_id: null,
    precondition_options: null,
  },
  {
    id: `${jobId}-Q3`,
    remote_id: '3',
    title: 'Preferred work setup',
    description: null,
    format: {
      type: 'SINGLE_SELECT',
      display_type: 'DROPDOWN',
      options: [
        { id: `${jobId}-Q3-O1`, remote_id: 'o1', name: 'Office' },
        { id: `${jobId}-Q3-O2`, remote_id: 'o2', name: 'Hybrid' },
        { id: `${jobId}-Q3-O3`, remote_id: 'o3', name: 'Remote' },
      ],
    },
    category: null,
    index: 2,
    required: false,
    precondition_question_id: null,
    precondition_options: null,
  },
  {
    id: `${jobId}-Q4`,
    remote_id: '4',
    title: 'Anything else we should know?',
    description: null,
    format: { type: 'TEXT', display_type: 'MULTI_LINE', max_length: 2000 },
    category: null,
    index: 3,
    required: false,
    precondition_question_id: null,
    precondition_options: null,
  },
  {
    id: `${jobId}-Q5`,
    remote_id: '5',
    title: 'Languages you work in',
    description: null,
    format: {
      type: 'MULTI_SELECT',
      display_type: 'CHECKBOXES',
      options: [
        { id: `${jobId}-Q5-O1`, remote_id: 'l1', name: 'English' },
        { id: `${jobId}-Q5-O2`, remote_id: 'l2', name: 'Spanish' },
        { id: `${jobId}-Q5-O3`, remote_id: 'l3', name: 'German' },
      ],
    },
    category: null,
    index: 4,
    required: false,
    precondition_question_id: null,
    precondition_options: null,
  },
  {
    id: `${jobId}-Q6`,
    remote_id: '6',
    title: 'Earliest start date',
    description: null,
    format: { type: 'DATE' },
    category: null,
    index: 5,
    required: true,
    precondition_question_id: null,
    precondition_options: null,
  },
  {
    id: `${jobId}-Q7`,
    remote_id: '7',
    title: 'Portfolio',
    description: null,
    format: { type: 'FILE' },
    category: null,
    index: 6,
    required: false,
    precondition_question_id: null,
    precondition_options: null,
  },
];

export function seedKombo(): KomboWorld {
  const jobs = [
    komboJob(1, 'Senior Backend Engineer', 'ES', 'Barcelona'),
    komboJob(2, 'Frontend Engineer', 'DE', 'Berlin'),
    komboJob(3, 'Account Executive', 'GB', 'London'),
    komboJob(4, 'Data Engineer', 'PT', 'Lisbon'),
    komboJob(5, 'Customer Success Manager', 'US', 'New York'),
    komboJob(6, 'Product Manager', 'FR', 'Paris'),
    komboJob(7, 'People Partner', 'ES', 'Madrid'),
    komboJob(8, 'Mobile Engineer', 'DE', 'Munich'),
    komboJob(9, 'Sales Development Representative', 'ES', 'Valencia'),
    komboJob(10, 'Site Reliability Engineer', 'PT', 'Porto'),
    komboJob(11, 'Security Engineer', 'GB', 'Manchester'),
    komboJob(12, 'Technical Recruiter', 'US', 'Austin'),
    komboJob(13, 'Office Manager', 'ES', 'Barcelona', 'CLOSED'),
    komboJob(14, 'Brand Designer', 'FR', 'Lyon', 'DRAFT'),
    komboJob(15, 'Legacy Support Role', 'DE', 'Hamburg', 'OPEN', { remote_deleted_at: T0 }),
  ];
  for (const job of jobs.slice(0, 3)) job.screening_questions = QUESTIONS(job.id as string) as never[];

  const world: KomboWorld = {
    nextId: 1000,
    jobs,
    candidates: [],
    applications: [],
    offers: [],
    attachments: [],
    resultLinks: [],
    tags: [],
    syncOnlyCreated: false,
    tracked: new Set(),
    importsWaitForSync: false,
    pendingImports: new Set(),
    uncommitted: new Map(),
    attachmentRestrictions: null,
  };
  const people: [string, string, string, string, number, number][] = [
    // first, last, email, phone, job n, stage index (4 = Hired)
    ['Marta', 'Serrano', 'marta.serrano@example.com', '+34 600 111 222', 1, 4],
    ['Lucas', 'Moreau', 'lucas.moreau@example.com', '+33 6 12 34 56 78', 6, 4],
    ['Aisha', 'Khan', 'aisha.khan@example.com', '+44 7700 900123', 3, 4],
    ['Sofia', 'Almeida', 'sofia.almeida@example.com', '+351 912 345 678', 4, 4],
    ['Daniel', 'Weber', 'daniel.weber@example.com', '+49 151 2345 6789', 2, 2],
    ['Emma', 'Johnson', 'emma.johnson@example.com', '+1 212 555 0147', 5, 1],
    ['Javier', 'Ortega', 'javier.ortega@example.com', '+34 611 222 333', 7, 3],
    ['Chloé', 'Dubois', 'chloe.dubois@example.com', '+33 6 98 76 54 32', 6, 0],
    ['Noah', 'Schmidt', 'noah.schmidt@example.com', '+49 160 1122 3344', 8, 2],
    ['Olivia', 'Brown', 'olivia.brown@example.com', '+44 7700 900456', 11, 1],
    ['Mateo', 'García', 'mateo.garcia@example.com', '+34 622 333 444', 9, 0],
    ['Beatriz', 'Silva', 'beatriz.silva@example.com', '+351 913 222 111', 10, 3],
  ];
  people.forEach(([first, last, email, phone, jobN, stage], i) => {
    addKomboCandidate(world, { first, last, email, phone, job: jobs[jobN - 1], stage, remoteId: String(40_112_233 + i) });
  });
  // Hires keep their start date on the accepted offer (Greenhouse's offer "starts_at"). Sofia was hired without
  // an offer in the ATS; Aisha's accepted offer has no start date; Javier's offer is out, not yet answered.
  const offerFor = (email: string, status: string, startDate: string | null) => {
    const candidate = world.candidates.find((c) => (c.email_addresses as { email_address: string }[])[0]?.email_address === email)!;
    addKomboOffer(world, world.applications.find((a) => a.candidate_id === candidate.id)!, { status, startDate });
  };
  offerFor('marta.serrano@example.com', 'ACCEPTED', '2026-11-02T00:00:00.000Z');
  offerFor('lucas.moreau@example.com', 'DECLINED', '2026-11-16T00:00:00.000Z');
  offerFor('lucas.moreau@example.com', 'ACCEPTED', '2026-12-01T00:00:00.000Z');
  offerFor('aisha.khan@example.com', 'ACCEPTED', null);
  offerFor('javier.ortega@example.com', 'SENT', '2027-01-11T00:00:00.000Z');
  return world;
}

/** An offer on an application, shaped like GET /ats/offers' results (the `application` summary is added when listed). */
export function addKomboOffer(world: KomboWorld, application: Record<string, unknown>, p: { status: string; startDate: string | null }) {
  const n = world.nextId++;
  const offer = {
    id: `KO${n}`,
    remote_id: String(70_000_000 + n),
    status: p.status,
    employment_start_date: p.startDate,
    application_id: application.id,
    custom_fields: {},
    integration_fields: [],
    changed_at: T0,
    remote_deleted_at: null,
    remote_created_at: T0,
    remote_updated_at: T0,
    remote_data: null,
  };
  world.offers.push(offer);
  return offer;
}

export function addKomboCandidate(
  world: KomboWorld,
  p: { first: string; last: string; email: string | null; phone?: string | null; job: Record<string, unknown>; stage: number; remoteId?: string },
) {
  const n = world.nextId++;
  const candidateId = `KC${n}`;
  const remoteId = p.remoteId ?? String(40_200_000 + n);
  const candidate = {
    id: candidateId,
    remote_id: remoteId,
    first_name: p.first,
    last_name: p.last,
    company: null,
    title: null,
    confidential: false,
    source: 'Sourced',
    phone_numbers: p.phone ? [{ phone_number: p.phone, type: 'MOBILE' }] : [],
    email_addresses: p.email ? [{ email_address: p.email, type: 'PERSONAL' }] : [],
    social_media: [],
    location: null,
    custom_fields: {},
    integration_fields: [],
    remote_url: `https://app.greenhouse.io/people/${remoteId}`,
    remote_created_at: T0,
    remote_updated_at: T0,
    remote_data: null,
    changed_at: T0,
    remote_deleted_at: null,
    tags: [],
  };
  world.candidates.push(candidate);
  addKomboApplication(world, candidate, p.job, p.stage);
  return candidate;
}

export function addKomboApplication(world: KomboWorld, candidate: Record<string, unknown>, job: Record<string, unknown>, stage: number, extra: Record<string, unknown> = {}) {
  const n = world.nextId++;
  const stages = job.stages as { id: string; name: string }[];
  const current = stages[Math.min(stage, stages.length - 1)];
  const application = {
    id: `KA${n}`,
    remote_id: String(90_000_000 + n),
    outcome: current.name === 'Hired' ? 'HIRED' : 'PENDING',
    rejection_reason_name: null,
    rejected_at: null,
    current_stage_id: current.id,
    job_id: job.id,
    candidate_id: candidate.id,
    screening_question_answers: [],
    custom_fields: {},
    integration_fields: [],
    remote_url: `https://app.greenhouse.io/people/${candidate.remote_id}/applications/${90_000_000 + n}`,
    changed_at: T0,
    remote_deleted_at: null,
    remote_created_at: T0,
    remote_updated_at: T0,
    remote_data: null,
    ...extra,
  };
  world.applications.push(application);
  return application;
}

export function seedWorld(): World {
  return { factorial: seedFactorial(), kombo: seedKombo() };
}
