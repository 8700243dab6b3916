import { logFailure } from '../activity';
import { loadTexts } from '../i18n';
import { runJobPull } from '../jobs';
import { syncGrantedHostScripts } from '../recipes/registration';
import { readPolicy } from '../settings';
import { applyManagedPolicy } from './policy';
import { applyTeamActiveJobs } from './service';

/**
 * The organisation's policy, followed: its connections, active jobs and settings (one run at a time). Reading the
 * policy store can take seconds after a browser start, and nothing waits for it (settings use the last known
 * policy); pages wait only while a policy that was read is being applied (a deployed connection being verified).
 */
let policyRead: Promise<unknown> = Promise.resolve();
let policyApplying: Promise<unknown> = Promise.resolve();

/** Read the policy store and apply what it says (after the run under way, if any). */
export function followPolicy(): Promise<unknown> {
  policyRead = policyRead
    .then(async () => {
      const read = await readPolicy();
      policyApplying = (async () => {
        await loadTexts(); // what applying logs is in the browser's language, also at a worker's start
        const { applied } = await applyManagedPolicy(read);
        // The policy's recipes may teach hosts the content script must now run on.
        await syncGrantedHostScripts();
        // A newly deployed ATS needs its jobs before the team's can be activated.
        // A failed pull is in the activity log already (runJobPull logs it); the team's jobs wait for the next one.
        if (applied.includes('ats')) await runJobPull().catch(() => undefined);
        await applyTeamActiveJobs();
      })().catch(logFailure('connection', 'policy'));
      await policyApplying;
    })
    .catch(logFailure('connection', 'policy'));
  return policyRead;
}

/** Resolves when no read policy is being applied (what the options page shows waits for a deployed connection). */
export function policyApplied(): Promise<unknown> {
  return policyApplying;
}
