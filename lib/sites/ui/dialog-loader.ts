import { sendIntent } from '../../messaging/client';
import type { PageCandidate } from '../../messaging/intents/export';

/**
 * The export dialog is a separate bundle, injected into the tab by the service worker on first use, so the code
 * every ATS page loads stays small. Both scripts share this extension's isolated world, never the page's.
 */

export interface DialogRequest {
  adapterId: string;
  candidate: PageCandidate;
  returnFocus: HTMLElement;
  onSettled(): void;
}

export interface ExportDialogApi {
  open(request: DialogRequest): void;
}

export const DIALOG_GLOBAL = '__hirebridgeExportDialog';

export async function openExportDialog(request: DialogRequest): Promise<void> {
  const scope = globalThis as unknown as Record<string, ExportDialogApi | undefined>;
  if (!scope[DIALOG_GLOBAL]) {
    const result = await sendIntent('openExportDialog', undefined);
    if (!result.ok || !scope[DIALOG_GLOBAL]) {
      alertText(result.ok ? 'The export form could not be opened. Reload the page and try again.' : result.error.message);
      return;
    }
  }
  scope[DIALOG_GLOBAL]!.open(request);
}

function alertText(message: string) {
  // Plain text only, never HTML.
  window.alert(`Hirebridge: ${message}`);
}
