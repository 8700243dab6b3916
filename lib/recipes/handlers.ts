import { logFailure } from '../activity';
import { PublicError } from '../errors';
import { t as generic } from '../messaging/messages';
import type { HandlersFor } from '../messaging/server';
import { injectIntoAskingTab, openOnPageBehindPopup, type InPageTool } from '../sites/active-tab';
import { TEACHER_GLOBAL } from '../sites/ui/globals';
import type { recipeIntents } from './intents';
import { syncGrantedHostScripts } from './registration';
import { deleteRecipe, exportRecipes, importRecipes, recordYield, saveRecipe } from './store';

/** The "Teach this page" picker, injected into a page. */
const TEACHER: InPageTool = { script: '/content-scripts/teach.js', global: TEACHER_GLOBAL };

/**
 * A page teaches and reports on its own site only: a content script's page (`pageUrl`) must be on the recipe's
 * host. Extension pages (no `pageUrl`) edit every recipe.
 */
export function requireOwnSite(host: string, pageUrl: string | undefined): void {
  if (pageUrl !== undefined && new URL(pageUrl).hostname !== host) throw new PublicError(generic('forbidden'), 'forbidden');
}

/** Recipes change which hosts the content script runs on: its registration follows (a failure is logged). */
const followHosts = () => syncGrantedHostScripts().catch(logFailure('connection', 'hostScripts'));

/**
 * Teach this page and adapter health (ATS pages, the popup, options → Sites). `isAdminBrowser`: whether this
 * browser's admin may teach (lib/teams: not a recruiter's browser that follows a team file).
 */
export function recipeHandlers(isAdminBrowser: () => Promise<boolean>): HandlersFor<typeof recipeIntents> {
  return {
    saveSiteRecipe: async ({ recipe, previousKey }, { pageUrl }) => {
      requireOwnSite(recipe.host, pageUrl);
      const list = await saveRecipe(recipe, 'local', previousKey);
      await followHosts();
      return list;
    },
    deleteSiteRecipe: async (key) => {
      const list = await deleteRecipe(key);
      await followHosts();
      return list;
    },
    exportSiteRecipes: async () => exportRecipes(),
    importSiteRecipes: async (text) => {
      const summary = await importRecipes(text);
      await followHosts();
      return summary;
    },
    reportSiteYield: async (report, { pageUrl }) => {
      requireOwnSite(report.host, pageUrl);
      await recordYield(report);
      return null;
    },
    teachOffered: async () => isAdminBrowser(),
    loadTeacher: async (_input, { tabId }) => injectIntoAskingTab(tabId, TEACHER.script),
    // The toolbar click granted this tab (activeTab): the picker may save its recipe from there.
    teachActiveTab: async () => openOnPageBehindPopup(TEACHER, {}),
  };
}

/** Start-up: the content script's registration follows the granted hosts (install, grants given or taken back). */
export function startRecipes(): void {
  browser.runtime.onInstalled.addListener(() => void syncGrantedHostScripts());
  browser.permissions.onAdded.addListener(() => void syncGrantedHostScripts());
  browser.permissions.onRemoved.addListener(() => void syncGrantedHostScripts());
  void syncGrantedHostScripts();
}
