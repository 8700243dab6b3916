import { HIDDEN_REASONS, type DialogFrameRequest, type FrameVisibility, type HiddenReason, type StageDialogInput } from './intents';
import type { ExportDraft } from '../export/intents';
import type { ResumeUpload } from '../sourcing/intents';
import { PublicError } from '../errors';
import { t } from '../sites/messages';

/**
 * The worker's side of the framed dialogs (see lib/dialogs/intents.ts): requests staged by a tab's
 * content script, each claimed by one dialog frame of that same tab, and the relay from that frame back to the
 * content script (close it, check it is visible). Kept in memory: a request lives for seconds before its frame claims
 * it; a worker restarted meanwhile loses it, and the frame says the form could not be opened.
 */

interface Staged {
  tabId: number;
  at: number;
  request: StageDialogInput;
  /** Export: the form's data, asked for when the request was staged (the pointer reached the button). */
  draft?: Promise<ExportDraft>;
  settledDraft?: ExportDraft;
  /** The frame that claimed it (its frame id in the tab): the only one that may use the token afterwards. */
  frameId?: number;
  resume: { promise: Promise<ResumeUpload>; resolve(r: ResumeUpload): void; reject(e: Error): void };
}

/** Unclaimed requests go after this long (the content script stages again if the person clicks later). */
const UNCLAIMED_MS = 60_000;
/** At most this many requests are kept (a page cannot make the worker hold more). */
const MAX_STAGED = 64;
const staged = new Map<string, Staged>();

function purge(now: number) {
  for (const [token, entry] of staged) if (entry.frameId === undefined && now - entry.at > UNCLAIMED_MS) staged.delete(token);
  while (staged.size >= MAX_STAGED) staged.delete(staged.keys().next().value!);
}

/** A content script stages what its dialog will show; Export's data is asked for at once (`prepare`). */
export function stageDialog(tabId: number, request: StageDialogInput, prepare: (request: Extract<StageDialogInput, { kind: 'export' }>) => Promise<ExportDraft>): { token: string } {
  const now = Date.now();
  purge(now);
  const token = crypto.randomUUID();
  let resolve!: (r: ResumeUpload) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<ResumeUpload>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined); // never asked for when the page links no resume
  const entry: Staged = { tabId, at: now, request, resume: { promise, resolve, reject } };
  if (request.kind === 'export') {
    entry.draft = prepare(request);
    entry.draft.then((draft) => (entry.settledDraft = draft), () => undefined);
  }
  if (request.kind === 'sync' && !request.resumeLinked) reject(new PublicError(t('noResumeLinked'), 'no-resume'));
  staged.set(token, entry);
  return { token };
}

/** The staged request of `token`, for the frame that claimed it (or claims it now) in the staging tab. */
function claimed(token: string, tabId: number | undefined, frameId: number | undefined): Staged {
  const entry = staged.get(token);
  if (!entry || tabId !== entry.tabId || frameId === undefined || (entry.frameId !== undefined && entry.frameId !== frameId)) {
    throw new PublicError(t('formNotOpened'), 'forbidden');
  }
  entry.frameId = frameId;
  return entry;
}

export function frameRequest(token: string, tabId: number | undefined, frameId: number | undefined): DialogFrameRequest {
  const entry = claimed(token, tabId, frameId);
  // Claimed once: a second frame (the page navigating a frame of its own to this token) gets nothing.
  if (entry.request.kind === 'export') {
    const draft = entry.settledDraft ?? undefined;
    return { kind: 'export', adapterId: entry.request.adapterId, candidate: entry.request.candidate, ...(draft ? { draft } : {}) };
  }
  return { kind: 'sync', page: entry.request.page, resumeLinked: entry.request.resumeLinked };
}

export function frameDraft(
  token: string,
  tabId: number | undefined,
  frameId: number | undefined,
  prepare: (request: Extract<StageDialogInput, { kind: 'export' }>) => Promise<ExportDraft>,
): Promise<ExportDraft> {
  const entry = claimed(token, tabId, frameId);
  if (entry.request.kind !== 'export') throw new PublicError(t('formNotOpened'), 'forbidden');
  // Asked for when staged; once used, a later question (the form reopened) asks again.
  const draft = entry.draft ?? prepare(entry.request);
  entry.draft = undefined;
  entry.settledDraft = undefined;
  return draft;
}

export function frameResume(token: string, tabId: number | undefined, frameId: number | undefined): Promise<ResumeUpload> {
  return claimed(token, tabId, frameId).resume.promise;
}

/** The content script hands over the resume it downloaded with the page's session (or says why it could not). */
export function handResume(token: string, tabId: number | undefined, input: { resume?: ResumeUpload; error?: string }): null {
  const entry = staged.get(token);
  if (!entry || entry.tabId !== tabId) throw new PublicError(t('formNotOpened'), 'forbidden');
  if (input.resume) entry.resume.resolve(input.resume);
  else entry.resume.reject(new PublicError(input.error || t('formNotOpened'), 'no-resume'));
  return null;
}

/** What the worker sends the staging tab's content script (top frame only) for its frame. */
export type FrameRelay = { hirebridgeDialogFrame: { token: string } & ({ op: 'close' } | { op: 'check'; point: { x: number; y: number } }) };

/**
 * Relayed to the sender's own tab, whether or not this worker staged the token (it may have been restarted since):
 * the content script acts only for the frame it opened with that token.
 */
export async function closeFrame(token: string, tabId: number | undefined): Promise<null> {
  if (tabId === undefined) throw new PublicError(t('formNotOpened'), 'forbidden');
  staged.delete(token);
  const message: FrameRelay = { hirebridgeDialogFrame: { token, op: 'close' } };
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  return null;
}

export async function checkFrame(token: string, tabId: number | undefined, point: { x: number; y: number }): Promise<FrameVisibility> {
  if (tabId === undefined) throw new PublicError(t('formNotOpened'), 'forbidden');
  const message: FrameRelay = { hirebridgeDialogFrame: { token, op: 'check', point } };
  // A page that does not answer (closed, navigated, its script gone) cannot vouch for the frame: treated as hidden.
  const answer = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined)) as Partial<FrameVisibility> | undefined;
  if (answer?.visible === true) return { visible: true };
  // No answer (the content script is gone, the page navigated) or an unknown one: nothing is sent.
  const reason = answer && 'reason' in answer && (HIDDEN_REASONS as readonly string[]).includes(String(answer.reason)) ? (answer.reason as HiddenReason) : 'gone';
  return { visible: false, reason };
}

/** A tab closed or navigated away: its requests go. */
export function forgetTabDialogs(tabId: number): void {
  for (const [token, entry] of staged) if (entry.tabId === tabId) staged.delete(token);
}
