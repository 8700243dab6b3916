import { checkConnection, connect, listConnections, removeConnection } from '@/lib/connections';
import { ok } from '@/lib/messaging';
import { serveIntent, type SenderPolicy } from '@/lib/messaging/server';
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
  const policy = (): SenderPolicy => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    // Content scripts gain intents with the site adapters; until then no page may ask for anything.
    isAllowedPage: () => false,
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

  // Job pulls: the alarm, browser start-up, install/update, and a pull interrupted by a stopped worker.
  browser.alarms.onAlarm.addListener((alarm) => void onJobPullAlarm(alarm));
  browser.runtime.onStartup.addListener(() => void catchUpMissedPull());
  browser.runtime.onInstalled.addListener(() => void ensureJobPullAlarm({ replace: true }));
  void resumeInterruptedPull();
});
