import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isPublicError } from '@/lib/errors';
import { recipeHandlers, requireOwnSite } from '@/lib/recipes/handlers';
import type { SiteRecipe, SiteYield } from '@/lib/recipes/schema';
import { healthItem } from '@/lib/recipes/items';
import { listRecipes } from '@/lib/recipes/store';

/** The recipes' worker side: a page teaches and reports on its own site only; saved recipes move the content script. */

const breezy: SiteRecipe = { host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2.cand-name' } };
const report: SiteYield = {
  host: 'app.breezy.hr',
  path: '/candidates/1',
  adapterId: 'taught:app.breezy.hr',
  kind: 'candidate',
  idFromUrl: true,
  nameRead: true,
  stageRead: false,
  anchor: 'found',
  rows: 0,
};
const fromPage = (pageUrl?: string) => ({ sender: pageUrl ? ('content-script' as const) : ('extension-page' as const), pageUrl });
const refusal = (error: unknown) => (isPublicError(error) ? [error.message, error.code] : error);

let registrations: number;
beforeEach(() => {
  fakeBrowser.reset();
  registrations = 0;
  Object.assign(fakeBrowser.permissions, { getAll: async () => ({ origins: ['https://app.breezy.hr/*'], permissions: [] }) });
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    getRegisteredContentScripts: async () => [],
    registerContentScripts: async () => void registrations++,
    unregisterContentScripts: async () => undefined,
    executeScript: async () => [],
  };
  Object.assign(fakeBrowser.tabs, { query: async () => [] });
});

describe('a page teaches its own site only', () => {
  it('a page on the recipe’s host, or an extension page, may; a page on another host may not', () => {
    expect(() => requireOwnSite('app.breezy.hr', 'https://app.breezy.hr/candidates/1')).not.toThrow();
    expect(() => requireOwnSite('app.breezy.hr', undefined)).not.toThrow();
    for (const pageUrl of ['https://evil.example.org/app.breezy.hr', 'https://app.breezy.hr.evil.example.org/', 'https://other.breezy.hr/']) {
      const error = (() => {
        try {
          requireOwnSite('app.breezy.hr', pageUrl);
        } catch (e) {
          return e;
        }
      })();
      expect(refusal(error), pageUrl).toEqual(['This request is not allowed from here.', 'forbidden']);
    }
  });

  it('saving from another site’s page stores nothing; from its own page it stores and the content script follows', async () => {
    const handlers = recipeHandlers(async () => true);
    const refused = await handlers.saveSiteRecipe({ recipe: breezy }, fromPage('https://elsewhere.example.org/')).catch((e: unknown) => e);
    expect(refusal(refused)).toEqual(['This request is not allowed from here.', 'forbidden']);
    expect(await listRecipes()).toEqual([]);
    expect(registrations).toBe(0);

    const saved = await handlers.saveSiteRecipe({ recipe: breezy }, fromPage('https://app.breezy.hr/candidates/7'));
    expect(saved.map((stored) => stored.recipe.host)).toEqual(['app.breezy.hr']);
    expect(registrations).toBe(1);
  });

  it('a yield report from another site’s page is refused and not recorded', async () => {
    const handlers = recipeHandlers(async () => true);
    const refused = await handlers.reportSiteYield(report, fromPage('https://elsewhere.example.org/')).catch((e: unknown) => e);
    expect(refusal(refused)).toEqual(['This request is not allowed from here.', 'forbidden']);
    expect(await healthItem.getValue()).toEqual({});
    await handlers.reportSiteYield(report, fromPage('https://app.breezy.hr/candidates/1'));
    expect(Object.keys(await healthItem.getValue())).toEqual(['app.breezy.hr']);
  });

  it('teaching is offered on an admin’s browser only (the team’s rule, handed in)', async () => {
    await expect(recipeHandlers(async () => true).teachOffered(undefined, fromPage())).resolves.toBe(true);
    await expect(recipeHandlers(async () => false).teachOffered(undefined, fromPage())).resolves.toBe(false);
  });
});
