import { askUntilAnswered, sendIntent } from '../../messaging/client';
import type { IntentAnswer, IntentInput } from '../../messaging/protocol';
import type { Result } from '../../messaging/result';
import type { CandidateOnPage } from '../types';
import { DIALOGS_GLOBAL } from './globals';
import { t } from './messages';

/** The page side knows Export to FactorialHR only through its intents: what it sends and what it answers. */
type PageCandidate = IntentInput<'prepareExport'>['candidate'];
type ExportDraft = IntentAnswer<'prepareExport'>;

/**
 * The dialogs (Export to FactorialHR, Sync to ATS) render in an extension page framed inside the page (dialog.html,
 * see entrypoints/dialogs.content): the page can neither read them nor hear what is typed in them. What frames them
 * (and reads the page for Sync) is a separate bundle, injected into the tab by the service worker on first use, so
 * the code every ATS page loads stays small. Both scripts share this extension's isolated world, never the page's.
 *
 * "First use" starts when a person shows they are about to click — the pointer reaches a button, or it gets the
 * keyboard focus, or it is pressed: the bundle is injected then, and the export is staged with the worker, which asks
 * for the form's data at the same time (it goes to the frame, never through this page), so by the click (its
 * release) both are usually there. Nothing of it happens on pages nobody points at.
 */

interface Common {
  adapterId: string;
  returnFocus?: HTMLElement;
  onSettled?(): void;
}
export type DialogRequest =
  /** `staged`: the export already staged with the worker (its data asked for), else it is staged on opening. */
  | (Common & { kind: 'export'; candidate: PageCandidate; staged?: Promise<Result<{ token: string }>> })
  /** Sync reads the rest of the page itself (profile, transcript, resume) when it opens. */
  | (Common & { kind: 'sync'; siteName?: string; candidate?: CandidateOnPage });

export interface DialogsApi {
  open(request: DialogRequest): void;
}

/**
 * Bench only: a build made with WXT_BENCH_DIALOG_ON_CLICK=1 prepares nothing ahead (the bundle is injected on the
 * click, the form asks for its data when it mounts), as before — `npm run bench`'s dialog-open baseline.
 */
const PREPARE_AHEAD = import.meta.env?.WXT_BENCH_DIALOG_ON_CLICK !== '1';
/** An export staged this long before the click is staged again (the person may have waited, things change). */
const DRAFT_FRESH_MS = 20_000;

/** The export form's data as a dialog gets it: asked for ahead of time; `settled` once it is in. */
export interface AskedDraft {
  result: Promise<Result<ExportDraft>>;
  settled?: Result<ExportDraft>;
}

const scope = globalThis as unknown as Record<string, DialogsApi | undefined>;
let injecting: Promise<Result<null>> | undefined;
const drafts = new Map<string, { at: number; staged: Promise<Result<{ token: string }>> }>();
const draftKey = (adapterId: string, candidate: PageCandidate) => `${adapterId}:${candidate.siteCandidateId}`;

/** The bundle, injected once per page; a failed injection is tried again next time. */
function injectDialogs(): Promise<Result<null>> {
  const loaded = { ok: true as const, value: null };
  if (scope[DIALOGS_GLOBAL]) return Promise.resolve(loaded);
  // An answer lost to a worker stopped at that moment is asked for again (unless the bundle arrived meanwhile).
  injecting ??= askUntilAnswered(() => (scope[DIALOGS_GLOBAL] ? Promise.resolve(loaded) : sendIntent('loadDialogs', undefined)), () => undefined).then(
    (result) => {
      if (!result.ok) injecting = undefined;
      return result;
    },
    (error: unknown) => {
      injecting = undefined;
      throw error;
    },
  );
  return injecting;
}

/** Stage this export with the worker (it asks for the form's data now); one staged request per candidate at a time. */
function stageExport(adapterId: string, candidate: PageCandidate): Promise<Result<{ token: string }>> {
  const key = draftKey(adapterId, candidate);
  const known = drafts.get(key);
  if (known && Date.now() - known.at < DRAFT_FRESH_MS) return known.staged;
  const staged = sendIntent('stageDialog', { kind: 'export', adapterId, candidate });
  // Staged ahead and never used: nothing to report; opening stages again.
  staged.catch(() => drafts.get(key)?.staged === staged && drafts.delete(key));
  drafts.set(key, { at: Date.now(), staged });
  return staged;
}

/** The person is about to click (pointer on the button, focus, press): get the dialog, and this form's data, ready. */
export function prepareDialog(request: { kind: 'export'; adapterId: string; candidate: PageCandidate } | { kind: 'sync' }): void {
  if (!PREPARE_AHEAD) return;
  injectDialogs().catch(() => undefined); // ahead of time only: opening the dialog injects again and says why it failed
  if (request.kind === 'export') stageExport(request.adapterId, request.candidate).catch(() => undefined);
}

export async function openDialog(request: DialogRequest): Promise<void> {
  let open = request;
  if (request.kind === 'export' && !request.staged) {
    // Used once (a frame claims it): the next open (after an export, say) stages again.
    open = { ...request, staged: stageExport(request.adapterId, request.candidate) };
    drafts.delete(draftKey(request.adapterId, request.candidate));
  }
  if (!scope[DIALOGS_GLOBAL]) {
    const result = await injectDialogs().catch(() => ({ ok: false as const, error: { message: t('formNotOpened') } }));
    if (!result.ok || !scope[DIALOGS_GLOBAL]) {
      alertText(result.ok ? t('formNotOpened') : result.error.message);
      return;
    }
  }
  scope[DIALOGS_GLOBAL]!.open(open);
}

function alertText(message: string) {
  // Plain text only, never HTML.
  window.alert(`Hirebridge: ${message}`);
}
