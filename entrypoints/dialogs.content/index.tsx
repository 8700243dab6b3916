import { createRoot, type Root } from 'react-dom/client';
import { ExportDialog } from '@/components/export/ExportDialog';
import dialogCss from '@/components/export/dialog.css?inline';
import { SyncDialog, type ResumeSource } from '@/components/sync/SyncDialog';
import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import type { SourcedOnPage } from '@/lib/messaging/intents/sync';
import { readPageProfile } from '@/lib/sites/profile-reader';
import { fetchResume } from '@/lib/sites/resume';
import { DIALOGS_GLOBAL, type DialogRequest, type DialogsApi } from '@/lib/sites/ui/dialog-loader';

/**
 * The dialogs' code, injected by the service worker into a tab on first use (never with the page): on an ATS
 * page after a click on a button, or on any page the user opened Hirebridge on (toolbar icon, activeTab).
 * Each dialog renders into its own shadow root so the page's styles cannot reach it.
 */
export default defineContentScript({
  matches: [...BUILT_IN_ATS_HOSTS],
  registration: 'runtime',
  main() {
    let root: Root | undefined;
    let host: HTMLElement | undefined;

    const close = (request: DialogRequest) => {
      root?.unmount();
      host?.remove();
      root = undefined;
      host = undefined;
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
        if (host) close(request);
        host = document.createElement('hirebridge-dialog');
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = dialogCss;
        const container = document.createElement('div');
        shadow.append(style, container);
        document.body.append(host);
        root = createRoot(container);
        if (request.kind === 'export') {
          root.render(<ExportDialog adapterId={request.adapterId} candidate={request.candidate} onClose={() => close(request)} />);
        } else {
          const page = sourced(request);
          const resume: ResumeSource = page.resumeUrl ? { fetchLinked: () => fetchResume(page.resumeUrl!) } : {};
          root.render(<SyncDialog page={page} resume={resume} onClose={() => close(request)} />);
        }
      },
    };
    (globalThis as unknown as Record<string, DialogsApi>)[DIALOGS_GLOBAL] = api;
  },
});
