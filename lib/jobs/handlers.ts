import { onConnected } from '../connections/handlers';
import { afterTexts } from '../i18n';
import { afterStartAnswers, type HandlersFor } from '../messaging/server';
import type { jobIntents } from './intents';
import { setJobActive } from './pull';
import { ensureJobPullAlarm, writePullInterval } from './schedule';
import { catchUpMissedPull, onJobPullAlarm, resumeInterruptedPull, runJobPull } from './service';
import { writeCountryFilter } from './settings';

/** Jobs (options page). */
export const jobHandlers: HandlersFor<typeof jobIntents> = {
  syncJobsNow: async () => runJobPull(),
  setJobActive: async ({ key, active }) => (await setJobActive(key, active), null),
  setPullInterval: async (minutes) => writePullInterval(minutes),
  setCountryFilter: async (countries) => writeCountryFilter(countries),
};

/** Work that follows every alarm's pull, in the order registered. Each catches (and logs) its own failure. */
const afterAlarm: (() => Promise<unknown>)[] = [];

/** Another feature's work after each alarm's pull (lib/teams: a recruiter's browser keeps the team's active jobs). */
export function afterJobPullAlarm(follow: () => Promise<unknown>): void {
  afterAlarm.push(follow);
}

/** Start-up: the pull alarm, a pull missed while the browser was closed, and a pull a stopped worker left. */
export function startJobPulls(): void {
  // After the texts (lib/i18n loadTexts): an alarm that wakes the worker writes activity entries at once.
  browser.alarms.onAlarm.addListener(
    afterTexts((alarm) => {
      // onJobPullAlarm does not fail: a pull's failure is in the activity log (runJobPull records it).
      void onJobPullAlarm(alarm).then(async () => {
        for (const follow of afterAlarm) await follow();
      });
    }),
  );
  // A newly connected ATS gets its jobs at once rather than at the next alarm (runJobPull logs its own failure).
  onConnected((view) => {
    if (view.slot === 'ats') runJobPull().catch(() => undefined);
  });
  // Listened to at once; the work itself waits for the worker's first answers (see afterStartAnswers).
  browser.runtime.onStartup.addListener(() => afterStartAnswers(catchUpMissedPull));
  browser.runtime.onInstalled.addListener(() => afterStartAnswers(() => ensureJobPullAlarm({ replace: true })));
  afterStartAnswers(resumeInterruptedPull);
}
