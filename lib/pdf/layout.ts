/**
 * Drawing the candidate profile pages with jsPDF's text and vector APIs only: no `.html()`, no images, so
 * html2canvas / canvg / dompurify are never loaded and it runs in a service worker.
 */
import { jsPDF } from 'jspdf';
import { cachedBase64 } from './base64';
import { cleanText, fitToFont, REPLACEMENT, type Coverage } from './text';
import type { ProfileFonts, ProfileInput } from './types';

const FONT = 'DejaVuSans';
const MARGIN = 48;
const FOOTER_GAP = 22; // room kept above the bottom margin for "Page N of M"

const COLOR = {
  text: [26, 26, 26],
  muted: [96, 96, 96],
  heading: [31, 78, 121],
  rule: [200, 205, 212],
  link: [6, 69, 173],
  star: [232, 160, 23],
  starEmpty: [190, 190, 190],
} as const satisfies Record<string, readonly [number, number, number]>;

type Rgb = readonly [number, number, number];
type Style = 'normal' | 'bold';

interface TextStyle {
  size: number;
  style?: Style;
  color?: Rgb;
  /** Line height as a multiple of the font size. */
  leading?: number;
}

/** jsPDF keeps the parsed TTF on the font entry; its cmap tells which characters have a glyph. */
interface TtfMetadata {
  cmap?: { unicode?: { codeMap?: Record<number, number> } };
}

