import { db } from '../db';
import { DEFAULT_PULL_MINUTES, MAX_PULL_MINUTES, MIN_PULL_MINUTES } from './interval';

export { DEFAULT_PULL_MINUTES, MAX_PULL_MINUTES, MIN_PULL_MINUTES };
import { ManagedSettingError, readManagedSyncRules } from '../settings';

/**
 * The job-pull alarm. Alarms outlive the service worker; the worker re-creates this one at start-up and on
 * install/update (with the admin's period), and Chrome fires a periodic alarm missed during sleep once at wake.
 */

export const JOB_PULL_ALARM = 'hirebridge:job-pull';
export const INTERVAL_KEY = 'jobPull.intervalMinutes';

export function clampInterval(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_PULL_MINUTES;
  return Math.min(MAX_PULL_MINUTES, Math.max(MIN_PULL_MINUTES, Math.round(minutes)));
}

export async function readPullInterval(): Promise<number> {
  const managed = (await readManagedSyncRules()).pullIntervalMinutes;
  if (managed !== undefined) return clampInterval(managed);
  const stored = (await db().settings.get(INTERVAL_KEY))?.value;
  return typeof stored === 'number' ? clampInterval(stored) : DEFAULT_PULL_MINUTES;
}

export async function writePullInterval(minutes: number): Promise<number> {
  if ((await readManagedSyncRules()).pullIntervalMinutes !== undefined) throw new ManagedSettingError('pullIntervalMinutes');
  const value = clampInterval(minutes);
  await db().settings.put({ key: INTERVAL_KEY, value });
  await ensureJobPullAlarm({ replace: true });
  return value;
}

/** Chrome fires no alarm sooner than 30 s after it is set. */
const MIN_ALARM_DELAY_MINUTES = 0.5;

/**
 * When the first pull of a new schedule comes: somewhere within one period, at random. A policy push (or an
 * update) re-creates the alarm in every browser of a team at about the same moment; with a fixed delay all of
 * them would then pull the ATS together, every period, for good.
 */
export function firstPullDelayMinutes(period: number, random: () => number = Math.random): number {
  return Math.max(MIN_ALARM_DELAY_MINUTES, Math.min(period, random() * period));
}

/** Make sure the alarm exists with the configured period (re-created when the period changed). */
export async function ensureJobPullAlarm(opts: { replace?: boolean } = {}): Promise<void> {
  const period = await readPullInterval();
  const existing = await browser.alarms.get(JOB_PULL_ALARM);
  if (existing && existing.periodInMinutes === period && !opts.replace) return;
  await browser.alarms.create(JOB_PULL_ALARM, { periodInMinutes: period, delayInMinutes: firstPullDelayMinutes(period) });
}

/** True when the last successful pull is older than one period (e.g. the browser was closed). */
export function isPullOverdue(lastFinishedAt: string | undefined, periodMinutes: number, now = Date.now()): boolean {
  if (!lastFinishedAt) return true;
  return now - Date.parse(lastFinishedAt) >= periodMinutes * 60_000;
}
