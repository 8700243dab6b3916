// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyRecipes } from '@/lib/recipes/apply';
import { guessId, suggestPattern } from '@/lib/recipes/pattern';
import { ADAPTERS } from '@/lib/sites/adapters';

/**
 * Where no `:id` is taught (only a list so far, a recipe for a whole host, a page the admin is about to teach), the id
 * is guessed from the address. An org's, an agency's or a job's id is not a candidate's: pages of taught hosts that
 * show no candidate (an org's setup, an import, an agency's jobs, a job, the app's internal API) get no button.
 * Addresses from public evidence (tests/fixtures/teach/SOURCES.md and the sources beside each).
 */

const url = (href: string) => new URL(href);

/** Public Zoho Recruit pages that show no candidate: a workflow setup page (a public Deluge notes file), the
 * résumé import (public Puppeteer uploaders). */
const ZOHO_SETUP = 'https://recruit.zoho.com/recruit/org861495771/ShowSetup.do?tab=automate&subTab=wfdeluge&step=showAllWFDeluge';
const ZOHO_IMPORT = 'https://recruit.zoho.com/recruit/org4314466/ImportParser.do?module=Candidates&type=importfromdocument';
/** The candidates list (a public scraper's candidatesPage) and a record (a public dashboard's recruitUrl). */
const ZOHO_LIST = 'https://recruit.zoho.com/recruit/org644359250/ShowTab.do?isSearch=false&module=Candidates&cvid=393718000000112160';
const ZOHO_RECORD = 'https://recruit.zoho.com/recruit/org4314466/EntityInfo.do?module=Candidates&id=393718000000112160';
/** Loxo (a public automation skill's navigation anchors; a public onboarding script's job link; public API clients). */
const LOXO_JOBS = 'https://app.loxo.co/agencies/40713/jobs';
const LOXO_COMPANIES = 'https://app.loxo.co/agencies/40713/companies';
const LOXO_JOB = 'https://palermo-rhodes.app.loxo.co/agencies/340/jobs/3525548?user_email=tom.jones@example.com';
const LOXO_API = 'https://app.loxo.co/api/axiom-talet/jobs/3525548';

describe('guessing the candidate id from an address', () => {
  it('an org’s, an agency’s or a job’s id is never the candidate’s; the page names no candidate', () => {
    for (const page of [ZOHO_SETUP, ZOHO_IMPORT, ZOHO_LIST, LOXO_JOBS, LOXO_COMPANIES, LOXO_JOB, LOXO_API]) expect(guessId(url(page)), page).toBeNull();
    // The suggestion says so (no :id: the preview asks the admin to mark it), every org and agency alike.
    expect(suggestPattern(url(ZOHO_SETUP))).toBe('/recruit/*/ShowSetup.do');
    expect(suggestPattern(url(LOXO_JOBS))).toBe('/agencies/*/jobs');
    expect(suggestPattern(url(LOXO_JOB))).toBe('/agencies/*/jobs/*');
  });

  it('a person’s id is still found: after a collection of people anywhere in the path, or where no collection or page follows it', () => {
    expect(guessId(url(ZOHO_RECORD))).toBe('393718000000112160');
    expect(guessId(url('https://recruit.zoho.in/recruit/org20065965611/tab/Candidates/31529000000412017'))).toBe('31529000000412017');
    expect(guessId(url('https://ats.example.com/jobs/551/candidates/8842719/profile'))).toBe('8842719');
    expect(guessId(url('https://app.breezy.hr/candidates/8842719'))).toBe('8842719');
    expect(guessId(url('https://talent.example.org/talent/Y2FuZGlkYXRlOjQ0Mg=='))).toBe('Y2FuZGlkYXRlOjQ0Mg==');
    expect(guessId(url('https://app.loxo.co/agencies/40713/people?person_id=88123401'))).toBe('88123401');
    // A candidate's sub-page whose last id is another record's: the person's id before it.
    expect(suggestPattern(url('https://ats.example.com/candidates/8842719/jobs/551'))).toBe('/candidates/:id/jobs/*');
    // A candidate's tab (SmartRecruiters' /app/people/applications/:id/notes, a public screening helper's link).
    expect(suggestPattern(url('https://www.smartrecruiters.com/app/people/applications/a6d2e51f-a2ac-4b4a-a062-834cec0bab66/notes'))).toBe('/app/people/applications/:id/notes');
    // The org's numeric form (a public PHP client's test builds /recruit/1234/EntityInfo.do…) on the import page: followed
    // by a page of the app, it is the org's, not a person's.
    expect(guessId(url('https://recruit.zoho.com/recruit/4314466/ImportParser.do?module=Candidates&type=importfromdocument'))).toBeNull();
  });
});

describe('a taught host with only its list taught: no button on its other pages', () => {
  it('Zoho Recruit: the list gets its rows; the setup and import pages are no candidate’s (they were, as the org id)', () => {
    const [zoho] = applyRecipes(ADAPTERS, [{ host: 'recruit.zoho.com', path: '/recruit/*/ShowTab.do?module=Candidates', fields: { row: 'tr.row' } }]);
    expect(zoho.id).toBe('taught:recruit.zoho.com');
    expect(zoho.pageKind(url(ZOHO_LIST))).toBe('candidate-list');
    for (const page of [ZOHO_SETUP, ZOHO_IMPORT]) {
      expect(zoho.pageKind(url(page)), page).toBeNull();
      expect(zoho.candidateId(url(page)), page).toBeNull();
    }
    // A row's link to a record still names its candidate (no record page taught yet).
    expect(zoho.candidateId(url(ZOHO_RECORD))).toBe('393718000000112160');
  });

  it('Loxo: the agency’s jobs, companies, a job and the app’s API are no candidate’s', () => {
    const [loxo] = applyRecipes(ADAPTERS, [{ host: 'app.loxo.co', path: '/agencies/*/people', fields: { row: 'li.person-card' } }]);
    for (const page of [LOXO_JOBS, LOXO_COMPANIES, LOXO_API]) expect(loxo.pageKind(url(page)), page).toBeNull();
  });
});
