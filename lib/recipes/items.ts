import { storage } from 'wxt/utils/storage';
import type { SiteHealth, StoredRecipe } from './schema';

/**
 * Where recipes and site health live: `storage.local` (WXT's typed items), so the ATS content script reads the
 * recipes at page load without a round trip to the worker. Only the service worker writes them (lib/recipes/store.ts),
 * after validating with the zod schemas; pages change them through intents.
 */
export const recipesItem = storage.defineItem<StoredRecipe[]>('local:siteRecipes', { fallback: [] });
/** By host: what the last page of each site yielded. */
export const healthItem = storage.defineItem<Record<string, SiteHealth>>('local:siteHealth', { fallback: {} });
