/**
 * Turning untrusted page data into text the PDF can draw.
 *
 * Everything here is pure string work (no DOM, no Node APIs) so it runs in the service worker.
 */

/** What an unsupported character (a glyph the embedded font lacks) is drawn as. */
export const REPLACEMENT = '\uFFFD';

// C0/C1 controls except \n (kept for paragraphs); \t and line separators are converted before this runs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
// Unicode spaces jsPDF does not wrap on and DejaVu may lack: drawn as a plain space instead.
const ODD_SPACE = /[\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Invisible formatting (ZWJ, bidi marks/overrides, soft hyphen, BOM, tags), variation selectors and lone
// surrogates: they have no glyph of their own, and jsPDF would draw them as boxes or drop the rest of the line.
const IGNORABLE = /[\p{Cf}\p{Cs}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const IGNORABLE_G = new RegExp(IGNORABLE.source, 'gu');

/** Anything the caller may have put in a field (types are not enforced on page data at run time) → string. */
export function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return ''; // objects/arrays are never rendered ("[object Object]" helps nobody, and toString may throw)
}

/**
 * Strips control characters and normalises whitespace. `multiline` keeps paragraph breaks (at most one
 * blank line in a row, so a field of 10,000 newlines cannot produce pages of nothing).
 */
export function cleanText(value: unknown, multiline = false): string {
  let t = asString(value).normalize('NFC'); // precomposed accents: DejaVu has them, and wrapping measures them right
  t = t.replace(/\r\n?|[\u0085\u2028\u2029\u000B\u000C]/g, '\n').replace(/\t/g, ' ');
  t = t.replace(CONTROL, '').replace(ODD_SPACE, ' ');
  if (!multiline) return t.replace(/\s+/g, ' ').trim();
  return t
    .replace(/[ \u00A0]+\n/g, '\n')
    .replace(/\n[ ]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Bidi embeddings/overrides/isolates: in a title bar they could make "…exe.pdf" read as something else.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text for the document metadata, which is UTF-16 and needs no glyphs: keeps every script and emoji, but must be
 * well-formed (a lone surrogate makes readers reject the title) and free of bidi controls.
 */
export function metadataText(value: unknown): string {
  return cleanText(value).replace(LONE_SURROGATE, '').replace(BIDI_CONTROL, '').trim();
}

export type Coverage = (charCode: number) => boolean;

let segmenter: Intl.Segmenter | null | undefined;
function graphemes(t: string): Iterable<string> {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('und', { granularity: 'grapheme' }) : null;
  }
  if (!segmenter) return Array.from(t); // code points: emoji sequences then give one replacement per part
  return Array.from(segmenter.segment(t), (s) => s.segment);
}

function covers(t: string, covered: Coverage): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 10 && !covered(c)) return false;
  }
  return true;
}

/**
 * Replaces every user-perceived character the font cannot draw (CJK, emoji, other scripts DejaVu lacks) by one
 * REPLACEMENT, and drops invisible formatting characters. Without this jsPDF silently drops characters it
 * has no glyph for, and for a missing glyph below U+0100 it stops writing the rest of the line.
 */
export function fitToFont(t: string, covered: Coverage): { text: string; replaced: boolean } {
  if (!IGNORABLE.test(t) && covers(t, covered)) return { text: t, replaced: false }; // the usual case: no work
  let out = '';
  let replaced = false;
  for (const g of graphemes(t)) {
    const visible = g.replace(IGNORABLE_G, '');
    if (!visible) continue;
    if (covers(visible, covered)) out += visible;
    else {
      out += REPLACEMENT;
      replaced = true;
    }
  }
  return { text: out, replaced };
}

// Latin letters that do not decompose into a base letter + accent under NFD.
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', Æ: 'AE', æ: 'ae', Ø: 'O', ø: 'o', Œ: 'OE', œ: 'oe', Đ: 'D', đ: 'd', Ð: 'D', ð: 'd',
  Ł: 'L', ł: 'l', Þ: 'Th', þ: 'th', ı: 'i', Ħ: 'H', ħ: 'h', Ŋ: 'N', ŋ: 'n', ſ: 's',
};

/** ASCII-folds accented Latin letters ("Zoë Ñúñez" → "Zoe Nunez"); other scripts are kept as they are. */
export function foldLatin(t: string): string {
  let out = '';
  for (const ch of t.normalize('NFC')) {
    const extra = LATIN_EXTRA[ch];
    if (extra) {
      out += extra;
      continue;
    }
    const d = ch.normalize('NFD');
    // Only strip marks whose base is ASCII: "й" or "έ" are letters in their own right, not accented Latin.
    out += /^[A-Za-z]/.test(d) ? d.replace(/\p{M}+/gu, '') : ch;
  }
  return out.replace(/([A-Za-z])\p{M}+/gu, '$1'); // stray combining marks left after ASCII letters
}

const MAX_NAME_IN_FILE = 100;

/**
 * A file name safe on Windows, macOS and Linux: "Candidate profile - Zoe Nunez.pdf". Keeps letters, digits,
 * marks, spaces, hyphens and apostrophes; everything else (path separators, reserved characters, emoji,
 * dots that could make "..") becomes a space.
 */
export function pdfFileName(fullName: string): string {
  const folded = foldLatin(cleanText(fullName));
  const safe = folded
    .replace(/[^\p{L}\p{M}\p{N}' -]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s'-]+|[\s'-]+$/g, '');
  const capped = Array.from(safe).slice(0, MAX_NAME_IN_FILE).join('').trim();
  return capped ? `Candidate profile - ${capped}.pdf` : 'Candidate profile.pdf';
}
