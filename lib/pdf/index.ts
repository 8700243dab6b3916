/**
 * The candidate PDF profile (spec F4): profile pages drawn with jsPDF, then the resume's own pages merged
 * with pdf-lib. No DOM, no Node APIs.
 *
 * Where it runs: the PDF stack (build.ts) is kept off the service worker's start path — most worker starts only
 * answer "is this candidate exportable?". Chrome's extension service worker cannot `import()` (the HTML spec
 * disallows it on ServiceWorkerGlobalScope), so there the profile is built in an offscreen document
 * (offscreen-client.ts → entrypoints/offscreen); everywhere else (Firefox's event page, an extension page, Node
 * in the unit tests) build.ts is imported on the first call.
 *
 * Known limitation: the embedded font is DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, Arabic, Armenian,
 * Georgian, symbols). Characters it has no glyph for — Chinese/Japanese/Korean, emoji, other scripts — are
 * drawn as U+FFFD with a note in the header; the document title metadata keeps the exact name. Arabic is
 * shaped by jsPDF, so it extracts as presentation forms rather than the original letters.
 */
import { buildInOffscreenDocument, openOffscreenDocument, warmOffscreenDocument } from './offscreen-client';
import type { ProfileFonts, ProfileInput, ProfileResult, ResumeFile } from './types';

export type { ProfileFonts, ProfileInput, ProfileResult, ResumeFile } from './types';
export { pdfFileName } from './text';
export { base64ToBytes, bytesToBase64 } from './base64';

type Builder = (input: ProfileInput, fonts: ProfileFonts, resume?: ResumeFile) => Promise<ProfileResult>;
type WarmUp = (input: ProfileInput, fonts: ProfileFonts) => Promise<unknown>;

/**
 * A Chrome extension service worker: no DOM and no import(); the offscreen document builds instead. The Firefox
 * build leaves the offscreen client out altogether (Firefox has no chrome.offscreen; its background has a DOM).
 */
const OFFSCREEN_BUILDS = import.meta.env.BROWSER !== 'firefox';
/**
 * The Chrome worker's own build (a classic script, built alone: entrypoints/background.ts). Known when it is built, so
 * the import() of the PDF stack below is dropped from it: a classic script cannot load chunks, and its build would
 * otherwise inline the whole stack.
 */
const CHROME_WORKER_BUILD = OFFSCREEN_BUILDS && import.meta.env.ENTRYPOINT === 'background';
const inServiceWorker = () => typeof document === 'undefined' && typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope === 'function';

let builder: Promise<Builder> | undefined;
function loadBuilder(): Promise<Builder> {
  // The client is small and imported statically: import() itself throws in Chrome's worker.
  // Spelled out, not behind a helper: the build folds CHROME_WORKER_BUILD here only (through a function it kept the
  // import() and inlined the 950 KB stack, which tests/e2e/manifest.spec.ts catches).
  builder ??= CHROME_WORKER_BUILD || (OFFSCREEN_BUILDS && inServiceWorker()) ? Promise.resolve(buildInOffscreenDocument) : import('./build').then((m) => m.buildProfilePdfHere);
  // A failed load (a chunk missing from a broken build) is reported by the caller; the next call tries again.
  builder.catch(() => (builder = undefined));
  return builder;
}

/**
 * Builds the one PDF sent as the CV: profile pages, then the resume pages when the resume is a readable PDF.
 * Never throws because of odd input text; a resume that cannot be included is reported in `resume` /
 * `resumeMessage` and the profile is produced anyway.
 */
export async function buildProfilePdf(input: ProfileInput, fonts: ProfileFonts, resume?: ResumeFile): Promise<ProfileResult> {
  return (await loadBuilder())(input, fonts, resume);
}

/** A small profile built once ahead of the first real one: the code gets compiled and the fonts parsed. */
const WARM_UP_INPUT: ProfileInput = {
  fullName: 'Zoë Warm-up',
  email: 'warm-up@example.invalid',
  headline: 'Ψ Ж',
  sourceUrl: 'https://example.invalid/',
  rating: 3,
  assessmentSummary: 'Warm-up.',
  // A few pages' worth: page breaks, wrapping and the footer are compiled too.
  transcript: Array.from({ length: 40 }, (_, i) => ({
    speaker: i % 2 ? 'Candidate' : 'Recruiter',
    text: 'Warm-up text that wraps across the line, with a few accented letters (é, ñ, ü) and longer words. '.repeat(1 + (i % 4)),
  })),
  capturedAt: '2026-01-01T00:00:00.000Z',
};

let warmed: Promise<void> | undefined;

/**
 * Gets the builder ready before it is needed (the Sync dialog is open; the person has yet to press Sync): loads the
 * PDF stack — on Chrome, opens the offscreen document — and, given the fonts, builds one throwaway profile so the
 * first real one finds the code compiled and the fonts parsed. Once per worker; never throws (buildProfilePdf
 * reports the same failure when it is really needed).
 */
export function prepareProfilePdf(fonts?: () => Promise<ProfileFonts>): Promise<void> {
  warmed ??= (async () => {
    await loadBuilder();
    if (CHROME_WORKER_BUILD || (OFFSCREEN_BUILDS && inServiceWorker())) {
      await openOffscreenDocument();
      if (fonts) await warmOffscreenDocument(WARM_UP_INPUT, await fonts());
    } else if (fonts) {
      const warmUp: WarmUp = (await import('./build')).warmUpProfilePdf;
      await warmUp(WARM_UP_INPUT, await fonts());
    }
  })().catch(() => {
    // Warming is an optimisation: a failure only means the real build starts cold (and tries the builder again).
    warmed = undefined;
  });
  return warmed;
}
