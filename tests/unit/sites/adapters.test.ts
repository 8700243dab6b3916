// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import { ADAPTERS, ashby, factorialAts, greenhouse, lever, recruitee, screenloop, smartrecruiters, teamtailor, workable } from '@/lib/sites/adapters';
import { demoAts } from '@/lib/sites/adapters/demo-ats';
import { matchesPattern } from '@/lib/sites/match-pattern';
import { SITES, siteById, siteForUrl } from '@/lib/sites/where';
import type { CandidateOnPage, Mount, SiteAdapter } from '@/lib/sites/types';

/**
 * Every site adapter's URL shapes, and the pages rebuilt from public evidence of its ATS (tests/fixtures/sites/<id>/,
 * each element's source in a comment): which buttons appear, on which rows, acting on which candidate, with which
 * ids. The demo ATS is ours: its fixtures hold a hired and a not-hired candidate, a hostile one (markup in the name,
 * a malformed mailto), and rows/cards whose id attribute is not an id.
 */

// A path string: in happy-dom, the global URL is not Node's, and fileURLToPath refuses it.
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');

/**
 * A fixture as the browser shows it at `url`: an inert document (DOMParser: no scripts run, nothing loads) whose
 * links resolve against the page's address, with its declarative shadow roots attached as the browser's parser does.
 */
function fixture(adapterId: string, name: string, url = 'https://example.invalid/'): Document {
  const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, adapterId, name), 'utf8'), 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  for (const template of [...doc.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const root = template.parentElement!.attachShadow({ mode: 'open' });
    root.append(template.content.cloneNode(true));
    template.remove();
  }
  return doc;
}

/** What a page's buttons act on: candidate, application and job ids, and the name read. */
const acting = (mounts: Mount[]) => mounts.map((m) => ({ id: m.candidate.siteCandidateId, application: m.candidate.siteApplicationId, job: m.candidate.siteJobId, name: m.candidate.fullName }));

const HOSTILE_NAME = '<img src=x onerror=alert(1)> Mallory';
const ANA = { fullName: 'Ana García López', email: 'ana.garcia@example.com', phone: '+34600111222', jobTitle: 'Senior Backend Engineer' };
const BEN = { fullName: 'Ben Okafor', email: 'ben.okafor@example.org', phone: '+442079460958', jobTitle: 'Product Designer' };
// Mallory's mailto is malformed (`%@`): that one field is lost, the rest of the page still works.
const MALLORY = { fullName: HOSTILE_NAME, email: undefined, phone: '+15550100', jobTitle: 'Senior Backend Engineer' };
const CHLOE = { fullName: 'Chloé Martin', email: 'chloe.martin@example.com' };

interface Case {
  adapter: SiteAdapter;
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
}

const UUID = (n: number) => `1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0${n}`;

