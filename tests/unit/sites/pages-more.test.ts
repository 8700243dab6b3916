// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { greenhouse, smartrecruiters, teamtailor } from '@/lib/sites/adapters';
import type { Mount } from '@/lib/sites/types';

/**
 * The Greenhouse person page, the SmartRecruiters candidate and Teamtailor's job board, on pages rebuilt from public
 * evidence (tests/fixtures/sites/<ats>/, each element's source in a comment; the evidence is named in each adapter).
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');

/** A fixture as the browser shows it at `url` (links resolve against it; declarative shadow roots attached). */
function fixture(adapterId: string, name: string, url: string): Document {
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

const acting = (mounts: Mount[]) => mounts.map((m) => ({ id: m.candidate.siteCandidateId, application: m.candidate.siteApplicationId, job: m.candidate.siteJobId, name: m.candidate.fullName }));

describe("Greenhouse's person page: the button beside the header's Resume button", () => {
  const GH = 'https://app.greenhouse.io';

  it('anchors after [data-provides="header-view-resume"], acting on the person and the application the address names', () => {
    for (const [href, application] of [
      [`${GH}/people/48213377/applications/51234567/redesign?src=search`, '51234567'],
      [`${GH}/people/48213377?application_id=51234567`, '51234567'],
      [`${GH}/people/48213377?job_application_id=51234567#candidate_details`, '51234567'],
      [`${GH}/people/48213377`, undefined],
    ] as const) {
      const url = new URL(href);
      const doc = fixture('greenhouse', 'person-header.html', href);
      const mounts = greenhouse.mounts(doc, url, greenhouse.pageKind(url)!);
      expect(acting(mounts), href).toEqual([{ id: '48213377', application, job: undefined, name: 'Ana García López' }]);
      expect(mounts[0].anchor.getAttribute('data-provides')).toBe('header-view-resume');
      expect(mounts[0].position).toBe('after');
      // The floating button (none here, since the anchored one is placed) would act on the very same candidate.
      expect(greenhouse.candidate!(doc, url)).toEqual(mounts[0].candidate);
    }
  });

  it('reads no email from the plain-text contact line and no stage from the "Move stage" menu (no public hook for either)', () => {
    const url = new URL(`${GH}/people/48213377?application_id=51234567`);
    const candidate = greenhouse.candidate!(fixture('greenhouse', 'person-header.html', url.href), url);
    expect(candidate).toMatchObject({ email: undefined, stage: undefined, jobTitle: undefined });
  });

  it('the older layout without that Resume button still gets the floating one (no anchor), with every id', () => {
    const url = new URL(`${GH}/people/48213377?application_id=51234567`);
    const doc = fixture('greenhouse', 'person-header.html', url.href);
    doc.querySelector('[data-provides="header-view-resume"]')!.remove();
    expect(greenhouse.mounts(doc, url, 'candidate')).toEqual([]);
    expect(greenhouse.candidate!(doc, url)).toMatchObject({ siteCandidateId: '48213377', siteApplicationId: '51234567', fullName: 'Ana García López' });
  });

  it("Application Review keeps its anchor beside Reject: the person page's hook does not change it", () => {
    const url = new URL(`${GH}/applications/review/app_review?hiring_plan_id=1753300`);
    const [mount, ...more] = greenhouse.mounts(fixture('greenhouse', 'app-review.html', url.href), url, 'candidate');
    expect(more).toEqual([]);
    expect(mount.anchor.getAttribute('data-provides')).toBe('reject');
  });

  it("an interview kit for a person (/guides/…/people/…) and the jobs list are not candidate pages", () => {
    for (const href of ['https://canonical.greenhouse.io/guides/123/people/10', `${GH}/alljobs`]) {
      expect(greenhouse.pageKind(new URL(href)), href).toBeNull();
      expect(greenhouse.mounts(fixture('greenhouse', 'person-header.html', href), new URL(href), 'candidate'), href).toEqual([]);
    }
  });
});

describe('SmartRecruiters: the candidate named by #st-applicantName, through the shadow root', () => {
  const ANA = '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01';

  it('the button beside Move forward acts on the candidate of the address, named from #st-applicantName', () => {
    const url = new URL(`https://www.smartrecruiters.com/app/people/applications/${ANA}/notes`);
    const doc = fixture('smartrecruiters', 'candidate.html', url.href);
    expect(doc.getElementById('st-applicantName'), 'the name sits inside the header\'s shadow root').toBeNull();
    const mounts = smartrecruiters.mounts(doc, url, 'candidate');
    expect(acting(mounts)).toEqual([{ id: ANA, application: undefined, job: undefined, name: 'Ana García López' }]);
    expect(mounts[0].anchor.id).toBe('st-moveForward');
    // Stage and job: no public hook inside the profile's sidebar, so not read (the API gives them).
    expect(mounts[0].candidate).toMatchObject({ stage: undefined, jobTitle: undefined });
  });

  it("the job's Hiring Process tab shows the process's steps, not people: no page for buttons", () => {
    const url = new URL('https://www.smartrecruiters.com/app/jobs/details/3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60/hiring-process');
    expect(smartrecruiters.pageKind(url)).toBeNull();
  });

  it("the job's People table (where hired people are, filtered by status): each row named from its own cell, the job's title above the table its job", () => {
    const url = new URL('https://www.smartrecruiters.com/app/jobs/details/3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60/people');
    const doc = fixture('smartrecruiters', 'people.html', url.href);
    const mounts = smartrecruiters.mounts(doc, url, 'candidate-list');
    expect(mounts.map((m) => [m.candidate.fullName, m.candidate.jobTitle])).toEqual([
      ['Ana García López', 'Senior Backend Engineer'],
      ['Ben Okafor', 'Senior Backend Engineer'],
    ]);
    // A list with no job title shown (the global People list) gives no job.
    doc.querySelector('app-job-title-section')!.remove();
    expect(smartrecruiters.mounts(doc, url, 'candidate-list').map((m) => m.candidate.jobTitle)).toEqual([undefined, undefined]);
  });
});

describe("Teamtailor's job board: every card linking to a candidate gets a button, no Hired column claimed", () => {
  const BOARD = 'https://app.teamtailor.com/companies/w2uyscMTojM/jobs/3098812/stages';

  it('one button beside each card link, whichever column it sits in, acting on its candidate with the job of the address', () => {
    const url = new URL(BOARD);
    expect(teamtailor.pageKind(url)).toBe('pipeline');
    const mounts = teamtailor.mounts(fixture('teamtailor', 'job-stages.html', url.href), url, 'pipeline');
    expect(acting(mounts)).toEqual([
      { id: '41877321', application: undefined, job: '3098812', name: 'Ben Okafor' },
      { id: '56558559', application: undefined, job: '3098812', name: 'Ana García López' },
    ]);
    // No column is read as Hired: the API says who is hired.
    expect(mounts.every((m) => m.candidate.stage === undefined && m.anchor.localName === 'a' && m.position === 'after')).toBe(true);
  });

  it('the same board on a regional stack and on tt.teamtailor.com under /app', () => {
    for (const href of ['https://tt.na.teamtailor.com/app/companies/w2uyscMTojM/jobs/3098812-senior-backend-engineer/stages', 'https://tt.teamtailor.com/app/companies/w2uyscMTojM/jobs/3098812/stages']) {
      const url = new URL(href);
      const doc = fixture('teamtailor', 'job-stages.html', href);
      // The fixture's links are site-relative: on /app/… they are still this host's candidate pages.
      expect(acting(teamtailor.mounts(doc, url, teamtailor.pageKind(url)!)).map((m) => [m.id, m.job]), href).toEqual([
        ['41877321', '3098812'],
        ['56558559', '3098812'],
      ]);
    }
  });

  it('a board whose cards link nowhere gets nothing; links to another site are not candidates', () => {
    const url = new URL(BOARD);
    const doc = fixture('teamtailor', 'job-stages.html', url.href);
    for (const a of doc.querySelectorAll('section a')) a.setAttribute('href', `https://evil.example${a.getAttribute('href')}`);
    expect(teamtailor.mounts(doc, url, 'pipeline')).toEqual([]);
  });
});
