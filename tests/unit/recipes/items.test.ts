import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { healthItem, localItem, recipesItem, sameStoredValue } from '@/lib/recipes/items';

/**
 * The recipes' storage.local items: the same keys and reads WXT's storage.defineItem gave them before (the ATS
 * content script and the worker read what earlier versions stored).
 */
describe('recipes storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keep the keys earlier versions stored under (WXT’s local:siteRecipes / local:siteHealth)', async () => {
    const stored = [{ recipe: { host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2' } }, origin: 'local' }];
    await browser.storage.local.set({ siteRecipes: stored, siteHealth: { 'app.breezy.hr': { host: 'app.breezy.hr' } } });
    expect(await recipesItem.getValue()).toEqual(stored);
    expect(Object.keys(await healthItem.getValue())).toEqual(['app.breezy.hr']);
  });

  it('read the fallback when nothing is stored; writing null removes the key', async () => {
    const item = localItem<string[]>('someList', []);
    expect(await item.getValue()).toEqual([]);
    await item.setValue(['a']);
    expect(await browser.storage.local.get('someList')).toEqual({ someList: ['a'] });
    await item.setValue(null);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await item.getValue()).toEqual([]);
  });

  it('a watcher hears changes (a removal as the fallback), not a write of the same value, and stops when unwatched', async () => {
    const item = localItem<{ n: number }[]>('someList', []);
    const heard: [unknown, unknown][] = [];
    const unwatch = item.watch((value, previous) => heard.push([value, previous]));
    await item.setValue([{ n: 1 }]);
    await item.setValue([{ n: 1 }]);
    await browser.storage.local.set({ otherKey: 1 });
    await item.setValue(null);
    unwatch();
    await item.setValue([{ n: 2 }]);
    expect(heard).toEqual([
      [[{ n: 1 }], []],
      [[], [{ n: 1 }]],
    ]);
  });

  it('compares stored values deeply, whatever the order of keys', () => {
    expect(sameStoredValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameStoredValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameStoredValue([1, 2], [2, 1])).toBe(false);
    expect(sameStoredValue([], {})).toBe(false);
    expect(sameStoredValue(null, undefined)).toBe(false);
    expect(sameStoredValue({ a: null }, { a: null })).toBe(true);
  });
});
