import { useEffect } from 'react';
import { usePolicyApplied } from '@/lib/teams/queries';

/**
 * Tells the options page each time the worker has applied the organisation's policy (a fresh profile's first open
 * comes before that), so it reads its connections and team status again. A component of its own, loaded after the
 * first paint: the watch needs the database (Dexie), which the integration cards do not.
 */
export default function PolicyWatch({ onChange }: { onChange(mark: unknown): void }) {
  const applied = usePolicyApplied();
  useEffect(() => onChange(applied), [applied, onChange]);
  return null;
}
