import { z } from 'zod';
import { SiteRecipe, SiteYield, type StoredRecipe } from '../../recipes/schema';
import type { Result } from '../result';

/**
 * "Teach this page" and adapter health. The picker (in the page) sends the recipe it built; the options page edits,
 * deletes, exports and imports recipes; ATS pages report what they yielded. The worker validates and stores.
 */
export const SaveRecipeInput = z.object({ recipe: SiteRecipe, previousKey: z.string().max(600).optional() });

export const recipeIntents = {
  saveSiteRecipe: { input: SaveRecipeInput, from: ['content-script', 'extension-page'], admin: true },
  deleteSiteRecipe: { input: z.string().min(1).max(600), from: ['extension-page'], admin: true },
  exportSiteRecipes: { input: z.undefined(), from: ['extension-page'] },
  importSiteRecipes: { input: z.string().max(2_000_000), from: ['extension-page'], admin: true },
  reportSiteYield: { input: SiteYield, from: ['content-script'] },
  /** May this browser's admin teach pages (not a recruiter's browser)? Asked by a page before offering the button. */
  teachOffered: { input: z.undefined(), from: ['content-script', 'extension-page'] },
  /** Inject the picker into the asking tab (harmless in itself: saving what it teaches needs the admin). */
  loadTeacher: { input: z.undefined(), from: ['content-script'] },
  /** The popup: open the picker on the page in the current tab. */
  teachActiveTab: { input: z.undefined(), from: ['extension-page'], admin: true },
} as const;

export interface RecipeProtocol {
  saveSiteRecipe(input: z.input<typeof SaveRecipeInput>): Result<StoredRecipe[]>;
  deleteSiteRecipe(key: string): Result<StoredRecipe[]>;
  exportSiteRecipes(): Result<{ text: string; fileName: string; count: number }>;
  importSiteRecipes(text: string): Result<{ imported: number; managed: number }>;
  reportSiteYield(input: z.input<typeof SiteYield>): Result<null>;
  teachOffered(): Result<boolean>;
  loadTeacher(): Result<null>;
  teachActiveTab(): Result<{ tabTitle?: string }>;
}

