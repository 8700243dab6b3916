import { checkConnection, connect, listConnections, removeConnection } from '@/lib/connections';
import { exportProgress, factorialLookups, registerExportOperations, forgetLookups, importTrackedApplication, pageCandidatesStatus, prepareExport, submitExport } from '@/lib/export';
import { logFailure } from '@/lib/activity';
import { PublicError } from '@/lib/errors';
import { serveIntents, type SenderPolicy } from '@/lib/messaging/server';
import type { IntentTable } from '@/lib/messaging/protocol';
import { connectionIntents } from '@/lib/connections/intents';
import { exportIntents } from '@/lib/export/intents';
import { hiredListIntents } from '@/lib/hires/intents';
import { jobIntents } from '@/lib/jobs/intents';
import { recipeIntents } from '@/lib/recipes/intents';
import { adminIntents } from '@/lib/security/intents';
import { settingsIntents } from '@/lib/settings/intents';
import { sourcingIntents } from '@/lib/sourcing/intents';
import { teamIntents } from '@/lib/teams/intents';
import { buildProfilePdf, prepareProfilePdf } from '@/lib/pdf';
import { loadProfileFonts } from '@/lib/sourcing/fonts';
import { dialogFrameIntents } from '@/lib/dialogs/intents';
import { t } from '@/lib/messaging/messages';
import { onOutboxAlarm, resumeOutbox } from '@/lib/outbox';
import {
  capturePageCandidates,
  dismissBulkExport,
  followBadge,
  followExportRuns,
  followJobPulls,
  planBulkExport,
  preparePopupExport,
  refreshHiredCandidates,
  retryOperation,
  startBulkExport,
} from '@/lib/hires';
import { countLocalData, deleteLocalData, ensureRetentionAlarm, onRetentionAlarm } from '@/lib/retention';
import { lock, removePassphrase, requireAdmin, securityStatus, setPassphrase, unlock } from '@/lib/security';
import { deleteRecipe, exportRecipes, importRecipes, recordYield, saveRecipe } from '@/lib/recipes';
import { onPolicyChange, readSettings, refreshPolicy, writeSetting } from '@/lib/settings';
import { applyManagedPolicy, applyTeamActiveJobs, exportTeamSetup, importTeamSetupAsAsked, refuseOnRecruiterBrowser, teamSetupStatus } from '@/lib/teams';
import { forgetTab, grantTab, isGrantedTab, loadGrantedTabs } from '@/lib/sites/granted-tabs';
import { isAllowedAtsPage, loadGrantedAtsOrigins, syncGrantedHostScripts } from '@/lib/recipes/registration';
import { checkFrame, closeFrame, forgetTabDialogs, frameDraft, frameRequest, frameResume, handResume, stageDialog } from '@/lib/dialogs/frames';
import { DIALOGS_GLOBAL } from '@/lib/sites/ui/dialog-loader';
import { TEACHER_GLOBAL } from '@/lib/sites/ui/teacher-loader';
import { autoSyncSeenCandidates, registerSourcingOperations, syncedCandidates, isSyncOffered, planAutoSync, prepareSync, profilePdf, submitSync, syncProgress } from '@/lib/sourcing';
import {
  catchUpMissedPull,
  ensureJobPullAlarm,
  onJobPullAlarm,
  resumeInterruptedPull,
  runJobPull,
  setJobActive,
  writeCountryFilter,
  writePullInterval,
} from '@/lib/jobs';

/**
 * The web page the popup was opened over: the active tab of the last focused window, or — when the popup itself
 * is showing in a tab (e.g. opened from the options page) — the web tab used most recently.
 */
