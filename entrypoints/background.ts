import { checkConnection, connect, listConnections, removeConnection } from '@/lib/connections';
import { exportProgress, pageCandidatesStatus, prepareExport, submitExport } from '@/lib/export';
import { fail, ok } from '@/lib/messaging';
import { serveIntent, type SenderPolicy } from '@/lib/messaging/server';
import { onOutboxAlarm, resumeOutbox } from '@/lib/outbox';
import { readSettings, writeSetting } from '@/lib/settings';
import { isAllowedAtsPage, syncGrantedHostScripts } from '@/lib/sites/registration';
import {
  catchUpMissedPull,
  ensureJobPullAlarm,
  onJobPullAlarm,
  resumeInterruptedPull,
  runJobPull,
  setJobActive,
  writeCountryFilter,
  writePullInterval,
} from '@/lib/sync';

// Listeners are registered synchronously at the top of the worker, so an event that wakes it is not missed.
export default defineBackground(() => {
  // Pages of switched-off adapters get no answers; the set follows the settings (local or managed policy).
  const disabledAdapters = new Set<string>();
  const loadDisabledAdapters = async () => {
    const { values } = await readSettings();
    disabledAdapters.clear();
    values.disabledAdapters.forEach((id) => disabledAdapters.add(id));
  };
  const settingsLoaded = loadDisabledAdapters().catch(() => undefined);
  const policy = (): SenderPolicy => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    isAllowedPage: (url) => isAllowedAtsPage(url, disabledAdapters),
    ready: settingsLoaded,
  });

  // Settings (options page)
  serveIntent('readSettings', policy, async () => ok(await readSettings()));
  serveIntent('changeSetting', policy, async ({ name, value }) => {
    const view = await writeSetting(name, value);
    if (name === 'disabledAdapters') await loadDisabledAdapters();
    return ok(view);
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void loadDisabledAdapters();
  });

  // Integrations (options page)
  serveIntent('listConnections', policy, async () => ok(await listConnections()));
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
  serveIntent('pageCandidatesStatus', policy, async ({ adapterId, candidates }) => ok(await pageCandidatesStatus(adapterId, candidates)));
  serveIntent('openExportDialog', policy, async (_input, { tabId }) => {
    if (tabId === undefined) return fail('no-tab', 'The export form can only open on a page.');
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-scripts/export-dialog.js'] });
    return ok(null);
  });
  serveIntent('prepareExport', policy, async ({ adapterId, candidate }) => ok(await prepareExport(adapterId, candidate)));
  serveIntent('submitExport', policy, async ({ candidateKey, fields }) => ok(await submitExport(candidateKey, fields)));
  serveIntent('exportProgress', policy, async (operationId) => ok(await exportProgress(operationId)));

  // Alarms: job pulls and operations waiting for a retry.
  browser.alarms.onAlarm.addListener((alarm) => {
    void onJobPullAlarm(alarm);
    void onOutboxAlarm(alarm);
  });
  browser.runtime.onStartup.addListener(() => void catchUpMissedPull());
  browser.runtime.onInstalled.addListener(() => {
    void ensureJobPullAlarm({ replace: true });
    void syncGrantedHostScripts();
  });
  browser.permissions.onAdded.addListener(() => void syncGrantedHostScripts());
  browser.permissions.onRemoved.addListener(() => void syncGrantedHostScripts());

  // Every worker start: finish what a stopped worker left behind.
  void resumeInterruptedPull();
  void resumeOutbox();
  void syncGrantedHostScripts();
});
