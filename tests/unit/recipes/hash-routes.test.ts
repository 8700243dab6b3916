// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyRecipes, recipeCandidateId } from '@/lib/recipes/apply';
import { guessId, patternCovers, patternId, suggestPattern } from '@/lib/recipes/pattern';
import { needsFormat2, SiteRecipe } from '@/lib/recipes/schema';
import { PageCandidate } from '@/lib/export/intents';
import { ADAPTERS } from '@/lib/sites/adapters';
import { drawerAppBody, drawerAppUrl, jobAdderListBody, jobAdderRecordBody, jobAdderUrl, type HashPerson } from '../../fixtures/teach/hash-pages';

/**
 * "Teach this page" on apps that route in the fragment (tests/fixtures/teach/SOURCES.md, "Hash-routed apps"):
 * JobAdder's `#/candidates/<id>`, Recruitee's `#/candidates?candidate=<id>` shape on a host Hirebridge does not ship.
 * Before, a pattern saw only the pathname (`/` on every page of such an app) and the schema refused `#`: nothing of
 * these apps could be taught beyond "every page of the host", and no id was found.
 */

const url = (href: string) => new URL(href);
const ana: HashPerson = { id: '4471203', name: 'Ana Ruiz', email: 'ana.ruiz@example.com' };
const ben: HashPerson = { id: '4471388', name: 'Ben Okafor', email: 'ben.okafor@example.com' };
const b64: HashPerson = { id: 'Y2FuZGlkYXRlOjQ0Mg==', name: 'Chen Wei', email: 'chen.wei@example.com' };

