import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { REPORT_KEY } from './policy';

/**
 * Changes each time the worker has applied the organisation's policy (its report is written last): pages that
 * showed what was there before (a fresh profile's first open, before the policy store answered) read again.
 */
export function usePolicyApplied(): unknown {
  return useLiveQuery(() => db().settings.get(REPORT_KEY).then((row) => row?.value ?? null));
}