async function pageTabBehindPopup() {
  const isWeb = (url?: string) => !!url && /^https?:/.test(url);
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (isWeb(active?.url)) return active;
  const tabs = (await browser.tabs.query({ lastFocusedWindow: true })).filter((tab) => isWeb(tab.url));
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

// Listeners are registered synchronously at the top of the worker, so an event that wakes it is not missed.
/** Every feature's intents: the table the worker serves (a feature's intents missing here do not compile). */
export const Intents = {
  ...connectionIntents,
  ...jobIntents,
  ...exportIntents,
  ...settingsIntents,
  ...hiredListIntents,
  ...sourcingIntents,
  ...adminIntents,
  ...teamIntents,
  ...recipeIntents,
  ...dialogFrameIntents,
} as const satisfies IntentTable;

// An ES module worker: shared chunks are static imports (no PDF stack among them; see lib/pdf/index.ts and README
// "How the code is laid out"). Firefox's event page loads the PDF stack with import() when it builds a profile.
export default defineBackground({
  type: 'module',
  main() {
  // Bench only: a build made with WXT_BENCH_PDF=1 (bench/rows/pdf-profile.ts) lets the bench call the product's own
  // PDF path (worker → offscreen document) from the worker's DevTools. Release builds never set it.
  if (import.meta.env?.WXT_BENCH_PDF === '1') Object.assign(globalThis, { __hirebridgeBench: { buildProfilePdf, prepareProfilePdf, loadProfileFonts } });

  // Pages of switched-off adapters get no answers; the set follows the settings (local or managed policy).
  const disabledAdapters = new Set<string>();
  const loadDisabledAdapters = async () => {
    const { values } = await readSettings();
    disabledAdapters.clear();
    values.disabledAdapters.forEach((id) => disabledAdapters.add(id));
  };
  // A failed read leaves the defaults (no adapter switched off, no tab granted) and is logged; senders still get answers.
  const settingsLoaded = Promise.all([loadDisabledAdapters(), loadGrantedTabs(), loadGrantedAtsOrigins()]).catch(logFailure('connection', 'startup'));
  // Extension pages' intents do not wait for settingsLoaded: one that changes the set reloads it after the first load.
  const reloadDisabledAdapters = async () => (await settingsLoaded, loadDisabledAdapters());
  const policy = (): SenderPolicy => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    // An enabled adapter's page, or a tab the person opened Hirebridge on (toolbar icon) while it stays on that site.
    isAllowedPage: (url, tabId) => isAllowedAtsPage(url, disabledAdapters) || isGrantedTab(tabId, url),
    ready: settingsLoaded,
    // A browser set up from the team's file follows it: its admin actions are the admin's (not this browser's).
    requireAdmin: async (intent) => {
      await refuseOnRecruiterBrowser(intent);
      await requireAdmin();
    },
  });

  // The organisation's policy: its connections, active jobs and settings (one run at a time). Reading the policy
  // store can take seconds after a browser start, and nothing waits for it (settings use the last known policy);
  // pages wait only while a policy that was read is being applied (a deployed connection being verified).
  let policyRead: Promise<unknown> = Promise.resolve();
  let policyApplying: Promise<unknown> = Promise.resolve();
  const followPolicy = () =>
    (policyRead = policyRead.then(async () => {
      const policy = await refreshPolicy();
      policyApplying = (async () => {
        const { applied } = await applyManagedPolicy(policy);
        // The policy's recipes may teach hosts the content script must now run on.
        await syncGrantedHostScripts();
        // A newly deployed ATS needs its jobs before the team's can be activated.
        // A failed pull is in the activity log already (runJobPull logs it); the team's jobs wait for the next one.
        if (applied.includes('ats')) await runJobPull().catch(() => undefined);
        await applyTeamActiveJobs();
      })().catch(logFailure('connection', 'policy'));
      await policyApplying;
    }).catch(logFailure('connection', 'policy')));
  // A policy learnt after start (or changed) switches adapters off at once.
  onPolicyChange(() => void loadDisabledAdapters());

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTabDialogs(tabId);
    void forgetTab(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => change.url && void forgetTab(tabId, change.url));
  browser.storage.onChanged.addListener((_changes, area) => {
    // The policy reader picks the change up (and tells loadDisabledAdapters through onPolicyChange).
    if (area === 'managed') void followPolicy();
  });

  const samePage = (host: string, pageUrl?: string) => !pageUrl || new URL(pageUrl).hostname === host;
  const injectTeacher = (tabId: number) => browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-scripts/teach.js'] });

  // Every intent and what the worker does for it: each returns its answer, or throws (a PublicError says why).
  serveIntents(Intents, policy, {
    // Security and Data (options page)
    securityStatus: async () => securityStatus(),
    setPassphrase: async (passphrase) => setPassphrase(passphrase),
    removePassphrase: async () => removePassphrase(),
    unlockAdmin: async (passphrase) => unlock(passphrase),
    lockAdmin: async () => lock(),
    localDataCounts: async () => countLocalData(),
    deleteLocalData: async () => deleteLocalData(),

    // Settings (options page)
    readSettings: async () => readSettings(),
    changeSetting: async ({ name, value }) => {
      const view = await writeSetting(name, value);
      if (name === 'disabledAdapters') await reloadDisabledAdapters();
      return view;
    },

    // Team setup file (options page). What the page shows waits for a policy run under way (a deployed
    // connection being verified).
    teamSetupStatus: async () => (await policyApplying, teamSetupStatus()),
    exportTeamSetup: async ({ passphrase }) => exportTeamSetup(passphrase),
    importTeamSetup: async ({ text, passphrase }) => {
      const summary = await importTeamSetupAsAsked(text, passphrase);
      await reloadDisabledAdapters();
      // The file's site recipes may teach hosts the content script must now run on.
      await syncGrantedHostScripts().catch(logFailure('connection', 'hostScripts'));
      return summary;
    },

    // Integrations (options page)
    listConnections: async () => (await policyApplying, listConnections()),
    connect: async (input) => {
      const view = await connect(input);
      // A newly connected ATS gets its jobs at once rather than at the next alarm (a failed pull logs itself).
      if (view.slot === 'ats') runJobPull().catch(() => undefined); // runJobPull logs its own failure
      return view;
    },
    checkConnection: async (slot) => checkConnection(slot),
    removeConnection: async (slot) => (await removeConnection(slot), null),

    // Jobs (options page)
    syncJobsNow: async () => runJobPull(),
    setJobActive: async ({ key, active }) => (await setJobActive(key, active), null),
    setPullInterval: async (minutes) => writePullInterval(minutes),
    setCountryFilter: async (countries) => writeCountryFilter(countries),

    // Export to FactorialHR (ATS pages, popup)
    pageCandidatesStatus: async ({ adapterId, candidates }) => {
      const statuses = await pageCandidatesStatus(adapterId, candidates);
      // A prepared sync goes out by itself when the page shows the trigger stage.
      void autoSyncSeenCandidates(adapterId, candidates).catch(logFailure('sync', 'autoSync'));
      // Hired people seen on pages wait in the popup; someone exported from the popup shows as exported here.
      return capturePageCandidates(adapterId, candidates, statuses).catch(async (error: unknown) => (await logFailure('export', 'pageCapture')(error), statuses));
    },
    loadDialogs: async (_input, { tabId }) => {
      if (tabId === undefined) throw new PublicError(t('formOnlyOnPage'), 'no-tab');
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-scripts/dialogs.js'] });
      return null;
    },
    prepareExport: async ({ adapterId, candidate }) => prepareExport(adapterId, candidate),
    // The dialogs' frame (dialog.html inside the page): staged by the page's content script, claimed by one frame.
    stageDialog: async (request, { tabId }) => {
      if (tabId === undefined) throw new PublicError(t('formOnlyOnPage'), 'no-tab');
      return stageDialog(tabId, request, ({ adapterId, candidate }) => prepareExport(adapterId, candidate));
    },
    handDialogResume: async ({ token, ...handed }, { tabId }) => handResume(token, tabId, handed),
    dialogFrameRequest: async ({ token }, { tabId, frameId }) => frameRequest(token, tabId, frameId),
    dialogFrameDraft: async ({ token }, { tabId, frameId }) => frameDraft(token, tabId, frameId, ({ adapterId, candidate }) => prepareExport(adapterId, candidate)),
    dialogFrameResume: async ({ token }, { tabId, frameId }) => frameResume(token, tabId, frameId),
    closeDialogFrame: async ({ token }, { tabId }) => closeFrame(token, tabId),
    checkDialogFrame: async ({ token, point }, { tabId }) => checkFrame(token, tabId, point),
    importTrackedApplication: async ({ adapterId, candidate }) => importTrackedApplication(adapterId, candidate),
    submitExport: async ({ candidateKey, fields }) => submitExport(candidateKey, fields),
    exportProgress: async (operationId) => exportProgress(operationId),
    // The admin mapping fields wants Factorial's lists as they are now (and so does the next export).
    factorialLists: async () => (forgetLookups(), factorialLookups()),

    // Sync to ATS (pages of other sites; any page through the toolbar icon)
    syncOffered: async ({ adapterId }) => isSyncOffered(adapterId),
    prepareSync: async ({ page }) => {
      // The Sync dialog is opening: the PDF builder gets ready while the person reviews the form (lib/pdf).
      void prepareProfilePdf(loadProfileFonts);
      return prepareSync(page);
    },
    submitSync: async ({ candidateKey, fields, answers, resume }) => submitSync(candidateKey, fields, answers, resume),
    planAutoSync: async ({ candidateKey, fields, answers, resume }) => planAutoSync(candidateKey, fields, answers, resume),
    syncProgress: async (operationId) => syncProgress(operationId),
    syncedCandidates: async () => syncedCandidates(),
    profilePdf: async (operationId) => profilePdf(operationId),
    syncActiveTab: async () => {
      // activeTab: the click on the toolbar icon granted this tab for now; nothing is asked for ahead of time.
      const tab = await pageTabBehindPopup();
      if (!tab?.id || !tab.url) throw new PublicError(t('openPageFirst'), 'no-tab');
      await settingsLoaded; // the granted tabs of this worker's last life are loaded before one is added
      await grantTab(tab.id, tab.url);
      await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['/content-scripts/dialogs.js'] });
      await browser.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [0] },
        func: (global: string) => (globalThis as unknown as Record<string, { open(r: unknown): void }>)[global]?.open({ kind: 'sync', adapterId: 'generic' }),
        args: [DIALOGS_GLOBAL],
      });
      return { tabTitle: tab.title };
    },

    // Teach this page and adapter health (ATS pages, the popup, options → Sites). A page teaches and reports on its
    // own site only.
    saveSiteRecipe: async ({ recipe, previousKey }, { pageUrl }) => {
      if (!samePage(recipe.host, pageUrl)) throw new PublicError(t('forbidden'), 'forbidden');
      const list = await saveRecipe(recipe, 'local', previousKey);
      await syncGrantedHostScripts().catch(logFailure('connection', 'hostScripts'));
      return list;
    },
    deleteSiteRecipe: async (key) => {
      const list = await deleteRecipe(key);
      await syncGrantedHostScripts().catch(logFailure('connection', 'hostScripts'));
      return list;
    },
    exportSiteRecipes: async () => exportRecipes(),
    importSiteRecipes: async (text) => {
      const summary = await importRecipes(text);
      await syncGrantedHostScripts().catch(logFailure('connection', 'hostScripts'));
      return summary;
    },
    reportSiteYield: async (report, { pageUrl }) => {
      if (!samePage(report.host, pageUrl)) throw new PublicError(t('forbidden'), 'forbidden');
      await recordYield(report);
      return null;
    },
    teachOffered: async () => (await teamSetupStatus()).role === 'admin',
    loadTeacher: async (_input, { tabId }) => {
      if (tabId === undefined) throw new PublicError(t('formOnlyOnPage'), 'no-tab');
      await injectTeacher(tabId);
      return null;
    },
    teachActiveTab: async () => {
      const tab = await pageTabBehindPopup();
      if (!tab?.id || !tab.url) throw new PublicError(t('openPageFirst'), 'no-tab');
      // The toolbar click granted this tab (activeTab): the picker may save its recipe from there.
      await settingsLoaded; // the granted tabs of this worker's last life are loaded before one is added
      await grantTab(tab.id, tab.url);
      await injectTeacher(tab.id);
      await browser.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [0] },
        func: (global: string) => (globalThis as unknown as Record<string, { open(r: unknown): void }>)[global]?.open({}),
        args: [TEACHER_GLOBAL],
      });
      return { tabTitle: tab.title };
    },

    // Popup: hired candidates, quick and bulk export, Retry.
    refreshHiredCandidates: async ({ force }) => refreshHiredCandidates({ force }),
    preparePopupExport: async (key) => preparePopupExport(key),
    planBulkExport: async (answers) => planBulkExport(answers),
    startBulkExport: async ({ keys, ...answers }) => startBulkExport(keys, answers),
    dismissBulkExport: async () => (await dismissBulkExport(), null),
    retryOperation: async (id) => (await retryOperation(id), null),
  });

  // Durable operations: what each kind sends, and what follows their changes (the candidate, the activity log,
  // Export all's run). Registered here, once, rather than as a side effect of importing a flow.
  registerExportOperations();
  registerSourcingOperations();
  followExportRuns();
  // Every job pull is followed by a hired pull; the toolbar badge follows the hired list.
  followJobPulls();
  followBadge();

  // Alarms: job pulls and operations waiting for a retry.
  browser.alarms.onAlarm.addListener((alarm) => {
    // A recruiter's browser keeps the team's active jobs as pulls bring them.
    void onJobPullAlarm(alarm).then(() => applyTeamActiveJobs()).catch(logFailure('job-pull', 'teamJobs'));
    void onOutboxAlarm(alarm);
    void onRetentionAlarm(alarm);
  });
  browser.runtime.onStartup.addListener(() => void catchUpMissedPull());
  browser.runtime.onInstalled.addListener(() => {
    void ensureJobPullAlarm({ replace: true });
    void syncGrantedHostScripts();
  });
  browser.permissions.onAdded.addListener(() => {
    void syncGrantedHostScripts();
    // A deployed connection on a host that was not allowed yet can be set up now.
    void followPolicy();
  });
  browser.permissions.onRemoved.addListener(() => void syncGrantedHostScripts());

  // Every worker start: finish what a stopped worker left behind.
  void followPolicy();
  void resumeInterruptedPull();
  void resumeOutbox();
  void ensureRetentionAlarm();
  void syncGrantedHostScripts();
  },
});