describe('page patterns with a hash route', () => {
  it('JobAdder: the suggested pattern is the hash route with the id in it; every record of that shape gives its id', () => {
    const pattern = suggestPattern(url(jobAdderUrl(ana.id)));
    expect(pattern).toBe('/#/candidates/:id');
    expect(patternId(pattern, url(jobAdderUrl(ben.id)))).toBe(ben.id);
    // A tab of the record (view state in the hash's query) is the same page.
    expect(patternId(pattern, url(`${jobAdderUrl(ben.id)}?tab=notes`))).toBe(ben.id);
    expect(suggestPattern(url(`${jobAdderUrl(ana.id)}?tab=notes`))).toBe('/#/candidates/:id');
    // Not a record: the list, a settings page, the app's root, a route word where the id goes.
    for (const other of [jobAdderUrl(), 'https://recruit.jobadder.com/#/settings', 'https://recruit.jobadder.com/', 'https://recruit.jobadder.com/#/candidates/new'])
      expect(patternId(pattern, url(other)), other).toBeNull();
    // The app's root with no fragment and nothing else to go on names no candidate.
    expect(guessId(url('https://recruit.jobadder.com/'))).toBeNull();
    // With nothing taught yet, the id is where the suggested pattern would look.
    expect(guessId(url(jobAdderUrl(ana.id)))).toBe(ana.id);
  });

  it('the id in the hash route’s query: #/candidates?candidate=<id>, not the company id beside it', () => {
    const pattern = suggestPattern(url(drawerAppUrl(ana.id)));
    expect(pattern).toBe('/#/candidates?candidate=:id');
    expect(patternId(pattern, url(drawerAppUrl(ben.id)))).toBe(ben.id);
    expect(patternCovers(pattern, url(drawerAppUrl()))).toBe(false);
    // Recruitee's notification link: another record's id (the company's) beside the candidate's is not its shape.
    expect(suggestPattern(url('https://app.recruitee.com/#/dashboard/overview?candidate=33498831&company=38422'))).toBe('/#/dashboard/overview?candidate=:id');
    // As a list, the open candidate is not part of the shape.
    expect(suggestPattern(url(drawerAppUrl(ana.id)), 'list')).toBe('/#/candidates');
  });

  it('#!/ routes, and an app under a path', () => {
    expect(suggestPattern(url('https://ats.example.org/#!/people/88123'))).toBe('/#!/people/:id');
    expect(patternId('/#!/people/:id', url('https://ats.example.org/#!/people/99001'))).toBe('99001');
    expect(suggestPattern(url('https://ats.example.org/app/41/#/talent/88123'))).toBe('/app/*/#/talent/:id');
    expect(patternId('/app/*/#/talent/:id', url('https://ats.example.org/app/77/#/talent/5501'))).toBe('5501');
  });

  it('ids with = or $ in a hash route, raw or encoded, in the path or the query', () => {
    expect(patternId('/#/candidates/:id', url(jobAdderUrl(b64.id)))).toBe(b64.id);
    expect(patternId('/#/candidates/:id', url(jobAdderUrl('Y2FuZGlkYXRlOjQ0Mg%3D%3D')))).toBe(b64.id);
    expect(patternId('/#/candidates?candidate=:id', url(drawerAppUrl(b64.id)))).toBe(b64.id);
    expect(patternId('/#/profile?cid=:id', url('https://ats.example.org/#/profile?cid=C$001$442'))).toBe('C$001$442');
    expect(PageCandidate.parse({ siteCandidateId: b64.id }).siteCandidateId).toBe(b64.id);
  });

  it('patterns without a hash route read as before: the pathname (a plain #anchor never hides a page), the URL’s query', () => {
    expect(patternId('/people/:id', url('https://ats.example.org/people/40112#activity'))).toBe('40112');
    expect(patternId('/people/:id', url('https://ats.example.org/people/40112#/notes'))).toBe('40112');
    expect(patternId('/agencies/*/people?person_id=:id', url('https://app.loxo.co/agencies/40713/people?person_id=88123401'))).toBe('88123401');
    // A hash pattern never matches the same route outside the fragment.
    expect(patternCovers('/#/candidates/:id', url('https://recruit.jobadder.com/candidates/4471203'))).toBe(false);
  });

  it('the schema takes hash routes (file format 2), and still refuses a plain fragment', () => {
    for (const path of ['/#/candidates/:id', '/#/candidates?candidate=:id', '/#!/people/:id', '/app/*/#/talent/:id']) {
      const recipe = { host: 'recruit.jobadder.com', path, fields: { name: 'h1' } };
      expect(SiteRecipe.parse(recipe).path, path).toBe(path);
      expect(needsFormat2(SiteRecipe.parse(recipe)), path).toBe(true);
    }
    for (const path of ['/#frag', '/a#frag', '/#/a#/b', '/#/a?x=1#/b', '#/candidates/:id', '/#/a/:id/:id']) expect(SiteRecipe.safeParse({ host: 'recruit.jobadder.com', path, fields: { name: 'h1' } }).success, path).toBe(false);
    expect(needsFormat2({ host: 'recruit.jobadder.com', path: '/candidates/:id', fields: { name: 'h1' } })).toBe(false);
  });
});

