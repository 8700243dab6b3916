import { logFailure } from '../activity';
import { waitBeforeListingConnections } from '../connections/handlers';
import type { HandlersFor } from '../messaging/server';
import { afterJobPullAlarm } from '../jobs/handlers';
import { syncGrantedHostScripts } from '../recipes/registration';
import { requireAdmin } from '../security';
import { reloadDisabledAdapters } from '../settings/disabled-adapters';
import { followPolicy, policyApplied } from './follow';
import type { teamIntents } from './intents';
import { applyTeamActiveJobs, exportTeamSetup, importTeamSetupAsAsked, refuseOnRecruiterBrowser, teamSetupStatus } from './service';

/** Team setup file (options page). What the page shows waits for a policy run under way. */
export const teamHandlers: HandlersFor<typeof teamIntents> = {
  teamSetupStatus: async () => (await policyApplied(), teamSetupStatus()),
  exportTeamSetup: async ({ passphrase }) => exportTeamSetup(passphrase),
  importTeamSetup: async ({ text, passphrase }) => {
    const summary = await importTeamSetupAsAsked(text, passphrase);
    await reloadDisabledAdapters();
    // The file's site recipes may teach hosts the content script must now run on.
    await syncGrantedHostScripts().catch(logFailure('connection', 'hostScripts'));
    return summary;
  },
};

/**
 * The sender policy's admin check: a browser set up from the team's file follows it (its admin actions are the
 * admin's, not this browser's); otherwise the admin passphrase, when one is set.
 */
export async function requireAdminHere(intent: string): Promise<void> {
  await refuseOnRecruiterBrowser(intent);
  await requireAdmin();
}

/** Whether this browser's admin may act here (not a recruiter's browser following a team file). */
export async function isAdminBrowser(): Promise<boolean> {
  return (await teamSetupStatus()).role === 'admin';
}

/** Start-up: follow the organisation's policy now and whenever it may have changed. */
export function startTeams(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    // The policy reader picks the change up (and tells the switched-off adapters through onPolicyChange).
    if (area === 'managed') void followPolicy();
  });
  // A deployed connection on a host that was not allowed yet can be set up now.
  browser.permissions.onAdded.addListener(() => void followPolicy());
  // A recruiter's browser keeps the team's active jobs as pulls bring them.
  afterJobPullAlarm(() => applyTeamActiveJobs().catch(logFailure('job-pull', 'teamJobs')));
  // The cards show a deployed connection once the policy run under way has verified it.
  waitBeforeListingConnections(policyApplied);
  void followPolicy();
}
