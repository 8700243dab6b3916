import { z } from 'zod/mini';
import { SiteRecipe, SiteYield, type StoredRecipe } from './schema';
import { intent, type IntentSpec } from '../messaging/intent';

/**
 * "Teach this page" and adapter health. The picker (in the page) sends the recipe it built; the options page edits,
 * deletes, exports and imports recipes; ATS pages report what they yielded. The worker validates and stores.
 */
export const SaveRecipeInput = z.object({ recipe: SiteRecipe, previousKey: z.optional(z.string().check(z.maxLength(600))) });

export const recipeIntents = {
  saveSiteRecipe: intent<StoredRecipe[]>()({ input: SaveRecipeInput, from: ['content-script', 'extension-page'], admin: true }),
  deleteSiteRecipe: intent<StoredRecipe[]>()({ input: z.string().check(z.minLength(1), z.maxLength(600)), from: ['extension-page'], admin: true }),
  exportSiteRecipes: intent<{ text: string; fileName: string; count: number }>()({ input: z.undefined(), from: ['extension-page'] }),
  importSiteRecipes: intent<{ imported: number; managed: number }>()({
    input: z.string().check(z.maxLength(2_000_000)),
    from: ['extension-page'],
    admin: true,
  }),
  reportSiteYield: intent<null>()({ input: SiteYield, from: ['content-script'] }),
  /** May this browser's admin teach pages (not a recruiter's browser)? Asked by a page before offering the button. */
  teachOffered: intent<boolean>()({ input: z.undefined(), from: ['content-script', 'extension-page'] }),
  /** Inject the picker into the asking tab (harmless in itself: saving what it teaches needs the admin). */
  loadTeacher: intent<null>()({ input: z.undefined(), from: ['content-script'] }),
  /** The popup: open the picker on the page in the current tab. */
  teachActiveTab: intent<{ tabTitle?: string }>()({ input: z.undefined(), from: ['extension-page'], admin: true }),
} as const satisfies Record<string, IntentSpec>;

type RecipeIntents = typeof recipeIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends RecipeIntents {}
}