describe('taught hash-routed pages, read on every page of their shape', () => {
  beforeEach(() => {
    document.head.innerHTML = '<base href="https://recruit.jobadder.com/">';
    document.body.innerHTML = '';
  });

  it('JobAdder: a recipe taught on one record reads another (its id from the fragment, its name, its email, its button in place)', () => {
    const recipe: SiteRecipe = { host: 'recruit.jobadder.com', path: '/#/candidates/:id', fields: { name: 'header.record-header h1', anchor: 'div.record-actions' } };
    const adapters = applyRecipes(ADAPTERS, [recipe]);
    const page = url(jobAdderUrl(ben.id));
    const taught = adapters.find((a) => a.isSite(page))!;
    expect(taught.id).toBe('taught:recruit.jobadder.com');
    expect(taught.pageKind(page)).toBe('candidate');
    expect(recipeCandidateId(recipe, page)).toBe(ben.id);
    document.body.innerHTML = jobAdderRecordBody(ben);
    const [mount] = taught.mounts(document, page, 'candidate');
    expect(mount.anchor).toBe(document.querySelector('.record-actions'));
    expect(mount.candidate).toEqual({ siteCandidateId: ben.id, fullName: ben.name, email: ben.email });
    // Nothing on what is not a record: the list (no list taught), a settings page, the root.
    for (const other of [jobAdderUrl(), 'https://recruit.jobadder.com/#/settings', 'https://recruit.jobadder.com/']) expect(taught.pageKind(url(other)), other).toBeNull();
  });

  it('JobAdder: a list taught on #/candidates gives each row its button, identified by the row’s hash link', () => {
    const adapters = applyRecipes(ADAPTERS, [
      { host: 'recruit.jobadder.com', path: '/#/candidates/:id', fields: { name: 'h1' } },
      { host: 'recruit.jobadder.com', path: '/#/candidates', fields: { row: 'tr.candidate-row' } },
    ]);
    const list = url(jobAdderUrl());
    const taught = adapters.find((a) => a.isSite(list))!;
    expect(taught.pageKind(list)).toBe('candidate-list');
    document.body.innerHTML = jobAdderListBody([ana, b64, ben]);
    const mounts = taught.mounts(document, list, 'candidate-list');
    expect(mounts.map((m) => [m.candidate.siteCandidateId, m.candidate.fullName])).toEqual([
      [ana.id, ana.name],
      [b64.id, b64.name],
      [ben.id, ben.name],
    ]);
    // The record is still read by the page recipe (the longer pattern), not as the list.
    expect(taught.pageKind(url(jobAdderUrl(ana.id)))).toBe('candidate');
  });

  it('the list with the candidate open over it (#/candidates?candidate=): the drawer’s person, nothing while it is closed', () => {
    document.head.innerHTML = '<base href="https://app.example-ats.com/">';
    const recipe: SiteRecipe = { host: 'app.example-ats.com', path: '/#/candidates?candidate=:id', fields: { panel: 'aside.drawer', name: 'h2' } };
    const adapters = applyRecipes(ADAPTERS, [recipe]);
    const open = url(drawerAppUrl(b64.id));
    const taught = adapters.find((a) => a.isSite(open))!;
    expect(taught.pageKind(open)).toBe('candidate');
    document.body.innerHTML = drawerAppBody([ana, b64], b64);
    const [mount] = taught.mounts(document, open, 'candidate');
    expect(mount.candidate).toEqual({ siteCandidateId: b64.id, fullName: b64.name, email: b64.email });
    expect(mount).toMatchObject({ anchor: document.querySelector('aside.drawer'), position: 'prepend' });
    // The list alone names nobody: no button.
    expect(taught.pageKind(url(drawerAppUrl()))).toBeNull();
  });

  it('Recruitee (shipped): a recipe for its #/candidates?candidate= page keeps the adapter’s id and places the button', () => {
    document.head.innerHTML = '<base href="https://app.recruitee.com/">';
    const recipe: SiteRecipe = { host: 'app.recruitee.com', path: '/#/candidates?candidate=:id', fields: { panel: 'aside.drawer', name: 'h2' } };
    const adapters = applyRecipes(ADAPTERS, [recipe]);
    const page = url('https://app.recruitee.com/#/candidates?candidate=91234567');
    const recruitee = adapters.find((a) => a.isSite(page))!;
    expect(recruitee.id).toBe('recruitee');
    expect(recruitee.recipeInUse?.(page)).toBe('app.recruitee.com/#/candidates?candidate=:id');
    document.body.innerHTML = drawerAppBody([ana], { ...ana, id: '91234567' });
    const [mount] = recruitee.mounts(document, page, recruitee.pageKind(page)!);
    expect(mount.candidate).toMatchObject({ siteCandidateId: '91234567', fullName: ana.name, email: ana.email });
  });
});
