// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { recruitee, smartrecruiters, workable } from '@/lib/sites/adapters';
import type { Mount } from '@/lib/sites/types';

/**
 * Issue 26's acceptance items 2–4 checked on real URL shapes collected for its audit (each adapter's testUrls, with
 * sources) that no fixture under tests/fixtures/sites/ covered: lists whose rows link in those shapes, the floating
 * button's ids on them, and links that name no candidate. The markup is only what the evidence shows (a link's
 * `href`, its text); the rest is plain and generic, so only the links decide.
 */

const page = (base: string, body: string) => new DOMParser().parseFromString(`<base href="${base}">${body}`, 'text/html');
const acting = (mounts: Mount[]) => mounts.map((m) => [m.candidate.siteCandidateId, m.candidate.siteApplicationId, m.candidate.siteJobId, m.candidate.fullName]);

describe('SmartRecruiters: a talent community’s prospects', () => {
  const A = '0e6b06f7-b56c-4507-8da1-9567a7bf6d24';
  const B = 'a6d2e51f-a2ac-4b4a-a062-834cec0bab66';
  const url = new URL('https://www.smartrecruiters.com/app/communities/details/43958b7e-97b4-4465-9ed2-5324193e8c8f/prospects');

  it('one button per prospect, beside its a[href^="/app/people/applications/"] link, for that prospect; the nav links get none', () => {
    // Public: a Playwright export script waits for and collects a[href^="/app/people/applications/"] on this page.
    const doc = page(
      url.href,
      `<nav><a href="/app/people/">People</a><a href="/app/communities/">Communities</a></nav>
       <ul><li><a href="/app/people/applications/${A}">Lucas Moreau</a></li><li><a href="/app/people/applications/${B}">Ana Ruiz</a></li></ul>`,
    );
    expect(smartrecruiters.pageKind(url)).toBe('candidate-list');
    const mounts = smartrecruiters.mounts(doc, url, 'candidate-list');
    expect(acting(mounts)).toEqual([
      [A, undefined, undefined, 'Lucas Moreau'],
      [B, undefined, undefined, 'Ana Ruiz'],
    ]);
    expect(mounts.every((m) => m.position === 'after' && m.anchor.localName === 'a')).toBe(true);
  });
});

describe('Workable: the candidate database and a job’s candidates', () => {
  it('the database profile (/backend/candidates/db/profile/:id): both buttons act on the profile’s id, never on a candidate named "db"', () => {
    const url = new URL('https://gigabrands.workable.com/backend/candidates/db/profile/7604850');
    expect(workable.pageKind(url)).toBe('candidate');
    expect(workable.candidate?.(page(url.href, '<h1>Candidates</h1>'), url)).toMatchObject({ siteCandidateId: '7604850' });
    expect(workable.candidateId(new URL('https://gigabrands.workable.com/backend/candidates/db'))).toBeNull();
  });

  it("a job's candidates: each row's link names its candidate and the job; a link to the database or an API route names nobody", () => {
    const url = new URL('https://acme.workable.com/backend/jobs/OPS2026/candidates');
    // Public: profile_url …/backend/jobs/:shortcode/candidates/:id (the API), …/backend/candidates/db/profile/:id (a dashboard).
    const doc = page(
      url.href,
      `<a href="/backend/candidates/db">Candidates database</a>
       <a href="/backend/api/candidates/list?job_id=OPS2026">Export</a>
       <a href="/backend/jobs/OPS2026/candidates/c12345">Ana Ruiz</a>
       <a href="/backend/candidates/db/profile/7604850">Ben Okafor</a>`,
    );
    expect(workable.pageKind(url)).toBe('candidate-list');
    expect(acting(workable.mounts(doc, url, 'candidate-list'))).toEqual([
      ['c12345', undefined, 'OPS2026', 'Ana Ruiz'],
      ['7604850', undefined, 'OPS2026', 'Ben Okafor'],
    ]);
  });
});

describe('Recruitee: rows that link by hash route', () => {
  it('the list: one button per #/candidates?candidate= link, for that candidate; settings and offers links get none', () => {
    const url = new URL('https://app.recruitee.com/#/candidates');
    // Public: the Raycast extension's #/candidates?candidate=<id>; an offer's adminapp_url #/offers/<slug>.
    const doc = page(
      url.href,
      `<nav><a href="#/settings/api_tokens">Settings</a><a href="#/offers/peon-de-albanil">Offer</a></nav>
       <a href="#/candidates?candidate=91234567">Ana Ruiz</a><a href="https://app.recruitee.com/#/dashboard/overview?candidate=33498831&amp;company=38422">Chan Yuen Chung</a>`,
    );
    expect(recruitee.pageKind(url)).toBe('candidate-list');
    expect(acting(recruitee.mounts(doc, url, 'candidate-list'))).toEqual([
      ['91234567', undefined, undefined, 'Ana Ruiz'],
      ['33498831', undefined, undefined, 'Chan Yuen Chung'],
    ]);
  });
});

describe('Recruitee: a candidate opened over the list', () => {
  it('on #/candidates?candidate=:id the open candidate floats (no public anchor) and every other row beneath keeps its own button', () => {
    // Public: the list with a candidate open is app.recruitee.com/#/candidates?candidate=:id (the API's adminapp_url
    // shape, recorded in the adapter's testUrls); the rows' markup is not public, so only their links decide.
    const url = new URL('https://app.recruitee.com/#/candidates?candidate=91234568');
    const doc = page(
      url.href,
      `<a href="#/candidates?candidate=91234567">Lucas Moreau</a>
       <a href="#/candidates?candidate=91234568">Ana Ruiz</a>
       <a href="#/settings/company">Settings</a>`,
    );
    expect(recruitee.pageKind(url)).toBe('candidate');
    expect(recruitee.candidate?.(doc, url)).toMatchObject({ siteCandidateId: '91234568' });
    expect(acting(recruitee.mounts(doc, url, 'candidate'))).toEqual([['91234567', undefined, undefined, 'Lucas Moreau']]);
  });
});
