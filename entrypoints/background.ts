import { checkConnection, connect, listConnections, removeConnection } from '@/lib/connections';
import { exportProgress, factorialLookups, registerExportOperations, forgetLookups, importTrackedApplication, pageCandidatesStatus, prepareExport, submitExport } from '@/lib/export';
import { fail, ok } from '@/lib/messaging';
import { serveIntent, type SenderPolicy } from '@/lib/messaging/server';
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
import { applyManagedPolicy, applyTeamActiveJobs, exportTeamSetup, importTeamSetup, refuseOnRecruiterBrowser, teamSetupStatus } from '@/lib/teams';
import { forgetTab, grantTab, isGrantedTab, loadGrantedTabs } from '@/lib/sites/granted-tabs';
import { isAllowedAtsPage, loadGrantedAtsOrigins, syncGrantedHostScripts } from '@/lib/sites/registration';
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
export default defineBackground(() => {
  // Pages of switched-off adapters get no answers; the set follows the settings (local or managed policy).
  const disabledAdapters = new Set<string>();
  const loadDisabledAdapters = async () => {
    const { values } = await readSettings();
    disabledAdapters.clear();
    values.disabledAdapters.forEach((id) => disabledAdapters.add(id));
  };
  const settingsLoaded = Promise.all([loadDisabledAdapters(), loadGrantedTabs(), loadGrantedAtsOrigins()]).catch(() => undefined);
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
        await syncGrantedHostScripts().catch(() => undefined);
        // A newly deployed ATS needs its jobs before the team's can be activated.
        if (applied.includes('ats')) await runJobPull().catch(() => undefined);
        await applyTeamActiveJobs();
      })().catch(() => undefined);
      await policyApplying;
    }).catch(() => undefined));
  // A policy learnt after start (or changed) switches adapters off at once.
  onPolicyChange(() => void loadDisabledAdapters());

  // Security and Data (options page)
  serveIntent('securityStatus', policy, async () => ok(await securityStatus()));
  serveIntent('setPassphrase', policy, async (passphrase) => ok(await setPassphrase(passphrase)));
  serveIntent('removePassphrase', policy, async () => ok(await removePassphrase()));
  serveIntent('unlockAdmin', policy, async (passphrase) => ok(await unlock(passphrase)));
  serveIntent('lockAdmin', policy, async () => ok(await lock()));
  serveIntent('localDataCounts', policy, async () => ok(await countLocalData()));
  serveIntent('deleteLocalData', policy, async () => ok(await deleteLocalData()));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => change.url && void forgetTab(tabId, change.url));

  // Settings (options page)
  serveIntent('readSettings', policy, async () => ok(await readSettings()));
  serveIntent('changeSetting', policy, async ({ name, value }) => {
    const view = await writeSetting(name, value);
    if (name === 'disabledAdapters') await loadDisabledAdapters();
    return ok(view);
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    // The policy reader picks the change up (and tells loadDisabledAdapters through onPolicyChange).
    if (area === 'managed') void followPolicy();
  });

  // Team setup file (options page)
  // What the page shows waits for a policy run under way (a deployed connection being verified).
  serveIntent('teamSetupStatus', policy, async () => (await policyApplying, ok(await teamSetupStatus())));
  serveIntent('exportTeamSetup', policy, async ({ passphrase }) => ok(await exportTeamSetup(passphrase)));
  serveIntent('importTeamSetup', policy, async ({ text, passphrase }) => {
    // Replacing an admin's own setup needs the admin passphrase (when set); a recruiter's browser takes a newer file.
    if ((await teamSetupStatus()).role === 'admin') {
      const refused = await requireAdmin().then(() => null, (error: { publicMessage?: string }) => error.publicMessage ?? t('internal'));
      if (refused) return fail('locked', refused);
    }
    const summary = await importTeamSetup(text, passphrase);
    await loadDisabledAdapters();
    // The file's site recipes may teach hosts the content script must now run on.
    await syncGrantedHostScripts().catch(() => undefined);
    return ok(summary);
  });

  // Integrations (options page)
  serveIntent('listConnections', policy, async () => (await policyApplying, ok(await listConnections())));
  serveIntent('connect', policy, async (input) => {
    const result = await connect(input);
    // A newly connected ATS gets its jobs at once rather than at the next alarm.
    if (result.ok && result.value.slot === 'ats') runJobPull().catch(() => {});
    return result;
  });
  serveIntent('checkConnection', policy, (slot) => checkConnection(slot));
  serveIntent('removeConnection', policy, (slot) => removeConnection(slot));

  // Jobs (options page)
  serveIntent('syncJobsNow', policy, async () => ok(await runJobPull()));
  serveIntent('setJobActive', policy, async ({ key, active }) => (await setJobActive(key, active), ok(null)));
  serveIntent('setPullInterval', policy, async (minutes) => ok(await writePullInterval(minutes)));
  serveIntent('setCountryFilter', policy, async (countries) => ok(await writeCountryFilter(countries)));

  // Export to FactorialHR (ATS pages, popup)
  serveIntent('pageCandidatesStatus', policy, async ({ adapterId, candidates }) => {
    const statuses = await pageCandidatesStatus(adapterId, candidates);
    // A prepared sync goes out by itself when the page shows the trigger stage.
    void autoSyncSeenCandidates(adapterId, candidates).catch(() => undefined);
    // Hired people seen on pages wait in the popup; someone exported from the popup shows as exported here.
    return ok(await capturePageCandidates(adapterId, candidates, statuses).catch(() => statuses));
  });
  serveIntent('loadDialogs', policy, async (_input, { tabId }) => {
    if (tabId === undefined) return fail('no-tab', t('formOnlyOnPage'));
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-scripts/dialogs.js'] });
    return ok(null);
  });
  serveIntent('prepareExport', policy, async ({ adapterId, candidate }) => ok(await prepareExport(adapterId, candidate)));
  serveIntent('importTrackedApplication', policy, async ({ adapterId, candidate }) => ok(await importTrackedApplication(adapterId, candidate)));
  serveIntent('submitExport', policy, async ({ candidateKey, fields }) => ok(await submitExport(candidateKey, fields)));
  serveIntent('exportProgress', policy, async (operationId) => ok(await exportProgress(operationId)));
  // The admin mapping fields wants Factorial's lists as they are now (and so does the next export).
  serveIntent('factorialLists', policy, async () => (forgetLookups(), ok(await factorialLookups())));

  // Sync to ATS (pages of other sites; any page through the toolbar icon)
  serveIntent('syncOffered', policy, async ({ adapterId }) => ok(await isSyncOffered(adapterId)));
  serveIntent('prepareSync', policy, async ({ page }) => ok(await prepareSync(page)));
  serveIntent('submitSync', policy, async ({ candidateKey, fields, answers, resume }) => ok(await submitSync(candidateKey, fields, answers, resume)));
  serveIntent('planAutoSync', policy, async ({ candidateKey, fields, answers, resume }) => ok(await planAutoSync(candidateKey, fields, answers, resume)));
  serveIntent('syncProgress', policy, async (operationId) => ok(await syncProgress(operationId)));
  serveIntent('syncedCandidates', policy, async () => ok(await syncedCandidates()));
  serveIntent('profilePdf', policy, async (operationId) => ok(await profilePdf(operationId)));
  serveIntent('syncActiveTab', policy, async () => {
    // activeTab: the click on the toolbar icon granted this tab for now; nothing is asked for ahead of time.
    const tab = await pageTabBehindPopup();
    if (!tab?.id || !tab.url) return fail('no-tab', t('openPageFirst'));
    await grantTab(tab.id, tab.url);
    await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['/content-scripts/dialogs.js'] });
    await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [0] },
      func: (global: string) => (globalThis as unknown as Record<string, { open(r: unknown): void }>)[global]?.open({ kind: 'sync', adapterId: 'generic' }),
      args: [DIALOGS_GLOBAL],
    });
    return ok({ tabTitle: tab.title });
  });

  // Teach this page and adapter health (ATS pages, the popup, options → Sites)
  const samePage = (host: string, pageUrl?: string) => !pageUrl || new URL(pageUrl).hostname === host;
  serveIntent('saveSiteRecipe', policy, async ({ recipe, previousKey }, { pageUrl }) => {
    // A page teaches its own site only.
    if (!samePage(recipe.host, pageUrl)) return fail('forbidden', t('forbidden'));
    const list = await saveRecipe(recipe, 'local', previousKey);
    await syncGrantedHostScripts().catch(() => undefined);
    return ok(list);
  });
  serveIntent('deleteSiteRecipe', policy, async (key) => {
    const list = await deleteRecipe(key);
    await syncGrantedHostScripts().catch(() => undefined);
    return ok(list);
  });
  serveIntent('exportSiteRecipes', policy, async () => ok(await exportRecipes()));
  serveIntent('importSiteRecipes', policy, async (text) => {
    const summary = await importRecipes(text);
    await syncGrantedHostScripts().catch(() => undefined);
    return ok(summary);
  });
  serveIntent('reportSiteYield', policy, async (report, { pageUrl }) => {
    if (!samePage(report.host, pageUrl)) return fail('forbidden', t('forbidden'));
    await recordYield(report);
    return ok(null);
  });
  serveIntent('teachOffered', policy, async () => ok((await teamSetupStatus()).role === 'admin'));
  const injectTeacher = (tabId: number) => browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-scripts/teach.js'] });
  serveIntent('loadTeacher', policy, async (_input, { tabId }) => {
    if (tabId === undefined) return fail('no-tab', t('formOnlyOnPage'));
    await injectTeacher(tabId);
    return ok(null);
  });
  serveIntent('teachActiveTab', policy, async () => {
    const tab = await pageTabBehindPopup();
    if (!tab?.id || !tab.url) return fail('no-tab', t('openPageFirst'));
    // The toolbar click granted this tab (activeTab): the picker may save its recipe from there.
    await grantTab(tab.id, tab.url);
    await injectTeacher(tab.id);
    await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [0] },
      func: (global: string) => (globalThis as unknown as Record<string, { open(r: unknown): void }>)[global]?.open({}),
      args: [TEACHER_GLOBAL],
    });
    return ok({ tabTitle: tab.title });
  });

  // Popup: hired candidates, quick and bulk export, Retry.
  serveIntent('refreshHiredCandidates', policy, async ({ force }) => ok(await refreshHiredCandidates({ force })));
  serveIntent('preparePopupExport', policy, async (key) => ok(await preparePopupExport(key)));
  serveIntent('planBulkExport', policy, async (answers) => ok(await planBulkExport(answers)));
  serveIntent('startBulkExport', policy, async ({ keys, ...answers }) => ok(await startBulkExport(keys, answers)));
  serveIntent('dismissBulkExport', policy, async () => (await dismissBulkExport(), ok(null)));
  serveIntent('retryOperation', policy, async (id) => (await retryOperation(id), ok(null)));

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
    void onJobPullAlarm(alarm).then(() => applyTeamActiveJobs()).catch(() => undefined);
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
});
