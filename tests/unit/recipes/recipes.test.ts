// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyRecipes, recipeCandidateId, recipeFor } from '@/lib/recipes/apply';
import { recipesItem } from '@/lib/recipes/items';
import { SiteRecipe, SiteYield } from '@/lib/recipes/schema';
import { applyPolicyRecipes, deleteRecipe, exportRecipes, importRecipes, recordYield, saveRecipe, taughtHosts } from '@/lib/recipes/store';
import { healthItem } from '@/lib/recipes/items';
import { ADAPTERS, greenhouse } from '@/lib/sites/adapters';
import { TeamSetupFile } from '@/lib/teams/schema';

/** Recipes: data validated by one schema, applied to the adapters on the page, stored only by the worker. */

const breezy: SiteRecipe = { host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2.cand-name', email: 'a[data-qa="candidate-email"]', stage: '.stage-pill', anchor: '.toolbar' } };

describe('recipe schema', () => {
  it('takes selectors and a path pattern as plain strings, and refuses what is not one', () => {
    expect(SiteRecipe.parse({ ...breezy, host: 'App.Breezy.HR' }).host).toBe('app.breezy.hr');
    const refused = [
      { ...breezy, host: 'https://app.breezy.hr' },
      { ...breezy, host: 'localhost' },
      { ...breezy, path: 'candidates/:id' },
      { ...breezy, path: '/a/:id/b/:id' },
      { ...breezy, fields: { name: 'h1 { color: red }' } },
      { ...breezy, fields: { name: '<img src=x onerror=alert(1)>' } },
      { ...breezy, fields: { name: 'x'.repeat(501) } },
      { ...breezy, fields: {} },
      { ...breezy, fields: { name: 'h1', script: 'alert(1)' } },
      { ...breezy, code: 'alert(1)' },
    ];
    for (const recipe of refused) expect(SiteRecipe.safeParse(recipe).success, JSON.stringify(recipe)).toBe(false);
  });

  it('site health records are small and typed', () => {
    const report = { host: 'app.breezy.hr', path: '/candidates/1', adapterId: 'taught:app.breezy.hr', kind: 'candidate', idFromUrl: true, nameRead: true, stageRead: false, anchor: 'floating', rows: 0 };
    expect(SiteYield.parse(report)).toEqual(report);
    expect(SiteYield.safeParse({ ...report, anchor: 'somewhere' }).success).toBe(false);
  });

  it('the team setup file carries recipes from version 2; version 1 files are still read', () => {
    const file = { format: 'hirebridge-team-setup', createdAt: '2026-12-01T10:00:00.000Z', company: {}, connections: [], settings: {}, syncRules: {} };
    expect(TeamSetupFile.safeParse({ ...file, version: 1 }).success).toBe(true);
    expect(TeamSetupFile.parse({ ...file, version: 2, siteRecipes: [breezy] }).siteRecipes).toEqual([breezy]);
    expect(TeamSetupFile.safeParse({ ...file, version: 2, siteRecipes: [{ ...breezy, fields: { name: 'a{}' } }] }).success).toBe(false);
  });
});

describe('recipe application (page side)', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('the candidate id comes from :id in the path, else from the last id-like segment', () => {
    const at = (path: string) => new URL(`https://app.breezy.hr${path}`);
    expect(recipeCandidateId(breezy, at('/candidates/8842719'))).toBe('8842719');
    expect(recipeCandidateId(breezy, at('/jobs/8842719'))).toBeNull();
    expect(recipeCandidateId({}, at('/talent/profiles/abc123'))).toBe('abc123');
    expect(recipeCandidateId({}, at('/talent/profiles'))).toBeNull();
  });

  it('the most specific recipe for the page wins; another host gets none', () => {
    const whole: SiteRecipe = { host: 'app.breezy.hr', fields: { name: 'h1' } };
    expect(recipeFor([whole, breezy], new URL('https://app.breezy.hr/candidates/1'))).toBe(breezy);
    expect(recipeFor([whole, breezy], new URL('https://app.breezy.hr/settings'))).toBe(whole);
    expect(recipeFor([whole, breezy], new URL('https://evil.example/candidates/1'))).toBeUndefined();
  });

  it('a host no adapter knows gets an adapter of its own that reads the page with the recipe', () => {
    document.body.innerHTML = `<h2 class="cand-name">Ana Ruiz</h2><a data-qa="candidate-email" href="mailto:ana.ruiz@example.com">write</a>
      <a href="mailto:someone.else@example.com">other</a><span class="stage-pill">Hired</span><div class="toolbar"></div>`;
    const adapters = applyRecipes(ADAPTERS, [breezy]);
    const url = new URL('https://app.breezy.hr/candidates/8842719');
    const taught = adapters.find((a) => a.isSite(url))!;
    expect(taught.id).toBe('taught:app.breezy.hr');
    expect(taught.pageKind(url)).toBe('candidate');
    const [mount] = taught.mounts(document, url, 'candidate');
    expect(mount.anchor).toBe(document.querySelector('.toolbar'));
    expect(mount.candidate).toMatchObject({ siteCandidateId: '8842719', fullName: 'Ana Ruiz', email: 'ana.ruiz@example.com', stage: 'Hired' });
    expect(taught.recipeInUse?.(url)).toBe('app.breezy.hr/candidates/:id');
    // Without recipes nothing knows the host.
    expect(ADAPTERS.find((a) => a.isSite(url))).toBeUndefined();
  });

  it('a recipe for a built-in adapter replaces its selectors on the pages it covers, and only there', () => {
    document.body.innerHTML = `<div class="new-header"><span class="who">Lucas Moreau</span><nav class="tools"></nav></div><h1 class="person-name">Old name</h1>`;
    const override: SiteRecipe = { host: 'app.greenhouse.io', path: '/people/:id', fields: { name: '.who', anchor: '.tools' } };
    const adapters = applyRecipes(ADAPTERS, [override]);
    const url = new URL('https://app.greenhouse.io/people/40112234');
    const wrapped = adapters.find((a) => a.isSite(url))!;
    expect(wrapped.id).toBe('greenhouse');
    const [mount] = wrapped.mounts(document, url, 'candidate');
    expect(mount.anchor).toBe(document.querySelector('.tools'));
    expect(mount.candidate).toMatchObject({ siteCandidateId: '40112234', fullName: 'Lucas Moreau' });
    // The built-in adapter alone reads its own selectors (no anchor here: floating).
    expect(greenhouse.mounts(document, url, 'candidate')).toEqual([]);
    // Another Greenhouse host is not covered by this recipe.
    const eu = new URL('https://app.eu.greenhouse.io/people/40112234');
    expect(adapters.find((a) => a.isSite(eu))!.recipeInUse?.(eu)).toBeUndefined();
  });

  it('a list recipe gives every row its button, with the id from its link to a taught candidate page', () => {
    document.body.innerHTML = `<ul class="people"><li class="person"><a href="/candidates/11">Ana</a></li><li class="person"><a href="/candidates/12">Ben</a></li></ul>`;
    const list: SiteRecipe = { host: 'app.breezy.hr', path: '/candidates', fields: { row: 'li.person' } };
    const adapters = applyRecipes(ADAPTERS, [breezy, list]);
    const url = new URL('https://app.breezy.hr/candidates');
    document.head.innerHTML = '<base href="https://app.breezy.hr/">';
    const taught = adapters.find((a) => a.isSite(url))!;
    expect(taught.pageKind(url)).toBe('candidate-list');
    expect(taught.mounts(document, url, 'candidate-list').map((m) => [m.candidate.siteCandidateId, m.candidate.fullName])).toEqual([
      ['11', 'Ana'],
      ['12', 'Ben'],
    ]);
  });
});

