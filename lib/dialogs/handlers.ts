import { prepareExport } from '../export';
import type { HandlersFor } from '../messaging/server';
import { PublicError } from '../errors';
import { t } from '../sites/messages';
import { checkFrame, closeFrame, forgetTabDialogs, frameDraft, frameRequest, frameResume, handResume, stageDialog } from './frames';
import type { dialogFrameIntents } from './intents';

/** Export's form data for a staged export dialog. */
const draftFor = ({ adapterId, candidate }: { adapterId: string; candidate: Parameters<typeof prepareExport>[1] }) => prepareExport(adapterId, candidate);

/** The dialogs' frame (dialog.html inside the page): staged by the page's content script, claimed by one frame. */
export const dialogFrameHandlers: HandlersFor<typeof dialogFrameIntents> = {
  stageDialog: async (request, { tabId }) => {
    if (tabId === undefined) throw new PublicError(t('formOnlyOnPage'), 'no-tab');
    return stageDialog(tabId, request, draftFor);
  },
  handDialogResume: async ({ token, ...handed }, { tabId }) => handResume(token, tabId, handed),
  dialogFrameRequest: async ({ token }, { tabId, frameId }) => frameRequest(token, tabId, frameId),
  dialogFrameDraft: async ({ token }, { tabId, frameId }) => frameDraft(token, tabId, frameId, draftFor),
  dialogFrameResume: async ({ token }, { tabId, frameId }) => frameResume(token, tabId, frameId),
  closeDialogFrame: async ({ token }, { tabId }) => closeFrame(token, tabId),
  checkDialogFrame: async ({ token, point }, { tabId }) => checkFrame(token, tabId, point),
};

/** Start-up: a closed tab's staged dialogs go. */
export function startDialogFrames(): void {
  browser.tabs.onRemoved.addListener((tabId) => forgetTabDialogs(tabId));
}