function fontCoverage(doc: jsPDF): Coverage | null {
  const codeMap = (doc.getFont() as unknown as { metadata?: TtfMetadata }).metadata?.cmap?.unicode?.codeMap;
  return codeMap ? (c) => c <= 0xffff && !!codeMap[c] : null;
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Draws one line. Hebrew/Arabic lines go through jsPDF's bidi engine as logical input → visual output in a
 * left-to-right paragraph; its default (input taken as visual) draws "שרה כהן" letter-reversed and scrambles
 * lines that start with a right-to-left word. Other lines keep the default, which leaves them as they are.
 */
function drawText(doc: jsPDF, text: string, x: number, y: number, options: { align?: 'center' } = {}): void {
  const bidi = RTL.test(text) ? { isInputVisual: false, isOutputVisual: true, isInputRtl: false, isOutputRtl: false } : {};
  doc.text(text, x, y, { ...options, ...bidi });
}

export interface LayoutResult {
  bytes: Uint8Array;
  pageCount: number;
}

/** A cleaned copy of the input: every string is safe to draw with the embedded font. */
interface Clean {
  name: string;
  headline: string;
  email: string;
  phone: string;
  jobName: string;
  sourceSite: string;
  sourceUrl: string;
  linkTarget: string | null;
  rating: number | null;
  summary: string;
  transcript: { speaker: string; text: string }[];
  captured: string;
  replaced: boolean;
}

/** Only http(s) links are made clickable: a page could hand us `javascript:` or `file:` URLs. */
export function safeLink(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Out-of-range or non-numeric ratings are shown as "not rated" rather than clamped into a made-up score. */
export function normaliseRating(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const r = Math.round(value);
  return r >= 1 && r <= 5 ? r : null;
}

/** ISO date → "2024-05-01 14:32 UTC" (fixed time zone, so the same profile reads the same everywhere). */
export function formatCaptured(value: unknown): string {
  const raw = cleanText(value);
  if (!raw) return 'unknown';
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) return raw;
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function clean(input: ProfileInput, covered: Coverage): Clean {
  let replaced = false;
  const fit = (value: unknown, multiline = false): string => {
    const r = fitToFont(cleanText(value, multiline), covered);
    replaced ||= r.replaced;
    return r.text;
  };
  const rawUrl = cleanText(input?.sourceUrl);
  const transcript = Array.isArray(input?.transcript) ? input.transcript : [];
  return {
    name: fit(input?.fullName) || 'Unnamed candidate',
    headline: fit(input?.headline),
    email: fit(input?.email),
    phone: fit(input?.phone),
    jobName: fit(input?.jobName),
    sourceSite: fit(input?.sourceSite),
    sourceUrl: fit(rawUrl),
    linkTarget: safeLink(rawUrl),
    rating: normaliseRating(input?.rating),
    summary: fit(input?.assessmentSummary, true),
    transcript: transcript.map((t) => ({ speaker: fit(t?.speaker), text: fit(t?.text, true) })),
    captured: fit(formatCaptured(input?.capturedAt)),
    replaced,
  };
}

/** A top-to-bottom cursor that starts a new page whenever the next line would not fit. */
class Writer {
  readonly width: number;
  readonly height: number;
  readonly contentWidth: number;
  y = MARGIN;

  private runningHeader: string | null = null;

  constructor(
    readonly doc: jsPDF,
    private readonly name: string,
  ) {
    this.width = doc.internal.pageSize.getWidth();
    this.height = doc.internal.pageSize.getHeight();
    this.contentWidth = this.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.height - MARGIN - FOOTER_GAP;
  }

  use(s: TextStyle): void {
    this.doc.setFont(FONT, s.style ?? 'normal');
    this.doc.setFontSize(s.size);
    this.doc.setTextColor(...(s.color ?? COLOR.text));
  }

  lineHeight(s: TextStyle): number {
    return s.size * (s.leading ?? 1.4);
  }

  newPage(): void {
    this.doc.addPage();
    // Continuation pages say whose profile they belong to: pages get printed and shuffled.
    const s: TextStyle = { size: 8.5, color: COLOR.muted };
    if (this.runningHeader === null) {
      // One line only: the full name is on page 1, a 3-line running header would eat the page.
      const [first = '', ...more] = this.wrap(`${this.name} — Candidate profile`, s);
      this.runningHeader = more.length ? `${first.trimEnd()}…` : first;
    }
    this.use(s);
    drawText(this.doc, this.runningHeader, MARGIN, MARGIN - 14);
    this.y = MARGIN;
  }

  /** Makes sure `h` points fit on this page, starting a new one if not. */
  ensure(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  /** Baseline for a line whose box starts at the cursor. */
  private baseline(s: TextStyle): number {
    return this.y + s.size * 0.95;
  }

  wrap(text: string, s: TextStyle, width = this.contentWidth, textIndent = 0): string[] {
    this.use(s);
    return this.doc.splitTextToSize(text, width, textIndent ? { textIndent } : {}) as string[];
  }

  /** Draws wrapped lines, breaking pages between lines (so a long answer simply continues on the next page). */
  lines(lines: string[], s: TextStyle, x = MARGIN, onLine?: (line: string, x: number, top: number, h: number) => void): void {
    const h = this.lineHeight(s);
    for (const line of lines) {
      this.ensure(h);
      this.use(s); // a page break drew the running header in another style
      drawText(this.doc, line, x, this.baseline(s));
      onLine?.(line, x, this.y, h);
      this.y += h;
    }
  }

  paragraph(text: string, s: TextStyle): void {
    if (text) this.lines(this.wrap(text, s), s);
  }

  gap(h: number): void {
    this.y += h;
  }

  rule(): void {
    this.doc.setDrawColor(...COLOR.rule);
    this.doc.setLineWidth(0.75);
    this.doc.line(MARGIN, this.y, this.width - MARGIN, this.y);
  }

  section(title: string): void {
    const s: TextStyle = { size: 13, style: 'bold', color: COLOR.heading };
    // Keep the heading with at least two lines of its content: no orphaned heading at the foot of a page.
    this.ensure(this.lineHeight(s) + 6 + 2 * 15);
    this.lines([title], s);
    this.rule();
    this.gap(8);
  }
}

/** A five-pointed star as a closed polygon (vector, so it needs no glyph and stays sharp). */
function star(doc: jsPDF, cx: number, cy: number, r: number, filled: boolean): void {
  const pts: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([cx + radius * Math.cos(a), cy + radius * Math.sin(a)]);
  }
  const deltas = pts.slice(1).map(([x, y], i) => [x - pts[i]![0], y - pts[i]![1]]);
  doc.setLineWidth(0.8);
  const outline: Rgb = filled ? COLOR.star : COLOR.starEmpty;
  doc.setDrawColor(...outline);
  doc.setFillColor(...COLOR.star);
  doc.lines(deltas, pts[0]![0], pts[0]![1], [1, 1], filled ? 'FD' : 'S', true);
}

const BODY: TextStyle = { size: 10.5 };
const MUTED: TextStyle = { size: 10.5, color: COLOR.muted };
const LABEL: TextStyle = { size: 10.5, style: 'bold' };

function drawHeader(w: Writer, c: Clean): void {
  w.paragraph(c.name, { size: 22, style: 'bold', leading: 1.25 });
  w.gap(2);
  w.paragraph(c.headline, { size: 12, color: COLOR.muted });
  const contact = [c.email && `Email: ${c.email}`, c.phone && `Phone: ${c.phone}`].filter(Boolean).join('   ·   ');
  if (contact || c.jobName) w.gap(4);
  w.paragraph(contact, BODY);
  w.paragraph(c.jobName && `Job: ${c.jobName}`, BODY);
  if (c.replaced) {
    w.gap(4);
    w.paragraph(
      `Note: some characters (for example Chinese, Japanese or Korean script, or emoji) cannot be shown with the embedded font and appear as ${REPLACEMENT}. The original text is unchanged in the ATS record.`,
      { size: 9, color: COLOR.muted },
    );
  }
  w.gap(10);
  w.rule();
  w.gap(16);
}

function drawAssessment(w: Writer, c: Clean): void {
  w.section('Assessment');
  const s: TextStyle = { size: 11, style: 'bold' };
  const h = w.lineHeight(s) + 4;
  w.ensure(h);
  const label = c.rating === null ? 'Rating: not rated' : `Rating: ${c.rating} / 5`;
  let x = MARGIN;
  if (c.rating !== null) {
    const r = 7;
    const cy = w.y + h / 2 - 1;
    for (let i = 1; i <= 5; i++) {
      star(w.doc, x + r, cy, r, i <= c.rating);
      x += 2 * r + 4;
    }
    x += 6;
  }
  w.lines([label], s, x);
  w.gap(6);
  if (c.summary) {
    w.lines(['Summary'], LABEL);
    w.paragraph(c.summary, BODY);
  } else {
    w.paragraph('No assessment summary was provided.', MUTED);
  }
  w.gap(14);
}

function drawSource(w: Writer, c: Clean): void {
  w.section('Source');
  if (c.sourceSite) w.paragraph(`Site: ${c.sourceSite}`, BODY);
  if (c.sourceUrl) {
    w.lines(['Profile link:'], LABEL);
    const linkStyle: TextStyle = { ...BODY, color: c.linkTarget ? COLOR.link : COLOR.text };
    // Each wrapped piece of a long URL gets its own clickable rectangle.
    w.lines(w.wrap(c.sourceUrl, linkStyle), linkStyle, MARGIN, (line, x, top, h) => {
      if (c.linkTarget) w.doc.link(x, top, w.doc.getTextWidth(line), h, { url: c.linkTarget });
    });
  } else {
    w.paragraph('No link to the source profile was provided.', MUTED);
  }
  w.paragraph(`Captured: ${c.captured}`, BODY);
  w.gap(14);
}

function drawTranscript(w: Writer, c: Clean): void {
  w.section('Screening transcript');
  if (c.transcript.length === 0) {
    w.paragraph('No screening transcript was provided.', MUTED);
    return;
  }
  const bold: TextStyle = { ...BODY, style: 'bold', color: COLOR.heading };
  for (const turn of c.transcript) {
    const prefix = turn.speaker ? `${turn.speaker}: ` : '';
    w.use(bold);
    const prefixWidth = prefix ? w.doc.getTextWidth(prefix) : 0;
    if (prefix && prefixWidth <= w.contentWidth * 0.45) {
      // "Speaker: " in bold, then the answer in regular on the same line, wrapping under the speaker.
      const lines = turn.text ? w.wrap(turn.text, BODY, w.contentWidth, prefixWidth) : [''];
      w.ensure(w.lineHeight(BODY));
      const top = w.y;
      w.use(bold);
      drawText(w.doc, prefix, MARGIN, top + BODY.size * 0.95);
      const [first = '', ...rest] = lines;
      w.lines([first], BODY, MARGIN + prefixWidth);
      w.lines(rest, BODY);
    } else {
      // A speaker "name" too long to share a line (untrusted data) gets lines of its own.
      if (prefix) w.lines(w.wrap(prefix.trimEnd(), bold), bold);
      w.paragraph(turn.text, BODY);
    }
    w.gap(5);
  }
}

/** Draws the profile pages and returns them as one PDF (no resume, no metadata yet). */
export function layoutProfile(input: ProfileInput, fonts: ProfileFonts): LayoutResult {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
  doc.addFileToVFS('DejaVuSans.ttf', cachedBase64(fonts.regular));
  doc.addFileToVFS('DejaVuSans-Bold.ttf', cachedBase64(fonts.bold));
  // Identity-H: two-byte glyph ids + a ToUnicode map, so any BMP character the font has is drawn and extractable.
  doc.addFont('DejaVuSans.ttf', FONT, 'normal', 'Identity-H');
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold', 'Identity-H');

  doc.setFont(FONT, 'normal');
  const regular = fontCoverage(doc);
  doc.setFont(FONT, 'bold');
  const bold = fontCoverage(doc);
  // Text must be drawable in both weights. If jsPDF ever stops exposing the cmap, fall back to "BMP and not a
  // control character" (jsPDF then drops unknown glyphs itself, and nothing crashes).
  const covered: Coverage = regular && bold ? (ch) => regular(ch) && bold(ch) : (ch) => ch >= 0x20 && ch <= 0xffff && (ch < 0xd800 || ch > 0xdfff);

  const c = clean(input, covered);
  const w = new Writer(doc, c.name);
  drawHeader(w, c);
  drawAssessment(w, c);
  drawSource(w, c);
  drawTranscript(w, c);

  const pageCount = doc.getNumberOfPages();
  for (let i = 1; i <= pageCount; i++) {
    doc.setPage(i);
    w.use({ size: 8.5, color: COLOR.muted });
    drawText(doc, `Page ${i} of ${pageCount}`, w.width / 2, w.height - MARGIN + 8, { align: 'center' });
  }
  return { bytes: new Uint8Array(doc.output('arraybuffer')), pageCount };
}
