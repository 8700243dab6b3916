// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyRecipes, recipeCandidateId } from '@/lib/recipes/apply';
import { queryAllDeep } from '@/lib/sites/deep';
import { patternCovers, patternId, suggestPattern } from '@/lib/recipes/pattern';
import { needsFormat2, RecipesFile, SiteRecipe } from '@/lib/recipes/schema';
import { parseRecipesFile } from '@/lib/recipes/store';
import { checkSelector, deepRowSelector, deepSelector, rowOf } from '@/lib/recipes/selector';
import { PageCandidate } from '@/lib/export/intents';
import { ADAPTERS } from '@/lib/sites/adapters';
import { TeamSetupFile } from '@/lib/teams/schema';
import { LOXO_AGENCY, loxoPeopleBody, loxoPersonUrl, ZOHO_ORG, zohoCandidateBody, zohoRecordUrl, type Person } from '../../fixtures/teach/pages';

/**
 * "Teach this page" on every real shape (tests/fixtures/teach/SOURCES.md): ids in the query string, ids with `=` and
 * `$`, rows whose link is a custom element, open shadow roots, a candidate panel over a list.
 */

const ana: Person = { id: '31529000000412017', name: 'Ana Ruiz', email: 'ana.ruiz@example.com', status: 'Hired' };
const ben: Person = { id: '31529000000412093', name: 'Ben Okafor', email: 'ben.okafor@example.com', status: 'Offer-Accepted' };
const url = (href: string) => new URL(href);

describe('page patterns: where the candidate id is', () => {
  it('Zoho Recruit: the suggested pattern takes the record id from ?id=, not the org in the path, and keeps module=Candidates', () => {
    // The public extension's record link.
    const pattern = suggestPattern(url(zohoRecordUrl(ana.id)));
    expect(pattern).toBe('/recruit/*/EntityInfo.do?module=Candidates&id=:id');
    expect(patternId(pattern, url(zohoRecordUrl(ana.id)))).toBe(ana.id);
    // Every record of that shape: another candidate, another org, the extra parameters other links add (any order).
    expect(patternId(pattern, url(`https://recruit.zoho.eu/recruit/1234/EntityInfo.do?module=Candidates&id=31529000000000000&submodule=Candidates`))).toBe('31529000000000000');
    expect(patternId(pattern, url(`https://recruit.zoho.eu/recruit/${ZOHO_ORG}/EntityInfo.do?module=Candidates&submodule=Candidates&id=${ben.id}&entityId=31529000000555001`))).toBe(ben.id);
    // Not a candidate: a job opening's record, the module's list, the same page without an id.
    expect(patternCovers(pattern, url(`https://recruit.zoho.eu/recruit/${ZOHO_ORG}/EntityInfo.do?module=JobOpenings&id=31529000000981001`))).toBe(false);
    expect(patternCovers(pattern, url(`https://recruit.zoho.eu/recruit/${ZOHO_ORG}/EntityInfo.do?module=Candidates`))).toBe(false);
    // The link form without an org, and the newer tab route (a public extension builds both).
    expect(suggestPattern(url(`https://recruit.zoho.in/recruit/EntityInfo.do?module=Candidates&id=${ana.id}`))).toBe('/recruit/EntityInfo.do?module=Candidates&id=:id');
    expect(suggestPattern(url(`https://recruit.zoho.in/recruit/${ZOHO_ORG}/tab/Candidates/${ana.id}`))).toBe('/recruit/*/tab/Candidates/:id');
  });

  it('Loxo: the person is ?person_id=, not the agency id in the path', () => {
    const pattern = suggestPattern(url(loxoPersonUrl('88123401')));
    expect(pattern).toBe('/agencies/*/people?person_id=:id');
    expect(patternId(pattern, url(loxoPersonUrl('88123555')))).toBe('88123555');
    expect(patternId(pattern, url(`https://app.loxo.co/agencies/${LOXO_AGENCY}/people`))).toBeNull();
    // View state (a tab) is not part of the shape; it may be on the page.
    expect(suggestPattern(url(`${loxoPersonUrl('88123401')}&tab=activity`))).toBe('/agencies/*/people?person_id=:id');
    expect(patternId(pattern, url(`${loxoPersonUrl('88123401')}&tab=activity`))).toBe('88123401');
  });

  it('a list’s page names no candidate: its ids (a job’s, an agency’s) and an open drawer’s person_id are not part of its shape', () => {
    expect(suggestPattern(url('https://www.smartrecruiters.com/app/jobs/details/3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60/people'), 'list')).toBe('/app/jobs/details/*/people');
    expect(suggestPattern(url(loxoPersonUrl('88123401')), 'list')).toBe('/agencies/*/people');
    expect(suggestPattern(url('https://ats.example.com/jobs/551/candidates?stage=hired&page=2'), 'list')).toBe('/jobs/*/candidates?stage=hired');
  });

  it('another record’s id in the query (an application, a job) is not the candidate’s; the path keeps its place', () => {
    expect(suggestPattern(url('https://app.breezy.hr/candidates/8842719'))).toBe('/candidates/:id');
    expect(suggestPattern(url('https://ats.example.com/people/40112234?application_id=99120'))).toBe('/people/:id');
    expect(suggestPattern(url('https://ats.example.com/jobs/551/candidates/8842719/profile'))).toBe('/jobs/*/candidates/:id/profile');
    expect(recipeCandidateId({ path: '/jobs/*/candidates/:id/profile' }, url('https://ats.example.com/jobs/12/candidates/77/profile'))).toBe('77');
  });

  it('ids with = or $ are captured whole, encoded or not, and pass the message schema', () => {
    const base64 = 'Y2FuZGlkYXRlOjQ0Mg==';
    expect(patternId('/talent/:id', url(`https://ats.example.com/talent/${base64}`))).toBe(base64);
    expect(patternId('/talent/:id', url('https://ats.example.com/talent/Y2FuZGlkYXRlOjQ0Mg%3D%3D'))).toBe(base64);
    expect(patternId('/profile?cid=:id', url('https://ats.example.com/profile?cid=C%24001%24442'))).toBe('C$001$442');
    expect(suggestPattern(url(`https://ats.example.com/talent/${base64}`))).toBe('/talent/:id');
    expect(PageCandidate.parse({ siteCandidateId: base64 }).siteCandidateId).toBe(base64);
    expect(PageCandidate.parse({ siteCandidateId: 'C$001$442' }).siteCandidateId).toBe('C$001$442');
    // Still not an id: markup, spaces, a route word.
    expect(patternId('/talent/:id', url('https://ats.example.com/talent/new'))).toBeNull();
    expect(patternId('/profile?cid=:id', url('https://ats.example.com/profile?cid=%3Cb%3E'))).toBeNull();
    expect(PageCandidate.safeParse({ siteCandidateId: 'a<b' }).success).toBe(false);
  });

  it('the schema takes query patterns and shadow-root selectors as plain strings, and still refuses what is not one', () => {
    const ok = { host: 'recruit.zoho.eu', path: '/recruit/*/EntityInfo.do?module=Candidates&id=:id', fields: { name: 'div.detail-header-box h1', row: 'sr-people-table >>> tr.row', panel: 'aside > section' } };
    expect(SiteRecipe.parse(ok)).toEqual(ok);
    for (const path of ['/a?id=:id&cid=:id', '/a?x=<b>', '/a?x="y"', '/a#frag', 'a?id=:id']) expect(SiteRecipe.safeParse({ ...ok, path }).success, path).toBe(false);
    for (const name of ['h1 >>> ', '>>> h1', 'a >', 'h1 { color: red }', '<img>', 'a;b']) expect(SiteRecipe.safeParse({ ...ok, fields: { name } }).success, name).toBe(false);
  });
});

