import { PublicError } from '../errors';
import { siteForUrl } from '../sites/where';
import { healthItem, recipesItem } from './items';
import { t } from './messages';
import {
  firstIssue,
  recipeKey,
  RECIPES_FORMAT,
  RECIPES_VERSION,
  needsFormat2,
  RecipesEnvelope,
  RecipesFile,
  SiteRecipe,
  type RecipeOrigin,
  type SiteHealth,
  type SiteYield,
  type StoredRecipe,
} from './schema';

/**
 * The service worker's side of recipes: the one writer of the stored list (taught here, imported from a file or the
 * team setup file, deployed by the organisation's policy) and of the per-site health records. Every recipe is
 * validated with the schema before it is stored; a policy's recipe outranks any other for the same site and is
 * read-only.
 */

const MAX_HEALTH_SITES = 200;

export async function listRecipes(): Promise<StoredRecipe[]> {
  return recipesItem.getValue();
}

async function policyEntry(key: string): Promise<StoredRecipe | undefined> {
  return (await listRecipes()).find((entry) => entry.origin === 'policy' && recipeKey(entry.recipe) === key);
}

function refuseManaged(entry: StoredRecipe): never {
  throw new PublicError(t('managedRecipe', { site: recipeKey(entry.recipe), who: entry.managedBy ?? t('yourOrganisation') }));
}

/** Store one recipe (new, or replacing the one for the same site), unless the policy manages that site. */
export async function saveRecipe(input: SiteRecipe, origin: Exclude<RecipeOrigin, 'policy'> = 'local', previousKey?: string): Promise<StoredRecipe[]> {
  const recipe = SiteRecipe.parse({ ...input, updatedAt: new Date().toISOString() });
  const key = recipeKey(recipe);
  const managed = (await policyEntry(key)) ?? (previousKey ? await policyEntry(previousKey) : undefined);
  if (managed) refuseManaged(managed);
  const list = (await listRecipes()).filter((entry) => ![key, previousKey].includes(recipeKey(entry.recipe)));
  const next = [...list, { recipe, origin }];
  await recipesItem.setValue(next);
  return next;
}

export async function deleteRecipe(key: string): Promise<StoredRecipe[]> {
  const list = await listRecipes();
  const entry = list.find((e) => recipeKey(e.recipe) === key);
  if (!entry) throw new PublicError(t('noRecipe', { site: key }));
  if (entry.origin === 'policy') refuseManaged(entry);
  const next = list.filter((e) => e !== entry);
  await recipesItem.setValue(next);
  return next;
}

/** The admin's own recipes (not the policy's) as a file. */
export async function exportRecipes(): Promise<{ text: string; fileName: string; count: number }> {
  const recipes = (await listRecipes()).filter((e) => e.origin !== 'policy').map((e) => e.recipe);
  // The oldest format that holds them: a file of plain recipes stays readable by a Hirebridge that knows only version 1.
  const file = { format: RECIPES_FORMAT, version: recipes.some(needsFormat2) ? RECIPES_VERSION : 1, exportedAt: new Date().toISOString(), recipes };
  return { text: JSON.stringify(file, null, 2), fileName: `hirebridge-recipes-${new Date().toISOString().slice(0, 10)}.json`, count: recipes.length };
}

/** Read a recipes file: a clear reason when it is not one, or from a newer version, or damaged. */
export function parseRecipesFile(text: string): SiteRecipe[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PublicError(t('notJson'));
  }
  const envelope = RecipesEnvelope.safeParse(raw);
  if (!envelope.success) throw new PublicError(t('notRecipes'));
  if (envelope.data.version > RECIPES_VERSION) throw new PublicError(t('newer', { version: envelope.data.version }));
  const parsed = RecipesFile.safeParse(raw);
  if (!parsed.success) throw new PublicError(t('damaged', { detail: firstIssue(parsed.error) }));
  return parsed.data.recipes;
}

