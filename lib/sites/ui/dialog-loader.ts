import { sendIntent } from '../../messaging/client';
import type { PageCandidate } from '../../messaging/intents/export';
import type { CandidateOnPage } from '../types';
import { t } from './messages';

/**
 * The dialogs (Export to FactorialHR, Sync to ATS) are one separate bundle, injected into the tab by the service
 * worker on first use, so the code every ATS page loads stays small. Both scripts share this extension's
 * isolated world, never the page's.
 */

interface Common {
  adapterId: string;
  returnFocus?: HTMLElement;
  onSettled?(): void;
}
export type DialogRequest =
  | (Common & { kind: 'export'; candidate: PageCandidate })
  /** Sync reads the rest of the page itself (profile, transcript, resume) when it opens. */
  | (Common & { kind: 'sync'; siteName?: string; candidate?: CandidateOnPage });

export interface DialogsApi {
  open(request: DialogRequest): void;
}

export const DIALOGS_GLOBAL = '__hirebridgeDialogs';

export async function openDialog(request: DialogRequest): Promise<void> {
  const scope = globalThis as unknown as Record<string, DialogsApi | undefined>;
  if (!scope[DIALOGS_GLOBAL]) {
    const result = await sendIntent('loadDialogs', undefined);
    if (!result.ok || !scope[DIALOGS_GLOBAL]) {
      alertText(result.ok ? t('formNotOpened') : result.error.message);
      return;
    }
  }
  scope[DIALOGS_GLOBAL]!.open(request);
}

function alertText(message: string) {
  // Plain text only, never HTML.
  window.alert(`Hirebridge: ${message}`);
}
