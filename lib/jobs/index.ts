export { runJobPull, onJobPullAlarm, resumeInterruptedPull, catchUpMissedPull } from './service';
export { setJobActive, readLastPull, readPullState, PULL_PAGE_SIZE, type PullSummary, type PullState, type PullCounts } from './pull';
export { ensureJobPullAlarm, firstPullDelayMinutes, readPullInterval, writePullInterval, JOB_PULL_ALARM } from './schedule';
export { DEFAULT_PULL_MINUTES, MIN_PULL_MINUTES, MAX_PULL_MINUTES, PullIntervalMinutes } from '../settings/interval';
export { applyPulledJob, jobKey } from './rules';
export { readCountryFilter, writeCountryFilter, passesCountryFilter, COUNTRY_FILTER_KEY } from './settings';