describe('taught pages, read on every page of their shape', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('Zoho Recruit: a recipe taught on one record reads another record of that shape (its id, name, email, status; the button in the header)', () => {
    const recipe: SiteRecipe = { host: 'recruit.zoho.eu', path: '/recruit/*/EntityInfo.do?module=Candidates&id=:id', fields: { name: '.detail-header-box h1', stage: 'span.nedit-status', anchor: 'div.detail-header-box' } };
    const adapters = applyRecipes(ADAPTERS, [recipe]);
    document.body.innerHTML = zohoCandidateBody(ben);
    const page = url(zohoRecordUrl(ben.id));
    const taught = adapters.find((a) => a.isSite(page))!;
    expect(taught.id).toBe('taught:recruit.zoho.eu');
    expect(taught.pageKind(page)).toBe('candidate');
    expect(taught.candidateId(page)).toBe(ben.id);
    const [mount] = taught.mounts(document, page, 'candidate');
    expect(mount.anchor).toBe(document.querySelector('.detail-header-box'));
    expect(mount.candidate).toEqual({ siteCandidateId: ben.id, fullName: ben.name, email: ben.email, stage: ben.status });
    // A job opening's record on the same host is not a candidate page.
    expect(taught.pageKind(url(`https://recruit.zoho.eu/recruit/${ZOHO_ORG}/EntityInfo.do?module=JobOpenings&id=31529000000981001`))).toBeNull();
  });

  it('Loxo: the drawer over the people list is read on its own — its person, its name — and nothing while it is closed', () => {
    const recipe: SiteRecipe = { host: 'app.loxo.co', path: '/agencies/*/people?person_id=:id', fields: { panel: 'aside.profile-drawer', name: 'h2', anchor: 'div.drawer-actions' } };
    const adapters = applyRecipes(ADAPTERS, [recipe]);
    const open = url(loxoPersonUrl(ana.id));
    const taught = adapters.find((a) => a.isSite(open))!;
    document.body.innerHTML = loxoPeopleBody([ben, ana], ana);
    const [mount] = taught.mounts(document, open, taught.pageKind(open)!);
    expect(mount.candidate).toEqual({ siteCandidateId: ana.id, fullName: ana.name, email: ana.email });
    expect(mount.anchor).toBe(document.querySelector('.drawer-actions'));
    // The same recipe without a place for the button: at the top of the drawer, never in the list behind it.
    const [top] = applyRecipes(ADAPTERS, [{ ...recipe, fields: { panel: recipe.fields.panel, name: 'h2' } }])[0].mounts(document, open, 'candidate');
    expect(top).toMatchObject({ anchor: document.querySelector('aside'), position: 'prepend' });
    // Closed drawer: no candidate on the page (the list's cards carry no link to tell theirs).
    document.body.innerHTML = loxoPeopleBody([ben, ana]);
    expect(taught.mounts(document, open, 'candidate')).toEqual([]);
    expect(taught.pageKind(url(`https://app.loxo.co/agencies/${LOXO_AGENCY}/people`))).toBeNull();
  });

  it('Loxo: a field picked outside the drawer reads nothing (the list’s first card is never taken for the open person)', () => {
    const adapters = applyRecipes(ADAPTERS, [{ host: 'app.loxo.co', path: '/agencies/*/people?person_id=:id', fields: { panel: 'aside.profile-drawer', name: 'a[data-testid="candidateCard_name"]' } }]);
    document.body.innerHTML = loxoPeopleBody([ben, ana], ana);
    const [mount] = adapters[0].mounts(document, url(loxoPersonUrl(ana.id)), 'candidate');
    expect(mount.candidate.siteCandidateId).toBe(ana.id);
    expect(mount.candidate.fullName).toBeUndefined();
  });

  it('SmartRecruiters: a list recipe reads rows inside an open shadow root, each identified by its <sr-link href>', () => {
    // The job's people page is a table in a shadow root; its rows link with sr-link custom elements (SOURCES.md).
    const A = '0e6b06f7-b56c-4507-8da1-9567a7bf6d24';
    const B = 'a6d2e51f-a2ac-4b4a-a062-834cec0bab66';
    document.body.innerHTML = '<sr-people-table></sr-people-table>';
    const shadow = document.querySelector('sr-people-table')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<table><tbody>
      <tr class="row"><td><sr-link href="/app/people/applications/${A}">Lucas Moreau</sr-link></td><td>Hired</td><td></td></tr>
      <tr class="row"><td><sr-link href="/app/jobs/details/3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60">Job</sr-link><sr-link href="/app/people/applications/${B}">Ana Ruiz</sr-link></td><td>Offer</td><td></td></tr>
    </tbody></table>`;
    document.head.innerHTML = '<base href="https://www.smartrecruiters.com/">';
    const page = url('https://www.smartrecruiters.com/app/jobs/details/3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60/people');
    // The picker, from the name an admin clicks inside the shadow root, to the row selector.
    const clicked = shadow.querySelectorAll('sr-link')[0];
    const row = rowOf(clicked);
    expect(row.localName).toBe('tr');
    const selector = deepRowSelector(row);
    expect(selector).toBe('sr-people-table >>> tr.row');
    expect(checkSelector(selector, document, 'rows')).toEqual({ ok: true, count: 2 });
    const adapters = applyRecipes(ADAPTERS, [{ host: 'www.smartrecruiters.com', path: '/app/jobs/details/*/people', fields: { row: selector } }]);
    const sr = adapters.find((a) => a.isSite(page))!;
    expect(sr.id).toBe('smartrecruiters');
    expect(sr.pageKind(page)).toBe('candidate-list');
    const mounts = sr.mounts(document, page, 'candidate-list');
    expect(mounts.map((m) => [m.candidate.siteCandidateId, m.candidate.fullName])).toEqual([
      [A, 'Lucas Moreau'],
      [B, 'Ana Ruiz'],
    ]);
    expect(mounts[0].anchor).toBe(shadow.querySelectorAll('tr')[0].lastElementChild);
  });

  it('a taught host: rows that are custom elements with their own shadow root, linked with base64 ids', () => {
    document.head.innerHTML = '<base href="https://talent.example.org/">';
    document.body.innerHTML = '<div class="results"><talent-row></talent-row><talent-row></talent-row></div>';
    const ids = ['Y2FuZGlkYXRlOjQ0Mg==', 'Y2FuZGlkYXRlOjQ0Mw=='];
    document.querySelectorAll('talent-row').forEach((host, i) => {
      host.attachShadow({ mode: 'open' }).innerHTML = `<div class="card"><sr-link href="/talent/${ids[i]}">Person ${i}</sr-link></div>`;
    });
    const clicked = document.querySelectorAll('talent-row')[1].shadowRoot!.querySelector('sr-link')!;
    const selector = deepRowSelector(rowOf(clicked));
    expect(queryAllDeep(document, selector)).toHaveLength(2);
    const adapters = applyRecipes(ADAPTERS, [
      { host: 'talent.example.org', path: '/talent/:id', fields: { name: 'h1' } },
      { host: 'talent.example.org', path: '/search', fields: { row: selector } },
    ]);
    const page = url('https://talent.example.org/search');
    const taught = adapters.find((a) => a.isSite(page))!;
    expect(taught.pageKind(page)).toBe('candidate-list');
    const mounts = taught.mounts(document, page, 'candidate-list');
    expect(mounts.map((m) => m.candidate.siteCandidateId)).toEqual(ids);
    // A row's shadow root shows none of its light children: the button goes after the row.
    expect(mounts[0]).toMatchObject({ anchor: document.querySelectorAll('talent-row')[0], position: 'after' });
  });

  it('fields inside open shadow roots: the picker names them through their hosts, and the page reads them', () => {
    document.body.innerHTML = '<sr-candidate-header data-test="candidate-header"></sr-candidate-header><h1>Jobs</h1>';
    const shadow = document.querySelector('sr-candidate-header')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<header><h1>Lucas Moreau</h1><div class="actions"><button>Move</button></div></header>';
    const name = deepSelector(shadow.querySelector('h1')!);
    expect(name).toBe('sr-candidate-header[data-test="candidate-header"] >>> h1');
    const anchor = deepSelector(shadow.querySelector('.actions')!);
    const adapters = applyRecipes(ADAPTERS, [{ host: 'talent.example.org', path: '/talent/:id', fields: { name, anchor } }]);
    const page = url('https://talent.example.org/talent/88123');
    const [mount] = adapters[0].mounts(document, page, 'candidate');
    expect(mount.candidate.fullName).toBe('Lucas Moreau');
    expect(mount.anchor).toBe(shadow.querySelector('.actions'));
  });
});

describe('recipe files stay readable', () => {
  const plain: SiteRecipe = { host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2.cand-name' } };
  const shaped: SiteRecipe = { host: 'app.loxo.co', path: '/agencies/*/people?person_id=:id', fields: { panel: 'aside.profile-drawer', name: 'h2' } };

  it('a recipe needs format 2 only when it uses a query, a child or shadow combinator, or a panel', () => {
    expect(needsFormat2(plain)).toBe(false);
    expect(needsFormat2(shaped)).toBe(true);
    expect(needsFormat2({ ...plain, fields: { name: 'header > h2' } })).toBe(true);
  });

  it('version 1 files (and team setup files of version 1 and 2) are still read; version 2 and 3 carry the new shapes', () => {
    expect(parseRecipesFile(JSON.stringify({ format: 'hirebridge-site-recipes', version: 1, recipes: [plain] }))).toEqual([plain]);
    expect(parseRecipesFile(JSON.stringify({ format: 'hirebridge-site-recipes', version: 2, recipes: [plain, shaped] }))).toEqual([plain, shaped]);
    expect(() => parseRecipesFile(JSON.stringify({ format: 'hirebridge-site-recipes', version: 3, recipes: [] }))).toThrow('newer Hirebridge (format version 3)');
    expect(RecipesFile.safeParse({ format: 'hirebridge-site-recipes', version: 2, recipes: [{ ...shaped, fields: { ...shaped.fields, code: 'alert(1)' } }] }).success).toBe(false);
    const setup = { format: 'hirebridge-team-setup', createdAt: '2026-12-01T10:00:00.000Z', company: {}, connections: [], settings: {}, syncRules: {} };
    for (const version of [1, 2, 3]) expect(TeamSetupFile.safeParse({ ...setup, version, ...(version > 1 ? { siteRecipes: [plain] } : {}) }).success, `v${version}`).toBe(true);
    expect(TeamSetupFile.parse({ ...setup, version: 3, siteRecipes: [shaped] }).siteRecipes).toEqual([shaped]);
  });
});
