// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import { ADAPTERS, adapterById, adapterForUrl, ashby, factorialAts, greenhouse, lever, recruitee, screenloop, smartrecruiters, teamtailor, workable } from '@/lib/sites/adapters';
import { demoAts } from '@/lib/sites/adapters/demo-ats';
import { matchesPattern } from '@/lib/sites/match-pattern';
import type { CandidateOnPage, SiteAdapter } from '@/lib/sites/types';

/**
 * Every site adapter against fixture pages shaped like its ATS's markup (tests/fixtures/sites/<id>/). Each fixture
 * has a hired and a not-hired candidate, a hostile one (markup in the name, a malformed mailto), and rows/cards
 * whose id attribute is not an id.
 */

// A path string: in happy-dom, the global URL is not Node's, and fileURLToPath refuses it.
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');

function fixture(adapterId: string, name: string): Document {
  // DOMParser: an inert document, like the page the adapter reads (no scripts run, nothing loads).
  return new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, adapterId, name), 'utf8'), 'text/html');
}

const HOSTILE_NAME = '<img src=x onerror=alert(1)> Mallory';
const ANA = { fullName: 'Ana García López', email: 'ana.garcia@example.com', phone: '+34600111222', jobTitle: 'Senior Backend Engineer' };
const BEN = { fullName: 'Ben Okafor', email: 'ben.okafor@example.org', phone: '+442079460958', jobTitle: 'Product Designer' };
// Mallory's mailto is malformed (`%@`): that one field is lost, the rest of the page still works.
const MALLORY = { fullName: HOSTILE_NAME, email: undefined, phone: '+15550100', jobTitle: 'Senior Backend Engineer' };
const CHLOE = { fullName: 'Chloé Martin', email: 'chloe.martin@example.com' };

interface Case {
  adapter: SiteAdapter;
  /** A candidate page URL for an id. */
  candidateUrl(id: string): string;
  /** Candidate page URLs with their id, on every real host and in the URL shapes the ATS uses. */
  candidatePages: [url: string, id: string][];
  listUrls: string[];
  pipelineUrls: string[];
  /** Pages of the same app that are none of the three kinds. */
  otherUrls: string[];
  /** URLs where a candidate id would go, holding something that is not one. */
  notIdUrls: string[];
  /** Hosts that look like the ATS's and are not. */
  lookalikes: string[];
  /** What the candidate page's buttons anchor to. */
  anchor: string;
  ids: { hired: string; other: string; hostile: string; chloe: string };
  stages: { hired: string; other: string; offer: string };
  /** The candidate list reads phones (the demo ATS's list has no phone column). */
  listPhones: boolean;
}

const UUID = (n: number) => `1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0${n}`;