const CASES: Case[] = [
  {
    adapter: demoAts,
    candidatePages: [
      ['http://127.0.0.1:5173/demo-ats/candidates/4400001', '4400001'],
      ['http://localhost:4321/demo-ats/candidates/4400002/', '4400002'],
    ],
    listUrls: ['http://127.0.0.1:5173/demo-ats/candidates', 'http://localhost:4321/demo-ats/candidates/'],
    pipelineUrls: ['http://127.0.0.1:5173/demo-ats/jobs/1/pipeline'],
    otherUrls: ['http://127.0.0.1:5173/demo-ats/jobs', 'http://127.0.0.1:5173/demo-ats/candidates/4400001/notes'],
    notIdUrls: ['http://127.0.0.1:5173/demo-ats/candidates/%3Cimg%20src%3Dx%3E', 'http://127.0.0.1:5173/demo-ats/candidates/a.b'],
    lookalikes: ['http://127.0.0.1.evil.com/demo-ats/candidates/1', 'http://evil.com/demo-ats/candidates/1', 'http://127.0.0.1:5173/other-app/candidates/1', 'http://localhost:5173/'],
  },
  {
    adapter: greenhouse,
    candidatePages: [
      ['https://app.greenhouse.io/people/48213377', '48213377'],
      ['https://app2.greenhouse.io/people/48213377?application_id=51234567', '48213377'],
      // A plain fragment must not hide the page (it did: the hash was part of the route).
      ['https://app4.greenhouse.io/people/48213378#candidate_details', '48213378'],
      ['https://app6.greenhouse.io/people/48213378/activity', '48213378'],
    ],
    listUrls: ['https://app.greenhouse.io/people', 'https://app3.greenhouse.io/people?stage_status_id=2&job_id=612345', 'https://app2.greenhouse.io/plans/612345/candidates?type=all'],
    // Greenhouse's pipeline shows active candidates only (no Hired column): no board for the buttons.
    pipelineUrls: [],
    otherUrls: [
      'https://app.greenhouse.io/dashboard',
      'https://app.greenhouse.io/configure/users',
      'https://app.greenhouse.io/plans/612345/jobapp',
      'https://app.greenhouse.io/',
      'https://app.greenhouse.io/plans/612345/pipeline',
      'https://app5.greenhouse.io/plans/612345/pipeline?stage=hired',
    ],
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
  },
  {
    adapter: lever,
    candidatePages: [
      ['https://hire.lever.co/candidates/1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0c', '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0c'],
      ['https://hire.lever.co/candidates/2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d/feedback?tab=interviews', '2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d'],
    ],
    listUrls: ['https://hire.lever.co/candidates', 'https://hire.lever.co/candidates/?stage=offer'],
    // Lever's pipeline is the candidate list itself (tests/unit/sites/lever.test.ts): no board route is public.
    pipelineUrls: [],
    otherUrls: ['https://hire.lever.co/settings/integrations', 'https://hire.lever.co/interviews', `https://hire.lever.co/jobs/postings/${UUID(1)}`, `https://hire.lever.co/jobs/postings/${UUID(1)}/pipeline`],
    notIdUrls: ['https://hire.lever.co/candidates/new', 'https://hire.lever.co/candidates/%22%3E%3Cscript%3E'],
    lookalikes: ['https://hire.lever.co.evil.com/candidates/1', 'https://evilhire.lever.co/candidates/1', 'https://hire-lever.co/candidates/1', 'https://jobs.lever.co/acme/1', 'http://hire.lever.co/candidates/1'],
  },
  {
    adapter: ashby,
    candidatePages: [
      ['https://app.ashbyhq.com/candidates/8f14e45f-ceea-467f-a0e6-0c4f2b0c1a11', '8f14e45f-ceea-467f-a0e6-0c4f2b0c1a11'],
      ['https://app.ashbyhq.com/candidates/9a25f56a-dffb-478a-b1f7-1d5a3c1d2b22/feedback', '9a25f56a-dffb-478a-b1f7-1d5a3c1d2b22'],
    ],
    listUrls: ['https://app.ashbyhq.com/candidates'],
    pipelineUrls: [`https://app.ashbyhq.com/jobs/${UUID(2)}/pipeline`, `https://app.ashbyhq.com/jobs/${UUID(2)}/pipeline/active`],
    otherUrls: ['https://app.ashbyhq.com/admin/settings', 'https://app.ashbyhq.com/home', `https://app.ashbyhq.com/jobs/${UUID(2)}/overview`],
    notIdUrls: ['https://app.ashbyhq.com/candidates/search', 'https://app.ashbyhq.com/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.ashbyhq.com.evil.com/candidates/1', 'https://evilashbyhq.com/candidates/1', 'https://app.ashbyhq.co/candidates/1', 'https://jobs.ashbyhq.com/acme/1', 'http://app.ashbyhq.com/candidates/1'],
  },
  {
    adapter: workable,
    candidatePages: [
      ['https://acme.workable.com/backend/candidates/3f9a1c2', '3f9a1c2'],
      ['https://globex-eu.workable.com/backend/jobs/2547712/candidates/4e8b2d3', '4e8b2d3'],
      ['https://acme.workable.com/backend/jobs/2547712/candidates/4e8b2d3/timeline', '4e8b2d3'],
    ],
    listUrls: ['https://acme.workable.com/backend/candidates', 'https://acme.workable.com/backend/jobs/2547712/candidates'],
    pipelineUrls: ['https://acme.workable.com/backend/jobs/2547712/browser', 'https://acme.workable.com/backend/jobs/2547712/browser/hired'],
    otherUrls: [
      'https://acme.workable.com/backend/settings/company',
      'https://acme.workable.com/backend',
      'https://apply.workable.com/acme/j/ABC123/',
      // Internal JSON routes: never a candidate called "list" or "first".
      'https://acme.workable.com/backend/api/candidates/list',
      'https://acme.workable.com/backend/api/candidates/first?job_id=2547712',
    ],
    notIdUrls: ['https://acme.workable.com/backend/candidates/new', 'https://acme.workable.com/backend/candidates/%3Cimg%3E'],
    lookalikes: [
      'https://acme.workable.com.evil.com/backend/candidates/1',
      'https://evilworkable.com/backend/candidates/1',
      'https://workable.com.attacker.net/backend/candidates/1',
      'https://acme.workable.co/backend/candidates/1',
      'http://acme.workable.com/backend/candidates/1',
      // Workable's public sites on the same wildcard are not the recruiter's app.
      'https://apply.workable.com/backend/candidates/1',
      'https://jobs.workable.com/backend/candidates/1',
    ],
  },
  {
    adapter: teamtailor,
    candidatePages: [
      ['https://app.teamtailor.com/app/candidates/41877321', '41877321'],
      ['https://app.teamtailor.com/app/companies/acme/candidates/41877322/activity', '41877322'],
      ['https://app.teamtailor.com/companies/Epgs55TVBkQ/candidates/41877323', '41877323'],
      ['https://tt.teamtailor.com/app/companies/Epgs55TVBkQ/candidates/segment/all/candidate/41877324', '41877324'],
    ],
    listUrls: ['https://app.teamtailor.com/app/candidates', 'https://app.teamtailor.com/app/companies/acme/candidates/'],
    pipelineUrls: ['https://app.teamtailor.com/app/jobs/3098812/stages', 'https://app.teamtailor.com/app/companies/acme/jobs/3098812/stages/board'],
    otherUrls: ['https://app.teamtailor.com/app/settings/general', 'https://app.teamtailor.com/app/dashboard', 'https://acme.teamtailor.com/jobs/3098812-senior-backend-engineer'],
    notIdUrls: ['https://app.teamtailor.com/app/candidates/new', 'https://app.teamtailor.com/app/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.teamtailor.com.evil.com/app/candidates/1', 'https://evilteamtailor.com/app/candidates/1', 'https://teamtailor.com.evil.io/app/candidates/1', 'http://app.teamtailor.com/app/candidates/1'],
  },
  {
    adapter: smartrecruiters,
    candidatePages: [
      ['https://www.smartrecruiters.com/app/people/candidates/a1b2c3d4-1111-4e5f-8a9b-0c1d2e3f4a01', 'a1b2c3d4-1111-4e5f-8a9b-0c1d2e3f4a01'],
      ['https://www.smartrecruiters.com/app/people/candidates/a1b2c3d4-2222-4e5f-8a9b-0c1d2e3f4a02/messages', 'a1b2c3d4-2222-4e5f-8a9b-0c1d2e3f4a02'],
    ],
    listUrls: ['https://www.smartrecruiters.com/app/people/candidates', `https://www.smartrecruiters.com/app/jobs/details/${UUID(3)}/people`],
    // No board of people: a job's Hiring Process tab shows the process's steps (lib/sites/adapters/smartrecruiters.ts).
    pipelineUrls: [],
    otherUrls: ['https://www.smartrecruiters.com/app/settings', 'https://www.smartrecruiters.com/app/home', 'https://www.smartrecruiters.com/', `https://www.smartrecruiters.com/app/jobs/${UUID(3)}/hiring-process`],
    notIdUrls: ['https://www.smartrecruiters.com/app/people/candidates/import', 'https://www.smartrecruiters.com/app/people/candidates/%3Cimg%3E'],
    lookalikes: [
      'https://www.smartrecruiters.com.evil.com/app/people/candidates/1',
      'https://evilsmartrecruiters.com/app/people/candidates/1',
      'https://jobs.smartrecruiters.com/app/people/candidates/1',
      'http://www.smartrecruiters.com/app/people/candidates/1',
    ],
  },
  {
    adapter: recruitee,
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
  },
  {
    adapter: factorialAts,
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
  },
  {
    adapter: screenloop,
    candidatePages: [
      ['https://app.screenloop.com/candidates/c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e01', 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e01'],
      ['https://app.screenloop.com/candidates/c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e02/scorecards', 'c7a1f0e2-9d3b-4c5a-8e6f-1a2b3c4d5e02'],
    ],
    listUrls: ['https://app.screenloop.com/candidates'],
    pipelineUrls: [`https://app.screenloop.com/jobs/${UUID(4)}/pipeline`],
    otherUrls: ['https://app.screenloop.com/settings/integrations', 'https://app.screenloop.com/interviews', 'https://app.screenloop.com/dashboard'],
    notIdUrls: ['https://app.screenloop.com/candidates/new', 'https://app.screenloop.com/candidates/%3Cimg%3E'],
    lookalikes: ['https://app.screenloop.com.evil.com/candidates/1', 'https://evilscreenloop.com/candidates/1', 'https://www.screenloop.com/candidates/1', 'http://app.screenloop.com/candidates/1'],
  },
];


describe('adapter registry', () => {
  it('has a test case for every shipped adapter, with unique ids', () => {
    // A new adapter without URL cases fails here instead of shipping untested.
    expect(CASES.map((c) => c.adapter.id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
    for (const c of CASES) expect(siteById(c.adapter.id)?.isSite).toBe(c.adapter.isSite);
    expect(siteById('nope')).toBeUndefined();
  });

  it("builds each adapter on its site's declaration (lib/sites/where): the same host rules, in the sites' order", () => {
    // One rule per fact: an adapter's hosts and host checks are its site's own objects, never a second copy.
    expect(ADAPTERS.map((a) => a.id)).toEqual(SITES.map((s) => s.id));
    SITES.forEach((site, i) => {
      const adapter = ADAPTERS[i];
      expect(adapter.hosts, site.id).toBe(site.hosts);
      expect(adapter.isSite, site.id).toBe(site.isSite);
      expect(adapter.needsGrant, site.id).toBe(site.needsGrant);
      expect([adapter.name, adapter.komboTool, adapter.grantableHost], site.id).toEqual([site.name, site.komboTool, site.grantableHost]);
    });
  });

  it("knows a taught site by its id as the worker needs it (its host's name, that host alone, https, granted)", () => {
    const site = siteById('taught:ats.example.org')!;
    expect([site.id, site.name, site.hosts]).toEqual(['taught:ats.example.org', 'ats.example.org', ['https://ats.example.org/*']]);
    expect(site.isSite(new URL('https://ats.example.org/people/1'))).toBe(true);
    expect(site.isSite(new URL('http://ats.example.org/people/1'))).toBe(false);
    expect(site.isSite(new URL('https://other.example.org/people/1'))).toBe(false);
    expect(site.needsGrant!(new URL('https://ats.example.org/'))).toBe(true);
    expect(siteById('taught:Not A Host')).toBeUndefined();
  });

  it('finds exactly one adapter for each real page, and none for lookalikes', () => {
    for (const c of CASES) {
      for (const [url] of c.candidatePages) {
        expect(ADAPTERS.filter((a) => a.isSite(new URL(url))).map((a) => a.id), url).toEqual([c.adapter.id]);
        expect(siteForUrl(new URL(url))?.id).toBe(c.adapter.id);
      }
      for (const url of c.lookalikes) expect(siteForUrl(new URL(url)), url).toBeUndefined();
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

describe.each(CASES.map((c) => [c.adapter.id, c] as const))('%s adapter: URLs', (_id, c) => {
  const { adapter } = c;
  const empty = () => document.implementation.createHTMLDocument('');

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
    for (const url of c.notIdUrls) expect(adapter.mounts(empty(), new URL(url), 'candidate'), url).toEqual([]);
    for (const url of c.notIdUrls) expect(adapter.candidate?.(empty(), new URL(url)) ?? null, url).toBeNull();
  });

  it('reads the candidate id from the URL of each candidate page shape, for both buttons', () => {
    for (const [url, expected] of c.candidatePages) {
      expect(adapter.candidateId(new URL(url)), url).toBe(expected);
      if (adapter.candidate) expect(adapter.candidate(empty(), new URL(url))?.siteCandidateId, url).toBe(expected);
    }
  });
});

describe('demo ATS (ours): its pages', () => {
  const ids = { hired: '4400001', other: '4400002', hostile: '4400003', chloe: '4400004' };
  const at = (id: string) => new URL(`http://127.0.0.1:5173/demo-ats/candidates/${id}`);
  const list = new URL('http://127.0.0.1:5173/demo-ats/candidates');
  const board = new URL('http://127.0.0.1:5173/demo-ats/jobs/1/pipeline');
  const byId = (doc: Document, id: string) => doc.querySelector(`[data-candidate-id="${id}"]`)!;

  it('reads a hired candidate and anchors the button in the header actions', () => {
    const doc = fixture('demo-ats', 'candidate.html');
    const [mount, ...more] = demoAts.mounts(doc, at(ids.hired), 'candidate');
    expect(more).toEqual([]);
    expect(mount.anchor).toBe(doc.querySelector('.candidate-actions'));
    expect(mount.position).toBe('append');
    expect(mount.candidate).toEqual({ siteCandidateId: ids.hired, ...ANA, stage: 'Hired', startDate: '2026-12-01' });
  });

  it('without the actions anchor, puts the button right after the name', () => {
    const doc = fixture('demo-ats', 'candidate-no-anchor.html');
    const mounts = demoAts.mounts(doc, at(ids.other), 'candidate');
    expect(mounts).toHaveLength(1);
    expect(mounts[0].anchor).toBe(doc.querySelector('h1'));
    expect(mounts[0].position).toBe('after');
    expect(mounts[0].candidate).toEqual({ siteCandidateId: ids.other, ...BEN, stage: 'Interview' });
  });

  it('returns a hostile name as plain text and survives a malformed mailto', () => {
    const doc = fixture('demo-ats', 'candidate-hostile.html');
    expect(doc.querySelector('img'), 'the ATS escaped the name').toBeNull();
    const mounts = demoAts.mounts(doc, at(ids.hostile), 'candidate');
    expect(mounts.map((m) => m.candidate)).toEqual([{ siteCandidateId: ids.hostile, ...MALLORY, stage: 'Offer' }]);
  });

  it('places one button per row with an id, and skips rows whose id is not an id', () => {
    const doc = fixture('demo-ats', 'list.html');
    const mounts = demoAts.mounts(doc, list, 'candidate-list');
    expect(mounts.map((m) => m.candidate.siteCandidateId)).toEqual([ids.hired, ids.other, ids.hostile]);
    for (const mount of mounts) expect(byId(doc, mount.candidate.siteCandidateId).contains(mount.anchor)).toBe(true);
    expect(mounts[0].candidate).toEqual({ siteCandidateId: ids.hired, ...ANA, phone: undefined, stage: 'Hired' });
    expect(demoAts.mounts(fixture('demo-ats', 'candidate.html'), list, 'candidate-list')).toEqual([]);
  });

  it('places one button per card of the Hired column only (SPEC F2)', () => {
    const doc = fixture('demo-ats', 'pipeline.html');
    const candidates = demoAts.mounts(doc, board, 'pipeline').map((m) => m.candidate);
    expect(candidates).toEqual([
      { siteCandidateId: ids.hired, fullName: ANA.fullName, email: ANA.email, stage: 'Hired', jobTitle: ANA.jobTitle },
      { siteCandidateId: ids.chloe, fullName: CHLOE.fullName, email: CHLOE.email, stage: 'Hired', jobTitle: ANA.jobTitle },
    ]);
    byId(doc, ids.hired).parentElement!.remove();
    expect(demoAts.mounts(doc, board, 'pipeline')).toEqual([]);
  });

  it('names the application a candidate page shows on its header, as the sandbox serves it', () => {
    const doc = fixture('demo-ats', 'candidate.html');
    doc.querySelector('.candidate-header')?.setAttribute('data-application-id', '90001003');
    const [mount] = demoAts.mounts(doc, new URL('http://127.0.0.1:4780/demo-ats/candidates/40112234'), 'candidate');
    expect(mount.candidate.siteApplicationId).toBe('90001003');
  });
});

describe('Greenhouse, on pages rebuilt from public evidence', () => {
  const GH = 'https://app.greenhouse.io';

  it('Application Review: the person from the header link, the button beside Reject, with the application id', () => {
    const url = `${GH}/applications/review/app_review?hiring_plan_id=612345`;
    const doc = fixture('greenhouse', 'app-review.html', url);
    expect(greenhouse.pageKind(new URL(url))).toBe('candidate');
    const mounts = greenhouse.mounts(doc, new URL(url), 'candidate');
    expect(acting(mounts)).toEqual([{ id: '48213377', application: '51234567', job: undefined, name: 'Ana García López' }]);
    expect(mounts[0].anchor).toBe(doc.querySelector('[data-provides="reject"]'));
    expect(mounts[0].position).toBe('after');
    // The floating button (when the bar is missing) acts on the same person and application.
    doc.querySelector('[data-provides="reject"]')!.remove();
    expect(greenhouse.mounts(doc, new URL(url), 'candidate')).toEqual([]);
    expect(greenhouse.candidate!(doc, new URL(url))).toMatchObject({ siteCandidateId: '48213377', siteApplicationId: '51234567', fullName: 'Ana García López' });
  });

  it('/applications/:aid: the application from the address, the person from the page; no person, no button', () => {
    const url = new URL(`${GH}/applications/51234599`);
    const doc = fixture('greenhouse', 'app-review.html', url.href);
    expect(greenhouse.candidate!(doc, url)).toMatchObject({ siteCandidateId: '48213377', siteApplicationId: '51234599' });
    doc.querySelector('header a')!.remove();
    expect(greenhouse.candidate!(doc, url)).toBeNull();
    expect(greenhouse.mounts(doc, url, 'candidate')).toEqual([]);
  });

  it('a person page without its header\'s Resume button (the anchor): the floating button gets the ids of the address and the heading', () => {
    const doc = fixture('greenhouse', 'person.html');
    for (const [href, application] of [
      [`${GH}/people/48213377?application_id=51234567`, '51234567'],
      [`${GH}/people/48213377?job_application_id=51234567`, '51234567'],
      [`${GH}/people/48213377/applications/51234567/redesign`, '51234567'],
      [`${GH}/people/48213377#candidate_details`, undefined],
    ] as const) {
      expect(greenhouse.mounts(doc, new URL(href), 'candidate'), href).toEqual([]);
      // The email is plain text there: not read as one (the API gives it); never a wrong address.
      expect(greenhouse.candidate!(doc, new URL(href)), href).toEqual({
        siteCandidateId: '48213377',
        fullName: 'Ana García López',
        ...(application ? { siteApplicationId: application } : {}),
        email: undefined,
        phone: undefined,
        stage: undefined,
        jobTitle: undefined,
        startDate: undefined,
      });
    }
    expect(greenhouse.candidate!(doc, new URL(`${GH}/people/48213377?application_id=%3Cscript%3E`))?.siteApplicationId).toBeUndefined();
  });

  it("candidate lists: one button per candidate and application, beside the row's link, with the job of a job's list", () => {
    for (const [href, job] of [
      [`${GH}/plans/612345/candidates?sort=last_activity+desc&type=all`, '612345'],
      [`${GH}/people?stage_status_id=2&in_stages%5B%5D=Hired`, undefined],
    ] as const) {
      const doc = fixture('greenhouse', 'candidates.html', href);
      const mounts = greenhouse.mounts(doc, new URL(href), greenhouse.pageKind(new URL(href))!);
      expect(acting(mounts), href).toEqual([
        { id: '48213377', application: '51234567', job, name: 'Ana García López' },
        { id: '48213378', application: '51234568', job, name: 'Ben Okafor' },
        { id: '48213379', application: '51234569', job, name: HOSTILE_NAME },
      ]);
      for (const mount of mounts) {
        expect(mount.anchor.localName).toBe('a');
        expect(mount.position).toBe('after');
      }
    }
  });

  it('a job\'s pipeline (active candidates only, no Hired column) gets no buttons', () => {
    expect(greenhouse.pageKind(new URL(`${GH}/plans/612345/pipeline`))).toBeNull();
  });
});

describe('Workable, on pages rebuilt from public evidence', () => {
  const JOB = 'https://constructor-1.workable.com/backend/jobs/4087255/browser';

  it('the hired stage: a button per card, beside its link, for the card\'s candidate, with the job', () => {
    const url = new URL(`${JOB}/hired`);
    const doc = fixture('workable', 'browser.html', url.href);
    const mounts = workable.mounts(doc, url, workable.pageKind(url)!);
    expect(acting(mounts)).toEqual([
      { id: '370715911', application: undefined, job: '4087255', name: 'Ana García López' },
      { id: '370715912', application: undefined, job: '4087255', name: 'Chloé Martin' },
    ]);
    expect(mounts.every((m) => m.candidate.stage === 'Hired' && m.position === 'after' && m.anchor.localName === 'a')).toBe(true);
  });

  it('another stage: its cards are not hired, no buttons', () => {
    const url = new URL(`${JOB}/applied`);
    expect(workable.mounts(fixture('workable', 'browser.html', url.href), url, 'pipeline')).toEqual([]);
  });

  it("the open candidate: its own name (not the first card's), every id, and the other cards keep their buttons", () => {
    const url = new URL(`${JOB}/hired/candidate/370715912`);
    const doc = fixture('workable', 'browser.html', url.href);
    expect(workable.pageKind(url)).toBe('candidate');
    expect(workable.candidate!(doc, url)).toMatchObject({ siteCandidateId: '370715912', siteJobId: '4087255', fullName: 'Chloé Martin' });
    expect(acting(workable.mounts(doc, url, 'candidate')).map((m) => m.id)).toEqual(['370715911']);
  });

  it('internal JSON routes are no candidate pages', () => {
    for (const href of ['https://constructor-1.workable.com/backend/api/candidates/list', 'https://constructor-1.workable.com/backend/api/browser/candidates/370715911.json_api']) {
      expect(workable.pageKind(new URL(href)), href).toBeNull();
      expect(workable.candidate!(document.implementation.createHTMLDocument(''), new URL(href)), href).toBeNull();
    }
  });
});

describe('SmartRecruiters, on pages rebuilt from public evidence (open shadow roots, <sr-link href>)', () => {
  const JOB = '3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60';

  it("a job's people: one button per applicant row, read through the shadow root, with the job", () => {
    const url = new URL(`https://www.smartrecruiters.com/app/jobs/details/${JOB}/people`);
    const doc = fixture('smartrecruiters', 'people.html', url.href);
    expect(doc.querySelector('sr-link'), 'the rows are inside a shadow root').toBeNull();
    const mounts = smartrecruiters.mounts(doc, url, smartrecruiters.pageKind(url)!);
    expect(acting(mounts)).toEqual([
      { id: '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01', application: undefined, job: JOB, name: 'Ana García López' },
      { id: '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b02', application: undefined, job: JOB, name: 'Ben Okafor' },
    ]);
    expect(mounts.map((m) => m.anchor.localName)).toEqual(['sr-link', 'a']);
    expect(mounts.every((m) => m.position === 'after' && m.anchor.getRootNode() !== doc)).toBe(true);
  });

  it('a candidate: the button beside Move forward, inside the shadow root', () => {
    const url = new URL('https://www.smartrecruiters.com/app/people/applications/1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01/notes');
    const doc = fixture('smartrecruiters', 'candidate.html', url.href);
    const [mount, ...more] = smartrecruiters.mounts(doc, url, 'candidate');
    expect(more).toEqual([]);
    expect(mount.anchor.id).toBe('st-moveForward');
    expect(mount.position).toBe('after');
    expect(mount.candidate.siteCandidateId).toBe('1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01');
  });
});

describe('Teamtailor, Lever, Ashby and the rest: markup not public, so links and the address', () => {
  it('Teamtailor: a candidate list gets a button beside each link to a candidate, whichever shape the link has', () => {
    const url = new URL('https://app.teamtailor.com/companies/w2uyscMTojM/candidates/segment/all?q=eyJxdWVyeSI6IiJ9');
    const doc = fixture('teamtailor', 'candidates.html', url.href);
    expect(acting(teamtailor.mounts(doc, url, teamtailor.pageKind(url)!))).toEqual([
      { id: '56558559', application: undefined, job: undefined, name: 'Ana García López' },
      { id: '41877321', application: undefined, job: undefined, name: 'Ben Okafor' },
    ]);
  });

  it('Teamtailor on tt.teamtailor.com: a candidate page gets the floating button with its id; internal API routes nothing', () => {
    const url = new URL('https://tt.teamtailor.com/app/companies/Epgs55TVBkQ/candidates/41877321');
    expect(teamtailor.isSite(url)).toBe(true);
    expect(teamtailor.needsGrant!(url)).toBe(false);
    expect(teamtailor.mounts(document.implementation.createHTMLDocument(''), url, 'candidate')).toEqual([]);
    expect(teamtailor.candidate!(document.implementation.createHTMLDocument(''), url)?.siteCandidateId).toBe('41877321');
    expect(teamtailor.pageKind(new URL('https://tt.teamtailor.com/app/companies/Epgs55TVBkQ/api/candidates/41877321'))).toBeNull();
  });

  it('Ashby: the application-review deep link (what external recruiters can open) names the candidate and the application', () => {
    const cid = 'e9ed20fd-5d4c-4a7e-9b1a-3f0c2d8e6a41';
    const aid = 'b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
    const url = new URL(`https://app.ashbyhq.com/candidates/pipeline/application-review/right-side/candidates/${cid}/applications/${aid}/feed`);
    expect(ashby.candidate!(document.implementation.createHTMLDocument(''), url)).toMatchObject({ siteCandidateId: cid, siteApplicationId: aid });
  });

  it('nothing is read from pages whose markup is not public: no name guessed from a heading', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = '<h1>Open positions</h1><div class="candidate-actions"></div>';
    for (const [adapter, href] of [
      [ashby, 'https://app.ashbyhq.com/candidates/e9ed20fd-5d4c-4a7e-9b1a-3f0c2d8e6a41'],
      [recruitee, 'https://app.recruitee.com/#/candidates?candidate=91234567'],
      [factorialAts, 'https://app.factorialhr.com/recruitment/candidates/13579'],
      [screenloop, 'https://app.screenloop.com/candidates/c7a1f0e2'],
      [teamtailor, 'https://app.teamtailor.com/candidates/41877321'],
    ] as const) {
      expect(adapter.mounts(doc, new URL(href), 'candidate'), href).toEqual([]);
      expect(adapter.candidate!(doc, new URL(href))?.fullName, href).toBeUndefined();
    }
    // Lever without its flyover in the page anchors nothing either: the floating button, with the URL's id and no name.
    const leverUrl = new URL('https://hire.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9');
    expect(lever.mounts(doc, leverUrl, 'candidate')).toEqual([]);
    expect(lever.candidate!(doc, leverUrl)).toEqual({ siteCandidateId: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9' });
  });
});

describe('a list whose markup no selector knows: every link to a person is a row', () => {
  const page = () =>
    new DOMParser().parseFromString(
      `<base href="https://app.greenhouse.io/people"><table><tbody>
        <tr class="person-row"><td><a class="name" href="/people/48213377?application_id=9001">Ana García López</a></td><td class="stage">Hired</td><td></td></tr>
        <tr class="person-row"><td><a class="name" href="https://evil.example/people/666">Mallory</a></td><td class="stage">Offer</td><td></td></tr>
        <tr class="person-row" data-person-id="not an id"><td><a class="name" href="/people/48213378">Ben Okafor</a></td><td></td></tr>
      </tbody></table>`,
      'text/html',
    );

  it("Greenhouse: the rows' links name them (another site's link names nobody); an id attribute the adapter does not read changes nothing", () => {
    const url = new URL('https://app.greenhouse.io/people');
    expect(acting(greenhouse.mounts(page(), url, 'candidate-list')).map((m) => [m.id, m.application, m.name])).toEqual([
      ['48213377', '9001', 'Ana García López'],
      ['48213378', undefined, 'Ben Okafor'],
    ]);
  });
});
