import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ExportDialog } from '@/components/export/ExportDialog';
import dialogCss from '@/components/export/dialog.css?inline';
import { SyncDialog, type ResumeSource } from '@/components/sourcing/SyncDialog';
import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import type { SourcedOnPage } from '@/lib/sourcing/intents';
import { readPageProfile } from '@/lib/sites/profile-reader';
import { fetchResume } from '@/lib/sites/resume';
import { DIALOGS_GLOBAL, type DialogRequest, type DialogsApi } from '@/lib/sites/ui/dialog-loader';

/**
 * The dialogs' code, injected by the service worker into a tab on first use (never with the page): on an ATS
 * page after a click on a button, or on any page the user opened Hirebridge on (toolbar icon, activeTab).
 * Each dialog renders into its own shadow root (WXT's createShadowRootUi) so the page's styles cannot reach it.
 */
export default defineContentScript({
  matches: [...BUILT_IN_ATS_HOSTS],
  registration: 'runtime',
  main(ctx) {
    let ui: ShadowRootContentScriptUi<Root> | undefined;
    /** The latest open; a slower earlier one that resolves after it is dropped. */
    let opening = 0;

    const close = (request: DialogRequest) => {
      ui?.remove();
      ui = undefined;
      request.onSettled?.();
      if (request.returnFocus?.isConnected) request.returnFocus.focus();
    };

    /** What the page says about the person: the adapter's reading first, the generic one for the rest. */
    const sourced = (request: Extract<DialogRequest, { kind: 'sync' }>): SourcedOnPage => {
      const url = new URL(location.href);
      const generic = readPageProfile(document, url, request.siteName);
      const c = request.candidate;
      return {
        adapterId: request.adapterId,
        siteCandidateId: c?.siteCandidateId,
        fullName: c?.fullName ?? generic.fullName,
        email: c?.email ?? generic.email,
        phone: c?.phone ?? generic.phone,
        headline: generic.headline ?? c?.jobTitle,
        stage: c?.stage ?? generic.stage,
        rating: generic.rating,
        summary: generic.summary,
        transcript: generic.transcript,
        resumeUrl: generic.resumeUrl,
        sourceUrl: url.href,
        sourceSite: generic.sourceSite,
      };
    };

    const api: DialogsApi = {
      open(request) {
        if (ui) close(request);
        const seq = ++opening;
        void createShadowRootUi(ctx, {
          name: 'hirebridge-dialog',
          position: 'inline',
          anchor: 'body',
          append: 'last',
          css: dialogCss,
          onMount(container) {
            const root = createRoot(container);
            // Rendered at once, in this task: the form (filled, when its data came ahead) is in the next frame.
            flushSync(() => {
              if (request.kind === 'export') {
                root.render(<ExportDialog adapterId={request.adapterId} candidate={request.candidate} prefetched={request.draft} onClose={() => close(request)} />);
              } else {
                const page = sourced(request);
                const resume: ResumeSource = page.resumeUrl ? { fetchLinked: () => fetchResume(page.resumeUrl!) } : {};
                root.render(<SyncDialog page={page} resume={resume} onClose={() => close(request)} />);
              }
            });
            return root;
          },
          onRemove: (root) => root?.unmount(),
        }).then((created) => {
          if (seq !== opening) return created.remove();
          ui = created;
          created.mount();
        });
      },
    };
    (globalThis as unknown as Record<string, DialogsApi>)[DIALOGS_GLOBAL] = api;
  },
});
