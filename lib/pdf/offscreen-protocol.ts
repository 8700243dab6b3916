import type { ProfileInput, ProfileResult } from './types';

/**
 * What the service worker and the offscreen document say to each other (Chrome). Chrome's runtime messages are
 * JSON, so bytes travel as base64. The fonts (1.5 MB) go once per offscreen document: the worker names them with a
 * key, and the document asks for them (`needFonts`) when it does not hold that key.
 */
export const OFFSCREEN_TARGET = 'hirebridge-offscreen-pdf';
export const OFFSCREEN_PATH = '/offscreen.html';

export interface OffscreenBuild {
  target: typeof OFFSCREEN_TARGET;
  /** `warm`: build a throwaway profile so the first real one finds the code compiled and the fonts parsed. */
  kind: 'build' | 'warm';
  input: ProfileInput;
  fontsKey: string;
  fonts?: { regular: string; bold: string };
  resume?: { base64: string; contentType?: string; fileName?: string };
}

export type OffscreenReply =
  | { ok: true; base64: string; pageCount: number; resume: ProfileResult['resume']; resumeMessage?: string }
  | { ok: false; needFonts: true }
  | { ok: false; needFonts?: false; error: string };
