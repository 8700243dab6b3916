import { useCallback, useEffect, useState } from 'react';
import { sendIntent } from '@/lib/messaging';
import type { TeamSetupStatus } from '@/lib/teams/schema';

/**
 * This browser's place in the team: set up here by hand (admin) or from the team's file (recruiter). Asked again
 * whenever `readAgain` changes (the options page passes the policy-applied mark from `PolicyWatch`). Kept apart from
 * TeamPanel and from the database so the options page's first paint loads neither (see OptionsApp).
 */
export function useTeamStatus(readAgain?: unknown) {
  const [status, setStatus] = useState<TeamSetupStatus | null>(null);
  // Answered (or failed): the page may render its regions, knowing whose browser this is.
  const [loaded, setLoaded] = useState(false);
  const refresh = useCallback(() => {
    sendIntent('teamSetupStatus', undefined)
      .then((r) => r.ok && setStatus(r.value))
      .catch(() => undefined) // worker unreachable: the panel shows no status, and the options page says so
      .finally(() => setLoaded(true));
  }, []);
  useEffect(refresh, [refresh, readAgain]);
  return { status, loaded, refresh };
}
