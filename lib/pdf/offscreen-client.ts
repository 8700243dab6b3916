/**
 * The service worker's side of building a profile in Chrome's offscreen document (see index.ts for why). The
 * document is opened on first use (or ahead of it, prepareProfilePdf) and stays open for the browser session, so
 * the next profile finds the PDF stack loaded; a worker restart finds it still there.
 * chrome.offscreen: https://developer.chrome.com/docs/extensions/reference/api/offscreen (Chrome 109+; getContexts
 * 116+). None of its reasons says "run a large library off the worker's start path"; BLOBS is the nearest (the
 * document produces a file's bytes).
 */
import { base64ToBytes, bytesToBase64, cachedBase64 } from './base64';
import { OFFSCREEN_PATH, OFFSCREEN_TARGET, type OffscreenBuild, type OffscreenReply } from './offscreen-protocol';
import type { ProfileFonts, ProfileInput, ProfileResult, ResumeFile } from './types';

let opening: Promise<void> | undefined;

/** Opens the offscreen document unless it is open already (one per extension). */
export function openOffscreenDocument(): Promise<void> {
  opening ??= (async () => {
    const url = chrome.runtime.getURL(OFFSCREEN_PATH);
    const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType], documentUrls: [url] });
    if (open.length) return;
    try {
      await chrome.offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: ['BLOBS' as chrome.offscreen.Reason], justification: 'Builds the candidate PDF profile (jsPDF, pdf-lib) outside the service worker.' });
    } catch (error) {
      // Another caller opened it between the check and now: that one will do.
      if (!/single offscreen document/i.test(error instanceof Error ? error.message : String(error))) throw error;
    }
  })().finally(() => (opening = undefined));
  return opening;
}

// Names the fonts by their content, so the document can tell whether it holds them already — also after this worker
// was stopped and started again (the document outlives it). FNV-1a over the bytes: ~1.5 MB, a few ms, once per worker.
const fontKeys = new WeakMap<ProfileFonts, string>();
function fingerprint(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return `${bytes.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}
const keyOf = (fonts: ProfileFonts) => {
  let key = fontKeys.get(fonts);
  if (!key) fontKeys.set(fonts, (key = `${fingerprint(fonts.regular)}-${fingerprint(fonts.bold)}`));
  return key;
};

async function send(message: OffscreenBuild): Promise<OffscreenReply> {
  await openOffscreenDocument();
  try {
    return (await chrome.runtime.sendMessage(message)) as OffscreenReply;
  } catch (error) {
    // The document was closed (by the browser, or another extension page) after the check: open it again, once.
    if (!/receiving end does not exist/i.test(error instanceof Error ? error.message : String(error))) throw error;
    await openOffscreenDocument();
    return (await chrome.runtime.sendMessage(message)) as OffscreenReply;
  }
}

async function request(kind: OffscreenBuild['kind'], input: ProfileInput, fonts: ProfileFonts, resume?: ResumeFile): Promise<OffscreenReply & { ok: true }> {
  const message: OffscreenBuild = {
    target: OFFSCREEN_TARGET,
    kind,
    input,
    fontsKey: keyOf(fonts),
    ...(resume ? { resume: { base64: bytesToBase64(resume.bytes), contentType: resume.contentType, fileName: resume.fileName } } : {}),
  };
  let reply = await send(message);
  if (!reply) throw new Error('The PDF builder (offscreen document) did not answer.');
  if (!reply.ok && reply.needFonts) reply = await send({ ...message, fonts: { regular: cachedBase64(fonts.regular), bold: cachedBase64(fonts.bold) } });
  if (!reply?.ok) throw new Error(`The PDF builder (offscreen document) failed: ${reply && 'error' in reply ? reply.error : 'no answer'}`);
  return reply;
}

export async function buildInOffscreenDocument(input: ProfileInput, fonts: ProfileFonts, resume?: ResumeFile): Promise<ProfileResult> {
  const reply = await request('build', input, fonts, resume);
  return { bytes: base64ToBytes(reply.base64), pageCount: reply.pageCount, resume: reply.resume, ...(reply.resumeMessage ? { resumeMessage: reply.resumeMessage } : {}) };
}

/** A throwaway build in the document with these fonts (see OffscreenBuild.kind). */
export async function warmOffscreenDocument(input: ProfileInput, fonts: ProfileFonts): Promise<void> {
  const reply = await request('warm', input, fonts);
  // Decoded as a real profile's bytes are (empty when the document was warm already), then dropped.
  base64ToBytes(reply.base64);
}
