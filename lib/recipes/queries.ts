import { healthItem, recipesItem } from './items';
import type { SiteHealth, StoredRecipe } from './schema';

/**
 * What the options page reads (Sites): the stored recipes and the per-site health, kept current as the worker
 * writes them. Reads only; every change goes through an intent.
 */
export function watchRecipes(onChange: (recipes: StoredRecipe[]) => void): () => void {
  void recipesItem.getValue().then(onChange);
  return recipesItem.watch((value) => onChange(value ?? []));
}

export function watchSiteHealth(onChange: (health: SiteHealth[]) => void): () => void {
  const emit = (value: Record<string, SiteHealth> | null) => onChange(Object.values(value ?? {}).sort((a, b) => b.at.localeCompare(a.at)));
  void healthItem.getValue().then(emit);
  return healthItem.watch(emit);
}