const CASES: Case[] = [
  {
    adapter: demoAts,
    candidateUrl: (id) => `http://127.0.0.1:5173/demo-ats/candidates/${id}`,
    candidatePages: [
      ['http://127.0.0.1:5173/demo-ats/candidates/4400001', '4400001'],
      ['http://localhost:4321/demo-ats/candidates/4400002/', '4400002'],
    ],
    listUrls: ['http://127.0.0.1:5173/demo-ats/candidates', 'http://localhost:4321/demo-ats/candidates/'],
    pipelineUrls: ['http://127.0.0.1:5173/demo-ats/jobs/1/pipeline'],
    otherUrls: ['http://127.0.0.1:5173/demo-ats/jobs', 'http://127.0.0.1:5173/demo-ats/candidates/4400001/notes'],
    notIdUrls: ['http://127.0.0.1:5173/demo-ats/candidates/%3Cimg%20src%3Dx%3E', 'http://127.0.0.1:5173/demo-ats/candidates/a.b'],
    lookalikes: ['http://127.0.0.1.evil.com/demo-ats/candidates/1', 'http://evil.com/demo-ats/candidates/1', 'http://127.0.0.1:5173/other-app/candidates/1', 'http://localhost:5173/'],
    anchor: '.candidate-actions',
    ids: { hired: '4400001', other: '4400002', hostile: '4400003', chloe: '4400004' },
    stages: { hired: 'Hired', other: 'Interview', offer: 'Offer' },
    listPhones: false,
  },
  {
    adapter: greenhouse,
    candidateUrl: (id) => `https://app.greenhouse.io/people/${id}`,
    candidatePages: [
      ['https://app.greenhouse.io/people/48213377', '48213377'],
      ['https://app2.greenhouse.io/people/48213377?application_id=51234567', '48213377'],
      // A plain fragment must not hide the page (it did: the hash was part of the route).
      ['https://app4.greenhouse.io/people/48213378#candidate_details', '48213378'],
      ['https://app6.greenhouse.io/people/48213378/activity', '48213378'],
    ],
    listUrls: ['https://app.greenhouse.io/people', 'https://app3.greenhouse.io/people?stage_status_id=2&job_id=612345'],
    pipelineUrls: ['https://app.greenhouse.io/plans/612345/pipeline', 'https://app5.greenhouse.io/plans/612345/pipeline?stage=hired'],
    otherUrls: ['https://app.greenhouse.io/dashboard', 'https://app.greenhouse.io/configure/users', 'https://app.greenhouse.io/plans/612345/jobapp', 'https://app.greenhouse.io/'],
    // "Add a candidate" lives at /people/new: not a candidate page.
    notIdUrls: ['https://app.greenhouse.io/people/new', 'https://app.greenhouse.io/people/%3Cimg%3E', 'https://app.greenhouse.io/people/1.2'],
    lookalikes: [
      'https://app.greenhouse.io.evil.com/people/1',
      'https://evilgreenhouse.io/people/1',
      'https://app.evilgreenhouse.io/people/1',
      'https://app.greenhouse.io-evil.com/people/1',
      'https://greenhouse.io/people/1',
      'https://boards.greenhouse.io/acme/jobs/1',
      'http://app.greenhouse.io/people/1',
    ],
    anchor: '[data-provides="person-header-actions"]',
    ids: { hired: '48213377', other: '48213378', hostile: '48213379', chloe: '48213380' },
    stages: { hired: 'Hired', other: 'Face to Face', offer: 'Offer' },
    listPhones: true,
  },
  {
    adapter: lever,
    candidateUrl: (id) => `https://hire.lever.co/candidates/${id}`,
    candidatePages: [
      ['https://hire.lever.co/candidates/1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0c', '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0c'],
      ['https://hire.lever.co/candidates/2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d/feedback?tab=interviews', '2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d'],
    ],
    listUrls: ['https://hire.lever.co/candidates', 'https://hire.lever.co/candidates/?stage=offer'],
    pipelineUrls: [`https://hire.lever.co/jobs/postings/${UUID(1)}/pipeline`],
    otherUrls: ['https://hire.lever.co/settings/integrations', 'https://hire.lever.co/interviews', `https://hire.lever.co/jobs/postings/${UUID(1)}`],
    notIdUrls: ['https://hire.lever.co/candidates/new', 'https://hire.lever.co/candidates/%22%3E%3Cscript%3E'],
    lookalikes: ['https://hire.lever.co.evil.com/candidates/1', 'https://evilhire.lever.co/candidates/1', 'https://hire-lever.co/candidates/1', 'https://jobs.lever.co/acme/1', 'http://hire.lever.co/candidates/1'],
    anchor: '.profile-header-actions',
    ids: {
      hired: '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0c',
      other: '2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d',
      hostile: '3a7f6b40-5d5e-4a81-9c03-4f5a6b7c8d9e',
      chloe: '4f6a7c59-4e6f-4b92-8d14-5a6b7c8d9e0f',
    },
    stages: { hired: 'Hired', other: 'On-site interview', offer: 'Offer' },
    listPhones: true,
  },
  {
    adapter: ashby,
    candidateUrl: (id) => `https://app.ashbyhq.com/candidates/${id}`,
    candidatePages: [
      ['https://app.ashbyhq.com/candidates/8f14e45f-ceea-467f-a0e6-0c4f2b0c1a11', '8f14e45f-ceea-467f-a0e6-0c4f2b0c1a11'],
      ['https://app.ashbyhq.com/candidates/9a25f56a-dffb-478a-b1f7-1d5a3c1d2b22/feedback', '9a25f56a-dffb-478a-b1f7-1d5a3c1d2b22'],
    ],
    listUrls: ['https://app.ashbyhq.com/candidates'],
    pipelineUrls: [`https://app.ashbyhq.com/jobs/${UUID(2)}/pipeline`, `https://app.ashbyhq.com/jobs/${UUID(2)}/pipeline/active`],
    otherUrls: ['https://app.ashbyhq.com/admin/settings', 'https://app.ashbyhq.com/home', `https://app.ashbyhq.com/jobs/${UUID(2)}/overview`],
    notIdUrls: ['https://app.ashbyhq.com/candidates/search', 'https://app.ashbyhq.com/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.ashbyhq.com.evil.com/candidates/1', 'https://evilashbyhq.com/candidates/1', 'https://app.ashbyhq.co/candidates/1', 'https://jobs.ashbyhq.com/acme/1', 'http://app.ashbyhq.com/candidates/1'],
    anchor: '[data-testid="candidate-header-actions"]',
    ids: {
      hired: '8f14e45f-ceea-467f-a0e6-0c4f2b0c1a11',
      other: '9a25f56a-dffb-478a-b1f7-1d5a3c1d2b22',
      hostile: '0b36a67b-e00c-489b-82a8-2e6b4d2e3c33',
      chloe: '1c47b78c-f11d-49ac-93b9-3f7c5e3f4d44',
    },
    stages: { hired: 'Hired', other: 'Technical Interview', offer: 'Offer' },
    listPhones: true,
  },
  {
    adapter: workable,
    candidateUrl: (id) => `https://acme.workable.com/backend/candidates/${id}`,
    candidatePages: [
      ['https://acme.workable.com/backend/candidates/3f9a1c2', '3f9a1c2'],
      ['https://globex-eu.workable.com/backend/jobs/2547712/candidates/4e8b2d3', '4e8b2d3'],
      ['https://acme.workable.com/backend/jobs/2547712/candidates/4e8b2d3/timeline', '4e8b2d3'],
    ],
    listUrls: ['https://acme.workable.com/backend/candidates', 'https://acme.workable.com/backend/jobs/2547712/candidates'],
    pipelineUrls: ['https://acme.workable.com/backend/jobs/2547712/browser', 'https://acme.workable.com/backend/jobs/2547712/browser/hired'],
    otherUrls: ['https://acme.workable.com/backend/settings/company', 'https://acme.workable.com/backend', 'https://apply.workable.com/acme/j/ABC123/'],
    notIdUrls: ['https://acme.workable.com/backend/candidates/new', 'https://acme.workable.com/backend/candidates/%3Cimg%3E'],
    lookalikes: ['https://acme.workable.com.evil.com/backend/candidates/1', 'https://evilworkable.com/backend/candidates/1', 'https://workable.com.attacker.net/backend/candidates/1', 'https://acme.workable.co/backend/candidates/1', 'http://acme.workable.com/backend/candidates/1'],
    anchor: '[data-ui="candidate-actions"]',
    ids: { hired: '3f9a1c2', other: '4e8b2d3', hostile: '5d7c3e4', chloe: '6c6d4f5' },
    stages: { hired: 'Hired', other: 'Interview', offer: 'Offer' },
    listPhones: true,
  },
  {
    adapter: teamtailor,
    candidateUrl: (id) => `https://app.teamtailor.com/app/candidates/${id}`,
    candidatePages: [
      ['https://app.teamtailor.com/app/candidates/41877321', '41877321'],
      ['https://app.teamtailor.com/app/companies/acme/candidates/41877322/activity', '41877322'],
    ],
    listUrls: ['https://app.teamtailor.com/app/candidates', 'https://app.teamtailor.com/app/companies/acme/candidates/'],
    pipelineUrls: ['https://app.teamtailor.com/app/jobs/3098812/stages', 'https://app.teamtailor.com/app/companies/acme/jobs/3098812/stages/board'],
    otherUrls: ['https://app.teamtailor.com/app/settings/general', 'https://app.teamtailor.com/app/dashboard', 'https://acme.teamtailor.com/jobs/3098812-senior-backend-engineer'],
    notIdUrls: ['https://app.teamtailor.com/app/candidates/new', 'https://app.teamtailor.com/app/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.teamtailor.com.evil.com/app/candidates/1', 'https://evilteamtailor.com/app/candidates/1', 'https://teamtailor.com.evil.io/app/candidates/1', 'http://app.teamtailor.com/app/candidates/1'],
    anchor: '[data-test="candidate-actions"]',
    ids: { hired: '41877321', other: '41877322', hostile: '41877323', chloe: '41877324' },
    stages: { hired: 'Hired', other: 'Interview', offer: 'Offer' },
    listPhones: true,
  },
  {
    adapter: smartrecruiters,
    candidateUrl: (id) => `https://www.smartrecruiters.com/app/people/candidates/${id}`,
    candidatePages: [
      ['https://www.smartrecruiters.com/app/people/candidates/a1b2c3d4-1111-4e5f-8a9b-0c1d2e3f4a01', 'a1b2c3d4-1111-4e5f-8a9b-0c1d2e3f4a01'],
      ['https://www.smartrecruiters.com/app/people/candidates/a1b2c3d4-2222-4e5f-8a9b-0c1d2e3f4a02/messages', 'a1b2c3d4-2222-4e5f-8a9b-0c1d2e3f4a02'],
    ],
    listUrls: ['https://www.smartrecruiters.com/app/people/candidates'],
    pipelineUrls: [`https://www.smartrecruiters.com/app/jobs/${UUID(3)}/hiring-process`],
    otherUrls: ['https://www.smartrecruiters.com/app/settings', 'https://www.smartrecruiters.com/app/home', 'https://www.smartrecruiters.com/'],
    notIdUrls: ['https://www.smartrecruiters.com/app/people/candidates/import', 'https://www.smartrecruiters.com/app/people/candidates/%3Cimg%3E'],
    lookalikes: [
      'https://www.smartrecruiters.com.evil.com/app/people/candidates/1',
      'https://evilsmartrecruiters.com/app/people/candidates/1',
      'https://jobs.smartrecruiters.com/app/people/candidates/1',
      'http://www.smartrecruiters.com/app/people/candidates/1',
    ],
    anchor: '.candidate-header__actions',
    ids: { hired: 'a1b2c3d4-1111-4e5f-8a9b-0c1d2e3f4a01', other: 'a1b2c3d4-2222-4e5f-8a9b-0c1d2e3f4a02', hostile: 'a1b2c3d4-3333-4e5f-8a9b-0c1d2e3f4a03', chloe: 'a1b2c3d4-4444-4e5f-8a9b-0c1d2e3f4a04' },
    stages: { hired: 'Hired', other: 'Interview', offer: 'Offer' },
    listPhones: true,
  },
  {
    adapter: recruitee,
    candidateUrl: (id) => `https://app.recruitee.com/#/candidates/${id}`,
    candidatePages: [
      ['https://app.recruitee.com/#/candidates/91234567', '91234567'],
      // Hash routes may carry their own query.
      ['https://app.recruitee.com/#/candidates/91234568?tab=notes', '91234568'],
      ['https://app.recruitee.com/#/offers/778899/candidate/91234568', '91234568'],
    ],
    listUrls: ['https://app.recruitee.com/#/candidates', 'https://app.recruitee.com/#/candidates?filter=hired'],
    pipelineUrls: ['https://app.recruitee.com/#/offers/778899/pipeline'],
    otherUrls: ['https://app.recruitee.com/#/settings/company', 'https://app.recruitee.com/#/dashboard', 'https://app.recruitee.com/', 'https://app.recruitee.com/candidates/91234567'],
    notIdUrls: ['https://app.recruitee.com/#/candidates/new', 'https://app.recruitee.com/#/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.recruitee.com.evil.com/#/candidates/1', 'https://evilrecruitee.com/#/candidates/1', 'https://acme.recruitee.com/#/candidates/1', 'http://app.recruitee.com/#/candidates/1'],
    anchor: '[data-testid="candidate-actions"]',
    ids: { hired: '91234567', other: '91234568', hostile: '91234569', chloe: '91234570' },
    stages: { hired: 'Hired', other: 'Interview', offer: 'Offer' },
    listPhones: true,
  },
  {
    adapter: factorialAts,
    candidateUrl: (id) => `https://app.factorialhr.com/recruitment/candidates/${id}`,
    candidatePages: [
      ['https://app.factorialhr.com/recruitment/candidates/13579', '13579'],
      ['https://app.factorialhr.com/recruitment/candidates/13580/applications/2468', '13580'],
      // Factorial's demo environment: the same web app on app.demo.factorial.dev.
      ['https://app.demo.factorial.dev/recruitment/candidates/13583', '13583'],
    ],
    listUrls: ['https://app.factorialhr.com/recruitment/candidates', 'https://app.factorialhr.com/recruitment/candidates?page=2'],
    pipelineUrls: ['https://app.factorialhr.com/recruitment/job_postings/2468/pipeline'],
    otherUrls: ['https://app.factorialhr.com/recruitment/job_postings', 'https://app.factorialhr.com/time-tracking', 'https://app.factorialhr.com/settings/company'],
    notIdUrls: ['https://app.factorialhr.com/recruitment/candidates/new', 'https://app.factorialhr.com/recruitment/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.factorialhr.com.evil.com/recruitment/candidates/1', 'https://evilfactorialhr.com/recruitment/candidates/1', 'https://api.factorialhr.com/recruitment/candidates/1', 'http://app.factorialhr.com/recruitment/candidates/1', 'https://app.demo.factorial.dev.evil.com/recruitment/candidates/1', 'https://app.eu2.demo.factorial.dev/recruitment/candidates/1'],
    anchor: '[data-testid="candidate-header-actions"]',
    ids: { hired: '13579', other: '13580', hostile: '13581', chloe: '13582' },
    // Factorial's Spanish UI: the page's own words, which the export service reads as hired / not hired.
    stages: { hired: 'Contratado', other: 'Entrevista', offer: 'Oferta' },
    listPhones: true,
  },
  {
    adapter: screenloop,
    candidateUrl: (id) => `https://app.screenloop.com/candidates/${id}`,
    candidatePages: [
      ['https://app.screenloop.com/candidates/c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e01', 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e01'],
      ['https://app.screenloop.com/candidates/c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e02/scorecards', 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e02'],
    ],
    listUrls: ['https://app.screenloop.com/candidates'],
    pipelineUrls: [`https://app.screenloop.com/jobs/${UUID(4)}/pipeline`],
    otherUrls: ['https://app.screenloop.com/settings/integrations', 'https://app.screenloop.com/interviews', 'https://app.screenloop.com/dashboard'],
    notIdUrls: ['https://app.screenloop.com/candidates/new', 'https://app.screenloop.com/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.screenloop.com.evil.com/candidates/1', 'https://evilscreenloop.com/candidates/1', 'https://www.screenloop.com/candidates/1', 'http://app.screenloop.com/candidates/1'],
    anchor: '.candidate-actions',
    ids: {
      hired: 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e01',
      other: 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e02',
      hostile: 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e03',
      chloe: 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e04',
    },
    stages: { hired: 'Hired', other: 'Technical interview', offer: 'Offer' },
    listPhones: true,
  },
];

/** The element carrying a candidate id, whatever attribute the ATS uses for it. */
function byCandidateId(doc: Document, id: string): Element {
  const el = doc.querySelector(`[data-candidate-id="${id}"], [data-person-id="${id}"]`);
  if (!el) throw new Error(`fixture has no element for ${id}`);
  return el;
}

describe('adapter registry', () => {
  it('has a test case for every shipped adapter, with unique ids', () => {
    // A new adapter without fixtures fails here instead of shipping untested.
    expect(CASES.map((c) => c.adapter.id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
    for (const c of CASES) expect(adapterById(c.adapter.id)).toBe(c.adapter);
    expect(adapterById('nope')).toBeUndefined();
  });

  it('finds exactly one adapter for each real page, and none for lookalikes', () => {
    for (const c of CASES) {
      for (const [url] of c.candidatePages) {
        expect(ADAPTERS.filter((a) => a.isSite(new URL(url))).map((a) => a.id), url).toEqual([c.adapter.id]);
        expect(adapterForUrl(new URL(url))).toBe(c.adapter);
      }
      for (const url of c.lookalikes) expect(adapterForUrl(new URL(url)), url).toBeUndefined();
    }
  });

  it("declares host patterns that cover its real pages, and the built-in ones are in the manifest's hosts", () => {
    for (const c of CASES) {
      for (const [url] of c.candidatePages) expect(c.adapter.hosts.some((p) => matchesPattern(p, new URL(url))), url).toBe(true);
      // The demo ATS runs on hosts granted at run time; every other adapter must be declared up front.
      if (c.adapter !== demoAts) for (const host of c.adapter.hosts) expect(BUILT_IN_ATS_HOSTS, host).toContain(host);
    }
  });
});

describe.each(CASES.map((c) => [c.adapter.id, c] as const))('%s adapter', (id, c) => {
  const { adapter, ids, stages } = c;

  describe('URLs', () => {
    it('isSite: true on its real hosts, false on lookalikes', () => {
      for (const [url] of c.candidatePages) expect(adapter.isSite(new URL(url)), url).toBe(true);
      for (const url of [...c.listUrls, ...c.pipelineUrls]) expect(adapter.isSite(new URL(url)), url).toBe(true);
      for (const url of c.lookalikes) expect(adapter.isSite(new URL(url)), url).toBe(false);
    });

    it('pageKind: candidate, candidate list and pipeline pages; null elsewhere', () => {
      for (const [url] of c.candidatePages) expect(adapter.pageKind(new URL(url)), url).toBe('candidate');
      for (const url of c.listUrls) expect(adapter.pageKind(new URL(url)), url).toBe('candidate-list');
      for (const url of c.pipelineUrls) expect(adapter.pageKind(new URL(url)), url).toBe('pipeline');
      for (const url of c.otherUrls) expect(adapter.pageKind(new URL(url)), url).toBeNull();
    });

    it('does not take a route word or markup in the id position for a candidate page', () => {
      for (const url of c.notIdUrls) expect(adapter.pageKind(new URL(url)), url).not.toBe('candidate');
      for (const url of c.notIdUrls) expect(adapter.mounts(fixture(id, 'candidate.html'), new URL(url), 'candidate'), url).toEqual([]);
    });

    it('reads the candidate id from the URL of each candidate page shape', () => {
      const doc = fixture(id, 'candidate.html');
      for (const [url, expected] of c.candidatePages) expect(adapter.mounts(doc, new URL(url), 'candidate').map((m) => m.candidate.siteCandidateId), url).toEqual([expected]);
    });
  });

  describe('candidate page', () => {
    it('reads a hired candidate and anchors the button in the header actions', () => {
      const doc = fixture(id, 'candidate.html');
      const mounts = adapter.mounts(doc, new URL(c.candidateUrl(ids.hired)), 'candidate');
      expect(mounts).toHaveLength(1);
      const [mount] = mounts;
      expect(mount.anchor).toBe(doc.querySelector(c.anchor));
      expect(mount.position).toBe('append');
      const expected: CandidateOnPage = { siteCandidateId: ids.hired, ...ANA, stage: stages.hired };
      // Only the demo ATS shows a start date (no other adapter declares one).
      if (adapter === demoAts) expected.startDate = '2026-12-01';
      expect(mount.candidate).toEqual(expected);
    });

    it('without the actions anchor, falls back as its adapter decides', () => {
      const doc = fixture(id, 'candidate-no-anchor.html');
      expect(doc.querySelector(c.anchor), 'fixture must lack the anchor').toBeNull();
      const mounts = adapter.mounts(doc, new URL(c.candidateUrl(ids.other)), 'candidate');
      if (adapter === demoAts) {
        // The demo ATS puts the button right after the name.
        expect(mounts).toHaveLength(1);
        expect(mounts[0].anchor).toBe(doc.querySelector('h1'));
        expect(mounts[0].position).toBe('after');
        expect(mounts[0].candidate).toEqual({ siteCandidateId: ids.other, ...BEN, stage: stages.other });
      } else {
        // No mounts: the site manager places the floating button instead (SPEC §3).
        expect(mounts).toEqual([]);
      }
    });

    it('returns a hostile name as plain text and survives a malformed mailto', () => {
      const doc = fixture(id, 'candidate-hostile.html');
      expect(doc.querySelector('img'), 'the ATS escaped the name').toBeNull();
      const mounts = adapter.mounts(doc, new URL(c.candidateUrl(ids.hostile)), 'candidate');
      expect(mounts).toHaveLength(1);
      expect(mounts[0].candidate).toEqual({ siteCandidateId: ids.hostile, ...MALLORY, stage: stages.offer });
    });
  });

  describe('candidate list', () => {
    const url = () => new URL(c.listUrls[0]);

    it('places one button per row with an id, and skips rows whose id is not an id', () => {
      const doc = fixture(id, 'list.html');
      const mounts = adapter.mounts(doc, url(), 'candidate-list');
      expect(mounts.map((m) => m.candidate.siteCandidateId)).toEqual([ids.hired, ids.other, ids.hostile]);
      for (const mount of mounts) {
        const row = byCandidateId(doc, mount.candidate.siteCandidateId);
        // In the row's actions cell, never somewhere else on the page.
        expect(row.contains(mount.anchor)).toBe(true);
        expect(mount.anchor.matches('td:last-child, .actions')).toBe(true);
        expect(mount.position).toBe('append');
      }
    });

    it("reads each row's name, email, phone, stage and job", () => {
      const doc = fixture(id, 'list.html');
      const byId = new Map(adapter.mounts(doc, url(), 'candidate-list').map((m) => [m.candidate.siteCandidateId, m.candidate]));
      const phone = (p: string) => (c.listPhones ? p : undefined);
      expect(byId.get(ids.hired)).toEqual({ siteCandidateId: ids.hired, ...ANA, phone: phone(ANA.phone), stage: stages.hired });
      // Ben's row shows no phone.
      expect(byId.get(ids.other)).toEqual({ siteCandidateId: ids.other, ...BEN, phone: undefined, stage: stages.other });
      expect(byId.get(ids.hostile)).toEqual({ siteCandidateId: ids.hostile, ...MALLORY, phone: phone(MALLORY.phone), stage: stages.offer });
    });

    it('places nothing on a page with no rows', () => {
      const doc = fixture(id, 'candidate.html');
      expect(adapter.mounts(doc, url(), 'candidate-list')).toEqual([]);
    });
  });

  describe('pipeline', () => {
    const url = () => new URL(c.pipelineUrls[0]);

    it("places one button per card of the Hired column only (SPEC F2), skipping cards whose id is not an id", () => {
      const doc = fixture(id, 'pipeline.html');
      const mounts = adapter.mounts(doc, url(), 'pipeline');
      expect(mounts.map((m) => m.candidate.siteCandidateId)).toEqual([ids.hired, ids.chloe]);
      for (const mount of mounts) expect(mount.anchor).toBe(byCandidateId(doc, mount.candidate.siteCandidateId));
      // Ben is on the board too, in an interview column: no button for him.
      expect(doc.querySelector(`[data-candidate-id="${ids.other}"], [data-person-id="${ids.other}"]`)).not.toBeNull();
    });

    it("reads each Hired card's name and email, with the stage Hired", () => {
      const doc = fixture(id, 'pipeline.html');
      const candidates = adapter.mounts(doc, url(), 'pipeline').map((m) => m.candidate);
      // The demo ATS also names the job (its page heading).
      const job = adapter === demoAts ? { jobTitle: ANA.jobTitle } : {};
      expect(candidates).toEqual([
        { siteCandidateId: ids.hired, fullName: ANA.fullName, email: ANA.email, stage: 'Hired', ...job },
        { siteCandidateId: ids.chloe, fullName: CHLOE.fullName, email: CHLOE.email, stage: 'Hired', ...job },
      ]);
    });

    it('places nothing when the board has no Hired column', () => {
      const doc = fixture(id, 'pipeline.html');
      byCandidateId(doc, ids.hired).parentElement!.remove();
      expect(adapter.mounts(doc, url(), 'pipeline')).toEqual([]);
    });
  });
});

describe('selectors are data a recipe can replace', () => {
  // A page whose markup the built-in selectors do not know: rows carry no id attribute, only links to the person.
  const page = () =>
    new DOMParser().parseFromString(
      `<base href="https://app.greenhouse.io/people"><table><tbody>
        <tr class="person-row"><td><a class="name" href="/people/48213377?application_id=9001">Ana García López</a></td><td class="stage">Hired</td><td></td></tr>
        <tr class="person-row"><td><a class="name" href="https://evil.example/people/666">Mallory</a></td><td class="stage">Offer</td><td></td></tr>
        <tr class="person-row" data-person-id="not an id"><td><a class="name" href="/people/48213378">Ben Okafor</a></td><td></td></tr>
      </tbody></table>`,
      'text/html',
    );

  it('withSelectors gives a copy reading the page with the recipe, ids from the rows\' links; the built-in one is unchanged', () => {
    const url = new URL('https://app.greenhouse.io/people');
    expect(greenhouse.mounts(page(), url, 'candidate-list')).toEqual([]);
    const taught = greenhouse.withSelectors!({ row: 'tr.person-row', rowId: 'data-person-id', name: 'a.name', stage: '.stage' });
    const candidates = taught.mounts(page(), url, 'candidate-list').map((m) => m.candidate);
    // Another site's link gives no id; a row whose id attribute is not an id is refused, not guessed from its link.
    expect(candidates).toEqual([{ siteCandidateId: '48213377', fullName: 'Ana García López', email: undefined, phone: undefined, stage: 'Hired', jobTitle: undefined }]);
    expect(taught.selectors!.row).toBe('tr.person-row');
    expect(greenhouse.selectors!.row).toBe('[data-person-id]');
    expect(taught.hosts).toBe(greenhouse.hosts);
  });
});

describe('the application a candidate page shows (for Kombo’s import into tracking)', () => {
  const greenhouseDoc = () => fixture('greenhouse', 'candidate.html');
  const appOf = (href: string) => greenhouse.mounts(greenhouseDoc(), new URL(href), 'candidate')[0]?.candidate.siteApplicationId;

  it('Greenhouse names it in ?application_id= or /applications/:id; anything else is not taken', () => {
    expect(appOf('https://app.greenhouse.io/people/48213377?application_id=51234567#application')).toBe('51234567');
    expect(appOf('https://app.greenhouse.io/people/10/applications/20/redesign')).toBe('20');
    expect(appOf('https://app.greenhouse.io/people/10')).toBeUndefined();
    expect(appOf('https://app.greenhouse.io/people/10?application_id=%3Cscript%3E')).toBeUndefined();
  });

  it('the demo ATS names it on the candidate header, as the sandbox serves it', () => {
    const doc = fixture('demo-ats', 'candidate.html');
    doc.querySelector('.candidate-header')?.setAttribute('data-application-id', '90001003');
    const [mount] = demoAts.mounts(doc, new URL('http://127.0.0.1:4780/demo-ats/candidates/40112234'), 'candidate');
    expect(mount.candidate.siteApplicationId).toBe('90001003');
  });
});
