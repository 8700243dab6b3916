import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { policyReportRow } from './rows';

/**
 * Changes each time the worker has applied the organisation's policy (its report is written last): pages that
 * showed what was there before (a fresh profile's first open, before the policy store answered) read again.
 */
export function usePolicyApplied(): unknown {
  return useLiveQuery(() => db().settings.get(policyReportRow.key).then((row) => row?.value ?? null));
}
