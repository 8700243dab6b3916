import { prepareProfilePdf } from '../pdf';
import { loadProfileFonts } from './fonts';
import { logFailure } from '../activity';
import { followPageCandidates } from '../export/page-candidates';
import type { HandlersFor } from '../messaging/server';
import { injectIntoAskingTab, openOnPageBehindPopup, type InPageTool } from '../sites/active-tab';
import { DIALOGS_GLOBAL } from '../sites/ui/globals';
import type { sourcingIntents } from './intents';
import {
  autoSyncSeenCandidates,
  isSyncOffered,
  planAutoSync,
  prepareSync,
  profilePdf,
  registerSourcingOperations,
  submitSync,
  syncedCandidates,
  syncProgress,
} from './service';

/** The Export and Sync dialogs' code, injected into a page on first use (not with every page). */
const DIALOGS: InPageTool = { script: '/content-scripts/dialogs.js', global: DIALOGS_GLOBAL };

/** Sync to ATS (pages of other sites; any page through the toolbar icon). */
export const sourcingHandlers: HandlersFor<typeof sourcingIntents> = {
  loadDialogs: async (_input, { tabId }) => injectIntoAskingTab(tabId, DIALOGS.script),
  syncOffered: async ({ adapterId }) => isSyncOffered(adapterId),
  syncActiveTab: async () => openOnPageBehindPopup(DIALOGS, { kind: 'sync', adapterId: 'generic' }),
  prepareSync: async ({ page }) => {
    // The Sync dialog is opening: the PDF builder gets ready while the person reviews the form (lib/pdf).
    void prepareProfilePdf(loadProfileFonts);
    return prepareSync(page);
  },
  submitSync: async ({ candidateKey, fields, answers, resume }) => submitSync(candidateKey, fields, answers, resume),
  planAutoSync: async ({ candidateKey, fields, answers, resume }) => planAutoSync(candidateKey, fields, answers, resume),
  syncProgress: async (operationId) => syncProgress(operationId),
  syncedCandidates: async () => syncedCandidates(),
  profilePdf: async (operationId) => profilePdf(operationId),
};

/** Start-up: what a sync operation sends (before the outbox resumes), and syncs planned for a page's stage. */
export function startSourcing(): void {
  registerSourcingOperations();
  // A prepared sync goes out by itself when the page shows the trigger stage (nobody waits for it).
  followPageCandidates(async (adapterId, candidates, statuses) => {
    void autoSyncSeenCandidates(adapterId, candidates).catch(logFailure('sync', 'autoSync'));
    return statuses;
  });
}
