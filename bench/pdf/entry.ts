/**
 * Bundled by bench/rows/pdf-profile.ts (esbuild, IIFE) and evaluated inside the extension's service worker, where
 * the product's PDF path starts. Exposes `globalThis.__hbPdfBench`. `product()` calls the product's own
 * buildProfilePdf from the worker — exposed by a build made with WXT_BENCH_PDF=1 as `__hirebridgeBench` — so it
 * measures what a sync pays: worker → offscreen document (Chrome) → bytes back. Nothing here is timed except
 * `prepare()`, `product()` and `naive()` themselves; the fonts and the 3-page resume are loaded in `setup()`.
 */
import { jsPDF } from 'jspdf';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ProfileFonts, ProfileInput, ProfileResult, ResumeFile } from '../../lib/pdf';

/** What the WXT_BENCH_PDF build exposes in the worker (entrypoints/background.ts). */
interface ProductPdf {
  buildProfilePdf(input: ProfileInput, fonts: ProfileFonts, resume?: ResumeFile): Promise<ProfileResult>;
  prepareProfilePdf(fonts?: () => Promise<ProfileFonts>): Promise<void>;
  loadProfileFonts(): Promise<ProfileFonts>;
}
const productPdf = (): ProductPdf => {
  const exposed = (globalThis as { __hirebridgeBench?: ProductPdf }).__hirebridgeBench;
  if (!exposed) throw new Error('This build does not expose the PDF path (build it with WXT_BENCH_PDF=1).');
  return exposed;
};

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

/** Offscreen documents open now (Chrome): the product's builder is there once one is. */
async function offscreenDocuments(): Promise<number> {
  const runtime = (globalThis as any).chrome?.runtime;
  if (!runtime?.getContexts) return 0;
  return (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length;
}

(globalThis as Record<string, unknown>).__hbPdfBench = {
  /** The product's own fonts (lib/sourcing/fonts.ts: fetched once per worker from the package), timed; the resume. */
  async setup() {
    const before = await offscreenDocuments();
    const t0 = performance.now();
    fonts = await productPdf().loadProfileFonts();
    const fontLoadMs = performance.now() - t0;
    resume = { bytes: await resumePdf(), contentType: 'application/pdf', fileName: 'resume.pdf' };
    return { resumeBytes: resume.bytes.length, turns: INPUT.transcript.length, fontLoadMs, offscreenBefore: before };
  },
  /** What the Sync dialog's opening does (prepareSync): the builder made ready, a throwaway profile built. */
  async prepare() {
    const t0 = performance.now();
    await productPdf().prepareProfilePdf(() => productPdf().loadProfileFonts());
    return { ms: performance.now() - t0, offscreen: await offscreenDocuments() };
  },
  /** The same font arrays every time, as the product keeps them per worker. */
  async product() {
    const t0 = performance.now();
    const result = await productPdf().buildProfilePdf(INPUT, fonts, resume);
    const ms = performance.now() - t0;
    return { ms, bytes: result.bytes.length, pages: result.pageCount, resume: result.resume, offscreen: await offscreenDocuments() };
  },
  async naive() {
    const t0 = performance.now();
    const bytes = await naiveBuild(INPUT, fonts, resume);
    const ms = performance.now() - t0;
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    return { ms, bytes: bytes.length, pages };
  },
};
