/**
 * The offscreen document's side (Chrome; entrypoints/offscreen): builds profiles the service worker asks for. Uses
 * chrome.runtime only — the one extension API an offscreen document has.
 */
import { base64ToBytes, bytesToBase64, rememberBase64 } from './base64';
import { buildProfilePdfHere, warmUpProfilePdf } from './build';
import { OFFSCREEN_TARGET, type OffscreenBuild, type OffscreenReply } from './offscreen-protocol';
import type { ProfileFonts } from './types';

export function serveProfileBuilds(): void {
  // The worker's fonts, decoded once; their base64 is kept too, which is what jsPDF reads (no re-encoding).
  let held: { key: string; fonts: ProfileFonts } | undefined;
  // Warmed with the fonts of this key: a worker started again asks again, and needs nothing more.
  let warmedWith: string | undefined;
  const decode = (base64: string) => {
    const bytes = base64ToBytes(base64);
    rememberBase64(bytes, base64);
    return bytes;
  };

  async function handle(message: OffscreenBuild): Promise<OffscreenReply> {
    if (message.fonts) held = { key: message.fontsKey, fonts: { regular: decode(message.fonts.regular), bold: decode(message.fonts.bold) } };
    if (held?.key !== message.fontsKey) return { ok: false, needFonts: true };
    if (message.kind === 'warm') {
      if (warmedWith === held.key) return { ok: true, base64: '', pageCount: 0, resume: 'none' };
      // A warm-up gives way to what the person is looking at: the document may share its main thread with the
      // extension's pages (the Sync dialog rendering). The timeout only bounds the wait.
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
      const bytes = await warmUpProfilePdf(message.input, held.fonts);
      warmedWith = held.key;
      // The throwaway profile goes back like a real one: encoding, the message and the worker's decoding run once too.
      return { ok: true, base64: bytesToBase64(bytes), pageCount: 0, resume: 'none' };
    }
    const resume = message.resume ? { bytes: base64ToBytes(message.resume.base64), contentType: message.resume.contentType, fileName: message.resume.fileName } : undefined;
    const result = await buildProfilePdfHere(message.input, held.fonts, resume);
    return { ok: true, base64: bytesToBase64(result.bytes), pageCount: result.pageCount, resume: result.resume, ...(result.resumeMessage ? { resumeMessage: result.resumeMessage } : {}) };
  }

  chrome.runtime.onMessage.addListener((message: Partial<OffscreenBuild> | undefined, sender, sendResponse) => {
    // Only the extension's own worker asks (pages' intents go to the worker, not here).
    if (message?.target !== OFFSCREEN_TARGET || sender.id !== chrome.runtime.id) return false;
    handle(message as OffscreenBuild).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies OffscreenReply));
    return true; // answered asynchronously
  });
}
