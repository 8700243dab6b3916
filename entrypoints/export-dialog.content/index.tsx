import { createRoot, type Root } from 'react-dom/client';
import { ExportDialog } from '@/components/export/ExportDialog';
import dialogCss from '@/components/export/dialog.css?inline';
import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import { DIALOG_GLOBAL, type DialogRequest, type ExportDialogApi } from '@/lib/sites/ui/dialog-loader';

/**
 * The export dialog's code, injected by the service worker into a tab on the first click (never with the page).
 * It renders into its own shadow root so the page's styles cannot reach it.
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
      request.onSettled();
      if (request.returnFocus.isConnected) request.returnFocus.focus();
    };

    const api: ExportDialogApi = {
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
        root.render(<ExportDialog adapterId={request.adapterId} candidate={request.candidate} onClose={() => close(request)} />);
      },
    };
    (globalThis as unknown as Record<string, ExportDialogApi>)[DIALOG_GLOBAL] = api;
  },
});
