import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import { PageCandidate, type ExportDraft } from '../export/intents';
import { ResumeUpload, SourcedOnPage } from '../sourcing/intents';

/**
 * The Export and Sync dialogs render in an extension page (dialog.html) framed inside the web page, so the page can
 * neither read what they show nor hear what is typed in them. What the dialog needs from the page (the candidate the
 * content script read, the resume it downloaded) goes content script → worker → frame, never through the page's
 * window (postMessage): the page could read or forge that. The worker hands a staged request to one frame only (the
 * first that claims its token, in the tab that staged it) and relays the frame's "close" and "am I visible?" back to
 * that tab's content script.
 */

const Token = z.string().check(z.uuid());
const TokenInput = z.object({ token: Token });

export const StageDialogInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('export'), adapterId: z.string().check(z.minLength(1), z.maxLength(64)), candidate: PageCandidate }),
  /** `resumeLinked`: the page links a resume, which the content script downloads and hands over (handDialogResume). */
  z.object({ kind: z.literal('sync'), page: SourcedOnPage, resumeLinked: z.boolean() }),
]);
export type StageDialogInput = z.output<typeof StageDialogInput>;

/** What the frame gets for its token: the request, and the export form's data when it is already in. */
export type DialogFrameRequest =
  | { kind: 'export'; adapterId: string; candidate: PageCandidate; draft?: ExportDraft }
  | { kind: 'sync'; page: SourcedOnPage; resumeLinked: boolean };

/** A point in the frame's own coordinates (CSS px from its top left corner). */
const Point = z.object({ x: z.number().check(z.gte(0), z.lte(100_000)), y: z.number().check(z.gte(0), z.lte(100_000)) });

/** Why the content script thinks the frame is not fully visible to the person (the frame says it in words). */
export const HIDDEN_REASONS = ['transparent', 'transformed', 'hidden', 'covered', 'offscreen', 'resized', 'gone'] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];
export type FrameVisibility = { visible: true } | { visible: false; reason: HiddenReason };

export const dialogFrameIntents = {
  /** The page side: this dialog is about to open (or may, the pointer is on its button). Export's data is asked for now. */
  stageDialog: intent<{ token: string }>()({ input: StageDialogInput, from: ['content-script'] }),
  /** The page side: the resume the page links to, downloaded with the page's session (or why it could not be). */
  handDialogResume: intent<null>()({
    input: z.object({ token: Token, resume: z.optional(ResumeUpload), error: z.optional(z.string().check(z.maxLength(500))) }),
    from: ['content-script'],
  }),
  /** The frame: its request (claimed once, by one frame of the staging tab). */
  dialogFrameRequest: intent<DialogFrameRequest>()({ input: TokenInput, from: ['dialog-frame'] }),
  /** The frame: the export form's data, waited for when it was not in yet. */
  dialogFrameDraft: intent<ExportDraft>()({ input: TokenInput, from: ['dialog-frame'] }),
  /** The frame: the resume the page links to, once the content script handed it over. */
  dialogFrameResume: intent<z.output<typeof ResumeUpload>>()({ input: TokenInput, from: ['dialog-frame'] }),
  /** The frame: close me (Cancel, Close, Escape, a click beside the dialog). */
  closeDialogFrame: intent<null>()({ input: TokenInput, from: ['dialog-frame'] }),
  /** The frame: before it sends anything, whether the page shows it to the person (not covered, transparent, moved). */
  checkDialogFrame: intent<FrameVisibility>()({ input: z.object({ token: Token, point: Point }), from: ['dialog-frame'] }),
} as const satisfies Record<string, IntentSpec>;

type DialogFrameIntents = typeof dialogFrameIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends DialogFrameIntents {}
}
