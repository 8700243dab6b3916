import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import { PullIntervalMinutes } from '../settings/interval';
import { says } from './input-messages';

/** Intents of the options page's Jobs region. Reads come from live Dexie queries; changes go through these. */

export const JobKeyInput = z.string().check(z.minLength(1), z.maxLength(600));
export const SetJobActiveInput = z.object({ key: JobKeyInput, active: z.boolean() });
export const PullIntervalInput = PullIntervalMinutes;
export const CountryFilterInput = z.array(z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, says('countryCode')))).check(z.maxLength(250));

export interface PullSummaryView {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  message?: string;
  counts: { added: number; updated: number; archived: number; unchanged: number; pages: number; requests: number };
}

export const jobIntents = {
  syncJobsNow: intent<PullSummaryView>()({ input: z.undefined(), from: ['extension-page'] }),
  setJobActive: intent<null>()({ input: SetJobActiveInput, from: ['extension-page'], admin: true }),
  setPullInterval: intent<number>()({ input: PullIntervalInput, from: ['extension-page'], admin: true }),
  setCountryFilter: intent<string[]>()({ input: CountryFilterInput, from: ['extension-page'], admin: true }),
} as const satisfies Record<string, IntentSpec>;

type JobIntents = typeof jobIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends JobIntents {}
}
