import { healthItem, recipesItem } from './items';
import type { SiteHealth, StoredRecipe } from './schema';

/**
 * What pages and the options page read: the stored recipes and the per-site health, kept current as the worker
 * writes them. Reads only; every change goes through an intent.
 */
// An unreadable store reads as no recipes: the built-in adapters still work, and the options page shows none to edit.
export const readRecipes = (): Promise<StoredRecipe[]> => recipesItem.getValue().catch(() => []);

/** Called with the recipes whenever the worker changes them. */
export function onRecipesChange(onChange: (recipes: StoredRecipe[]) => void): () => void {
  return recipesItem.watch((value) => onChange(value ?? []));
}

/** The recipes now, and again on every change. */
export function watchRecipes(onChange: (recipes: StoredRecipe[]) => void): () => void {
  void readRecipes().then(onChange);
  return onRecipesChange(onChange);
}

export function watchSiteHealth(onChange: (health: SiteHealth[]) => void): () => void {
  const emit = (value: Record<string, SiteHealth> | null) => onChange(Object.values(value ?? {}).sort((a, b) => b.at.localeCompare(a.at)));
  void healthItem.getValue().then(emit);
  return healthItem.watch(emit);
}
