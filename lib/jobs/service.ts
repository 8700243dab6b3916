import { recordActivity } from '../activity';
import { NotConnectedError, withAts } from '../connections';
import { ConnectorError } from '../connectors/errors';
import { pullJobs, readLastPull, readPullState, type PullSummary } from './pull';
import { t } from './messages';
import { ensureJobPullAlarm, isPullOverdue, JOB_PULL_ALARM, readPullInterval } from './schedule';
import { readAtsConnection } from '../connections/records';

/**
 * A pull the ATS asked to wait longer than a worker may sit idle (a 429 whose reset is far off) continues at that
 * time, by this one-shot alarm (a pull that failed starts again from the watermark); Chrome fires no alarm sooner than 30 s.
 */
export const JOB_PULL_RETRY_ALARM = 'hirebridge:job-pull-retry';
const MIN_ALARM_MS = 30_000;

/** One pull at a time per worker: "Sync now" during a running pull joins it. */
let inFlight: Promise<PullSummary> | null = null;

export function runJobPull(): Promise<PullSummary> {
  inFlight ??= withAts((ats) => pullJobs(ats))
    .then(async (summary) => {
      const { added, updated, archived } = summary.counts;
      await recordActivity({ kind: 'job-pull', level: 'success', message: t('loggedPulled', { added, updated, archived }) });
      return summary;
    })
    .catch(async (error) => {
      if (error instanceof ConnectorError && error.code === 'rate-limited' && error.retryAfterMs !== undefined) {
        await browser.alarms.create(JOB_PULL_RETRY_ALARM, { when: Date.now() + Math.max(MIN_ALARM_MS, error.retryAfterMs) });
      }
      if (!(error instanceof NotConnectedError)) {
        await recordActivity({ kind: 'job-pull', level: 'error', message: t('loggedFailed', { reason: error instanceof Error ? error.message : t('unknownError') }) });
      }
      throw error;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** Background pulls (alarm, start-up) have nobody to tell: failures are already in the last-pull record. */
async function runQuietly(): Promise<void> {
  try {
    await runJobPull();
  } catch {
    /* recorded by pullJobs / runJobPull */
  }
}

export async function onJobPullAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === JOB_PULL_ALARM || alarm.name === JOB_PULL_RETRY_ALARM) await runQuietly();
}

/** Every worker start: a pull still marked running was interrupted (the worker was stopped): finish it. */
export async function resumeInterruptedPull(): Promise<void> {
  await ensureJobPullAlarm();
  const state = await readPullState();
  if (state?.running && !inFlight && (await readAtsConnection())) await runQuietly();
}

/** Browser start-up: catch up a pull missed while the browser was closed (once, not at every wake). */
export async function catchUpMissedPull(): Promise<void> {
  await ensureJobPullAlarm();
  if (!(await readAtsConnection())) return;
  const [last, period] = await Promise.all([readLastPull(), readPullInterval()]);
  if (isPullOverdue(last?.finishedAt, period)) await runQuietly();
}