describe('recipe store (worker side)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves, replaces on edit, deletes; a policy recipe is read-only and outranks the others for its site', async () => {
    await saveRecipe(breezy);
    await saveRecipe({ ...breezy, fields: { name: 'h1' } });
    expect((await recipesItem.getValue()).map((e) => e.recipe.fields)).toEqual([{ name: 'h1' }]);
    expect(await taughtHosts()).toEqual(['app.breezy.hr']);
    await saveRecipe({ ...breezy, path: '/people/:id' }, 'local', 'app.breezy.hr/candidates/:id');
    expect((await recipesItem.getValue()).map((e) => e.recipe.path)).toEqual(['/people/:id']);

    const notes = await applyPolicyRecipes([{ host: 'app.breezy.hr', path: '/people/:id', fields: { name: '.policy' } }, { host: 'nope', fields: {} }], 'Acme IT');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^siteRecipes\[1\]/);
    const stored = await recipesItem.getValue();
    expect(stored).toEqual([{ recipe: { host: 'app.breezy.hr', path: '/people/:id', fields: { name: '.policy' } }, origin: 'policy', managedBy: 'Acme IT' }]);
    await expect(saveRecipe({ ...breezy, path: '/people/:id' })).rejects.toThrow('managed by Acme IT');
    await expect(deleteRecipe('app.breezy.hr/people/:id')).rejects.toThrow('managed by Acme IT');
    // The policy stops naming it: it goes.
    await applyPolicyRecipes(undefined, undefined);
    expect(await recipesItem.getValue()).toEqual([]);
  });

  it('export and import round-trip; a bad file changes nothing and says why', async () => {
    await saveRecipe(breezy);
    const { text, count } = await exportRecipes();
    expect(count).toBe(1);
    await deleteRecipe('app.breezy.hr/candidates/:id');
    expect(await recipesItem.getValue()).toEqual([]);
    await expect(importRecipes(text)).resolves.toEqual({ imported: 1, managed: 0 });
    const before = await recipesItem.getValue();
    expect(before.map((e) => e.recipe.host)).toEqual(['app.breezy.hr']);

    const file = JSON.parse(text);
    await expect(importRecipes('{not json')).rejects.toThrow('not JSON');
    await expect(importRecipes(JSON.stringify({ hello: 1 }))).rejects.toThrow('not a Hirebridge recipes file');
    await expect(importRecipes(JSON.stringify({ ...file, version: 9 }))).rejects.toThrow('newer Hirebridge (format version 9)');
    await expect(importRecipes(JSON.stringify({ ...file, recipes: [...file.recipes, { host: 'x.example', fields: { name: 'h1 {}' } }] }))).rejects.toThrow(
      /damaged \(recipes\.1\.fields\.name: Not a CSS selector\.\)\. Nothing was changed/,
    );
    expect(await recipesItem.getValue()).toEqual(before);
  });

  it('keeps one small health record per site, written only when what the page yielded changed', async () => {
    const report = SiteYield.parse({ host: 'app.breezy.hr', path: '/candidates/1', adapterId: 'taught:app.breezy.hr', kind: 'candidate', idFromUrl: true, nameRead: true, stageRead: true, anchor: 'found', rows: 0 });
    await recordYield(report);
    const first = (await healthItem.getValue())['app.breezy.hr'];
    expect(first).toMatchObject(report);
    await recordYield({ ...report, anchor: 'floating' });
    const all = await healthItem.getValue();
    expect(Object.keys(all)).toEqual(['app.breezy.hr']);
    expect(all['app.breezy.hr'].anchor).toBe('floating');
  });
});
