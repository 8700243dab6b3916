import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExportDialog } from '@/components/export/ExportDialog';
import '@/components/export/dialog.css';
import { SyncDialog, type ResumeSource } from '@/components/sourcing/SyncDialog';
import { ClickGuardContext } from '@/components/ui/click-guard';
import { FrameError } from '@/components/ui/FrameError';
import { createFrameGuard } from '@/components/ui/frame-guard';
import { currentLanguage, loadTexts } from '@/lib/i18n';
import { zodMessagesInEnglish } from '@/lib/i18n/zod';
import { sendIntent } from '@/lib/messaging/client';
import { ok } from '@/lib/messaging/result';
import './frame.css';

/**
 * dialog.html: the Export to FactorialHR and Sync to ATS dialogs, in an extension page the content script frames
 * inside the web page (web_accessible_resources). The page cannot read this document nor hear what is typed in it.
 * It listens to no message from its parent window: the token in its URL names the request the content script staged
 * with the worker, and everything it needs comes from the worker (lib/dialogs/intents.ts).
 */

document.documentElement.lang = currentLanguage();
zodMessagesInEnglish();
const token = location.hash.slice(1);
const { guard, watch } = createFrameGuard(token);
const root = createRoot(document.getElementById('root')!);
/** Emptied here at once (nothing of it stays readable or clickable), then the content script takes the frame out. */
const close = () => {
  root.unmount();
  void sendIntent('closeDialogFrame', { token }).catch(() => undefined); // already emptied: a worker that misses this leaves an empty frame, nothing readable
};
// lib/'s texts in a Spanish browser are data this page shares with the worker (lib/i18n/build.ts): fetched while the
// worker answers the request, and in before anything renders.
const textsIn = loadTexts();
const show = (dialog: ReactNode) => void textsIn.then(() => root.render(<ClickGuardContext.Provider value={guard}>{dialog}</ClickGuardContext.Provider>));

// The dialog box is what the clickjacking guard watches, from the moment it is there.
const watching = new MutationObserver(() => {
  const dialog = document.querySelector('[role="dialog"]');
  if (!dialog) return;
  watching.disconnect();
  watch(dialog);
});
watching.observe(document.body, { childList: true, subtree: true });

sendIntent('dialogFrameRequest', { token })
  .then((result) => {
    if (!result.ok) return show(<FrameError message={result.error.message} onClose={close} />);
    const request = result.value;
    if (request.kind === 'export') {
      const { draft } = request;
      const prefetched = draft ? { result: Promise.resolve(ok(draft)), settled: ok(draft) } : { result: sendIntent('dialogFrameDraft', { token }) };
      return show(<ExportDialog adapterId={request.adapterId} candidate={request.candidate} prefetched={prefetched} onClose={close} />);
    }
    const resume: ResumeSource = request.resumeLinked
      ? {
          fetchLinked: () =>
            sendIntent('dialogFrameResume', { token }).then((answer) => {
              if (!answer.ok) throw new Error(answer.error.message);
              return answer.value;
            }),
        }
      : {};
    show(<SyncDialog page={request.page} resume={resume} onClose={close} />);
  })
  .catch(() => show(<FrameError onClose={close} />));
