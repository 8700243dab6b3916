/**
 * Bundled by bench/rows/pdf-profile.ts (esbuild, IIFE) and evaluated inside the extension's service worker, where
 * the product builds profiles. Exposes `globalThis.__hbPdfBench`. Nothing here is timed except `product()` and
 * `naive()` themselves; the input, the fonts and the 3-page resume are prepared in `setup()`.
 */
import { jsPDF } from 'jspdf';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildProfilePdf, type ProfileFonts, type ProfileInput, type ResumeFile } from '../../lib/pdf';

const WORDS =
  'we shipped the migration with zero downtime after careful load testing and staged rollouts while the team kept on-call load low and documented every incident for the next quarter planning'.split(
    ' ',
  );

/** A 100-turn screening transcript: alternating speakers, answers from one line to a long paragraph. */
function transcript(turns: number) {
  return Array.from({ length: turns }, (_, i) => {
    const len = 6 + ((i * 37) % 110);
    const body = Array.from({ length: len }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' ');
    return { speaker: i % 2 === 0 ? 'Recruiter' : 'Candidate', text: `${body.charAt(0).toUpperCase()}${body.slice(1)}.` };
  });
}

export const INPUT: ProfileInput = {
  fullName: 'Zoë Ñúñez García',
  email: 'zoe.nunez@example.com',
  phone: '+34 600 111 222',
  headline: 'Senior Backend Engineer at Acme',
  jobName: 'Platform Engineer (Madrid)',
  sourceUrl: 'https://jobs.lever.co/acme/4f1c2e7a-3b7d-4a55-9c1e-candidate',
  sourceSite: 'Lever',
  rating: 4,
  assessmentSummary: 'Strong distributed-systems background; led two database migrations.\nClear communicator, good questions about on-call.',
  transcript: transcript(100),
  capturedAt: '2026-11-20T10:15:00.000Z',
};

/** A plain 3-page text resume, as an ATS would hand it over. */
async function resumePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 3; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Zoe Nunez Garcia - Resume, page ${p + 1}`, { x: 50, y: 790, size: 16, font });
    for (let l = 0; l < 45; l++) page.drawText(`${WORDS.slice((l + p) % 10, ((l + p) % 10) + 12).join(' ')}.`, { x: 50, y: 760 - l * 15, size: 10, font });
  }
  return doc.save();
}

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(s);
}

let fonts: ProfileFonts;
let resume: ResumeFile;

/**
 * The naive way: a fresh jsPDF document (fonts re-encoded and re-parsed) for every page, lines wrapped by
 * re-measuring the growing line word by word, then every page document and the resume merged with pdf-lib.
 */
async function naiveBuild(input: ProfileInput, f: ProfileFonts, r: ResumeFile): Promise<Uint8Array> {
  const margin = 48;
  const size = 10.5;
  const lineHeight = size * 1.4;
  const pages: Uint8Array[] = [];
  const lines: { text: string; bold: boolean }[] = [
    { text: input.fullName, bold: true },
    { text: input.headline ?? '', bold: false },
    { text: `Email: ${input.email}   ·   Phone: ${input.phone}`, bold: false },
    { text: `Job: ${input.jobName}`, bold: false },
    { text: `Rating: ${input.rating} / 5`, bold: true },
    ...(input.assessmentSummary ?? '').split('\n').map((text) => ({ text, bold: false })),
    { text: `Profile link: ${input.sourceUrl}`, bold: false },
    { text: 'Screening transcript', bold: true },
  ];
  const fresh = () => {
    const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
    doc.addFileToVFS('R.ttf', toBase64(f.regular));
    doc.addFileToVFS('B.ttf', toBase64(f.bold));
    doc.addFont('R.ttf', 'F', 'normal', 'Identity-H');
    doc.addFont('B.ttf', 'F', 'bold', 'Identity-H');
    doc.setFont('F', 'normal');
    doc.setFontSize(size);
    return doc;
  };
  let doc = fresh();
  const width = doc.internal.pageSize.getWidth() - 2 * margin;
  const bottom = doc.internal.pageSize.getHeight() - margin - 22;
  let y = margin;
  const put = (text: string, bold: boolean) => {
    if (y + lineHeight > bottom) {
      pages.push(new Uint8Array(doc.output('arraybuffer')));
      doc = fresh();
      y = margin;
    }
    doc.setFont('F', bold ? 'bold' : 'normal');
    doc.text(text, margin, y + size * 0.95);
    y += lineHeight;
  };
  for (const l of lines) put(l.text, l.bold);
  for (const turn of input.transcript) {
    let line = `${turn.speaker}:`;
    for (const word of turn.text.split(' ')) {
      const next = `${line} ${word}`;
      if (doc.getTextWidth(next) > width) {
        put(line, false);
        line = word;
      } else line = next;
    }
    put(line, false);
  }
  pages.push(new Uint8Array(doc.output('arraybuffer')));

  const out = await PDFDocument.create();
  for (const bytes of [...pages, r.bytes]) {
    const src = await PDFDocument.load(bytes);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return out.save();
}

(globalThis as Record<string, unknown>).__hbPdfBench = {
  /**
   * Fonts as the product gets them (lib/sourcing/fonts.ts: fetched once per worker from the package's /fonts/,
   * timed here as `fontLoadMs`), else the copies the bench passes in (builds without /fonts/).
   */
  async setup(regularB64: string, boldB64: string) {
    let fontLoadMs: number | null = null;
    try {
      const t0 = performance.now();
      const load = async (file: string) => new Uint8Array(await (await fetch((globalThis as any).chrome.runtime.getURL(`/fonts/${file}`))).arrayBuffer());
      const [regular, bold] = await Promise.all([load('DejaVuSans.ttf'), load('DejaVuSans-Bold.ttf')]);
      if (regular.length < 1000 || bold.length < 1000) throw new Error('no fonts in the package');
      fontLoadMs = performance.now() - t0;
      fonts = { regular, bold };
    } catch {
      fonts = { regular: fromBase64(regularB64), bold: fromBase64(boldB64) };
    }
    resume = { bytes: await resumePdf(), contentType: 'application/pdf', fileName: 'resume.pdf' };
    return { resumeBytes: resume.bytes.length, turns: INPUT.transcript.length, fontLoadMs };
  },
  /** The same font arrays every time, as the product keeps them per worker (its base64 cache is empty on the first call). */
  async product() {
    const t0 = performance.now();
    const result = await buildProfilePdf(INPUT, fonts, resume);
    const ms = performance.now() - t0;
    return { ms, bytes: result.bytes.length, pages: result.pageCount, resume: result.resume };
  },
  async naive() {
    const t0 = performance.now();
    const bytes = await naiveBuild(INPUT, fonts, resume);
    const ms = performance.now() - t0;
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    return { ms, bytes: bytes.length, pages };
  },
};
