import type { SiteHealth, StoredRecipe } from './schema';

/**
 * Where recipes and site health live: `storage.local`, so the ATS content script reads the recipes at page load
 * without a round trip to the worker. Only the service worker writes them (lib/recipes/store.ts), after validating
 * with the zod schemas; pages change them through intents.
 *
 * A two-key item of our own rather than WXT's `storage.defineItem`: these were its only users, and its module (the
 * drivers for every area, the version/migration runner, a lock library) rode on the worker's start path and in the
 * ATS content script, where it also read each key once more at import. Same stored keys and values as before
 * (`local:siteRecipes` was the key `siteRecipes` in storage.local; no version meta was ever written, as no
 * migrations were declared), same reads: a missing value reads as the fallback, writing null removes the key,
 * a watcher hears only real changes (see @wxt-dev/storage 1.3 dist/index.mjs: createDriver, defineItem).
 */
export interface LocalItem<T> {
  /** The key in storage.local. */
  key: string;
  getValue(): Promise<T>;
  setValue(value: T | null): Promise<void>;
  /** Called on every change another context (or this one) writes; returns the unwatch function. */
  watch(onChange: (value: T, previous: T) => void): () => void;
}

/** Deep equality for what storage.local holds (JSON data): a write of the same value is not a change. */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((k) => Object.hasOwn(right, k) && sameStoredValue(left[k], right[k]));
}

export function localItem<T>(key: string, fallback: T): LocalItem<T> {
  return {
    key,
    getValue: async () => ((await browser.storage.local.get(key))[key] as T | undefined) ?? fallback,
    setValue: async (value) => {
      if (value == null) await browser.storage.local.remove(key);
      else await browser.storage.local.set({ [key]: value });
    },
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[key];
        if (!change || sameStoredValue(change.newValue, change.oldValue)) return;
        onChange((change.newValue as T | undefined) ?? fallback, (change.oldValue as T | undefined) ?? fallback);
      };
      browser.storage.local.onChanged.addListener(listener);
      return () => browser.storage.local.onChanged.removeListener(listener);
    },
  };
}

export const recipesItem = localItem<StoredRecipe[]>('siteRecipes', []);
/** By host: what the last page of each site yielded. */
export const healthItem = localItem<Record<string, SiteHealth>>('siteHealth', {});
