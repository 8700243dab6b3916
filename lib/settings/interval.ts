import { z } from 'zod/mini';

/**
 * How often the ATS's jobs are pulled, in minutes: the one set of bounds for the Jobs region's intent, the
 * managed-policy value and the alarm (public/managed_schema.json states the same, checked by a test).
 */
export const MIN_PULL_MINUTES = 15;
export const MAX_PULL_MINUTES = 24 * 60;
export const DEFAULT_PULL_MINUTES = 180;

export const PullIntervalMinutes = z.number().check(z.int(), z.gte(MIN_PULL_MINUTES), z.lte(MAX_PULL_MINUTES));
