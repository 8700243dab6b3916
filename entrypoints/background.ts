import { connectionHandlers } from '@/lib/connections/handlers';
import { connectionIntents } from '@/lib/connections/intents';
import { dialogFrameHandlers, startDialogFrames } from '@/lib/dialogs/handlers';
import { dialogFrameIntents } from '@/lib/dialogs/intents';
import { exportHandlers, startExport } from '@/lib/export/handlers';
import { exportIntents } from '@/lib/export/intents';
import { hiredListHandlers, startHiredList } from '@/lib/hires/handlers';
import { hiredListIntents } from '@/lib/hires/intents';
import { jobHandlers, startJobPulls } from '@/lib/jobs/handlers';
import { jobIntents } from '@/lib/jobs/intents';
import type { IntentTable } from '@/lib/messaging/protocol';
import { afterStartAnswers, serveIntents, type SenderPolicy } from '@/lib/messaging/server';
import { afterTexts, loadTexts, onTextsFailure } from '@/lib/i18n';
import { logUnexpected } from '@/lib/activity';
import { onOutboxAlarm, resumeOutbox } from '@/lib/outbox';
import { recipeHandlers, startRecipes } from '@/lib/recipes/handlers';
import { recipeIntents } from '@/lib/recipes/intents';
import { isAllowedPage, loadPageAccess, pageAccessReady } from '@/lib/recipes/page-access';
import { startRetention } from '@/lib/retention';
import { adminHandlers } from '@/lib/security/handlers';
import { adminIntents } from '@/lib/security/intents';
import { settingsHandlers } from '@/lib/settings/handlers';
import { settingsIntents } from '@/lib/settings/intents';
import { followGrantedTabs } from '@/lib/sites/granted-tabs';
import { sourcingHandlers, startSourcing } from '@/lib/sourcing/handlers';
import { sourcingIntents } from '@/lib/sourcing/intents';
import { isAdminBrowser, requireAdminHere, startTeams, teamHandlers } from '@/lib/teams/handlers';
import { teamIntents } from '@/lib/teams/intents';
import { buildProfilePdf, prepareProfilePdf } from '@/lib/pdf';
import { loadProfileFonts } from '@/lib/sourcing/fonts';

/**
 * The service worker composes: every feature's intents, its handlers (lib/<feature>/handlers.ts) and its start-up
 * work. What a feature does lives in the feature; nothing here decides anything.
 */

/** Every feature's intents: the table the worker serves (a feature's intents missing here do not compile). */
export const Intents = {
  ...connectionIntents,
  ...jobIntents,
  ...exportIntents,
  ...settingsIntents,
  ...hiredListIntents,
  ...sourcingIntents,
  ...adminIntents,
  ...teamIntents,
  ...recipeIntents,
  ...dialogFrameIntents,
} as const satisfies IntentTable;

// Chrome: one classic script, built on its own (no PDF stack in it; see lib/pdf/index.ts and README "How the code is
// laid out"). A worker start fetches one file instead of 26 module chunks: measured over 21 browser restarts each, the
// first candidate page's Export was enabled after 213 ms instead of 268 (median). Firefox: an ES module event page,
// which loads the PDF stack with import() when it builds a profile.
export default defineBackground({ type: { firefox: 'module' }, main });

function main() {
  // Bench only: a build made with WXT_BENCH_PDF=1 (bench/rows/pdf-profile.ts) lets the bench call the product's own
  // PDF path (worker → offscreen document) from the worker's DevTools. Release builds never set it.
  if (import.meta.env?.WXT_BENCH_PDF === '1') Object.assign(globalThis, { __hirebridgeBench: { buildProfilePdf, prepareProfilePdf, loadProfileFonts } });

  // A Spanish browser's texts (the worker's bundle holds English only, see lib/i18n/build.ts): fetched from the
  // package at once; whatever may render text waits for them (answers, start work, alarms). A file that cannot be
  // read leaves English and one activity-log entry.
  onTextsFailure((error) => logUnexpected('intent', 'the Spanish texts (i18n/es.json)', error));
  void loadTexts();

  // Listeners are registered synchronously at the top of the worker, so an event that wakes it is not missed.
  void loadPageAccess();
  const policy = (): SenderPolicy => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    isAllowedPage,
    ready: pageAccessReady(),
    requireAdmin: requireAdminHere,
  });

  // Every intent and what the worker does for it: each returns its answer, or throws (a PublicError says why).
  serveIntents(Intents, policy, {
    ...adminHandlers,
    ...settingsHandlers,
    ...teamHandlers,
    ...connectionHandlers,
    ...jobHandlers,
    ...exportHandlers,
    ...dialogFrameHandlers,
    ...sourcingHandlers,
    ...recipeHandlers(isAdminBrowser),
    ...hiredListHandlers,
  });

  // Each feature's start-up: its durable operations (registered once, before the outbox resumes), what follows
  // their changes, its alarms and listeners, and what a stopped worker left behind.
  followGrantedTabs();
  startDialogFrames();
  startExport();
  startSourcing(); // before the hired list: a page's candidates go to automatic sync first, then to the popup's list
  startHiredList();
  startTeams(); // the organisation's policy is read first, as at every worker start
  startJobPulls();
  browser.alarms.onAlarm.addListener(afterTexts((alarm) => onOutboxAlarm(alarm)));
  afterStartAnswers(resumeOutbox); // what a stopped worker left: after the first answers (see afterStartAnswers)
  startRetention();
  startRecipes();
}