/**
 * Import a file's recipes: all of them or, when the file is not right, none (nothing changes). Sites the policy
 * manages keep the policy's recipe.
 */
export async function importRecipes(text: string): Promise<{ imported: number; managed: number }> {
  const recipes = parseRecipesFile(text);
  const list = await listRecipes();
  const policyKeys = new Set(list.filter((e) => e.origin === 'policy').map((e) => recipeKey(e.recipe)));
  const incoming = recipes.filter((r) => !policyKeys.has(recipeKey(r)));
  const keys = new Set(incoming.map(recipeKey));
  await recipesItem.setValue([...list.filter((e) => !keys.has(recipeKey(e.recipe))), ...incoming.map((recipe) => ({ recipe, origin: 'local' as const }))]);
  return { imported: incoming.length, managed: recipes.length - incoming.length };
}

/** The team setup file's recipes replace those an earlier file brought (the admin's own and the policy's stay). */
export async function replaceFileRecipes(recipes: readonly SiteRecipe[]): Promise<void> {
  const list = (await listRecipes()).filter((e) => e.origin !== 'file');
  const taken = new Set(list.map((e) => recipeKey(e.recipe)));
  await recipesItem.setValue([...list, ...recipes.filter((r) => !taken.has(recipeKey(r))).map((recipe) => ({ recipe, origin: 'file' as const }))]);
}

/** Recipes to put into a team setup file: every one but the policy's (each browser gets those from its policy). */
export async function teamFileRecipes(): Promise<SiteRecipe[]> {
  return (await listRecipes()).filter((e) => e.origin !== 'policy').map((e) => e.recipe);
}

/**
 * The policy's recipes, validated one by one: a wrong one is left out with a note, the rest are applied. They replace
 * the policy's previous ones, and any other recipe for the same sites.
 */
export async function applyPolicyRecipes(raw: unknown, managedBy: string | undefined): Promise<string[]> {
  const notes: string[] = [];
  const valid: SiteRecipe[] = [];
  if (Array.isArray(raw)) {
    raw.slice(0, 200).forEach((item, index) => {
      const parsed = SiteRecipe.safeParse(item);
      if (parsed.success) valid.push(parsed.data);
      else notes.push(`siteRecipes[${index}]: ${firstIssue(parsed.error)}`);
    });
  }
  const keys = new Set(valid.map(recipeKey));
  const current = await listRecipes();
  const kept = current.filter((e) => e.origin !== 'policy' && !keys.has(recipeKey(e.recipe)));
  const next = [...kept, ...valid.map((recipe) => ({ recipe, origin: 'policy' as const, ...(managedBy ? { managedBy } : {}) }))];
  if (JSON.stringify(next) !== JSON.stringify(current)) await recipesItem.setValue(next);
  return notes;
}

/** Hosts recipes teach that no built-in site knows (their pages need the ATS content script registered). */
export async function taughtHosts(): Promise<string[]> {
  const hosts = new Set((await listRecipes()).map((e) => e.recipe.host));
  return [...hosts].filter((host) => !siteForUrl(new URL(`https://${host}/`)));
}

/** Keep what a site's last page yielded (one record per host; the oldest go past 200 sites). */
export async function recordYield(report: SiteYield): Promise<void> {
  const all = await healthItem.getValue();
  const previous = all[report.host];
  const { at: _at, ...before } = previous ?? ({} as SiteHealth);
  if (previous && JSON.stringify(before) === JSON.stringify(report)) return;
  const next: Record<string, SiteHealth> = { ...all, [report.host]: { ...report, at: new Date().toISOString() } };
  const hosts = Object.keys(next);
  if (hosts.length > MAX_HEALTH_SITES) {
    hosts.sort((a, b) => next[a].at.localeCompare(next[b].at)).slice(0, hosts.length - MAX_HEALTH_SITES).forEach((host) => delete next[host]);
  }
  await healthItem.setValue(next);
}
