import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import type { ProfileFonts, ProfileInput } from '@/lib/pdf';

const ttf = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf', name)));

export const fonts: ProfileFonts = { regular: ttf('DejaVuSans.ttf'), bold: ttf('DejaVuSans-Bold.ttf') };

/** Text extraction splits and joins lines; compare on single spaces. */
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
export const noSpace = (s: string) => s.replace(/\s+/g, '');

export function baseInput(over: Partial<ProfileInput> = {}): ProfileInput {
  return {
    fullName: 'Zoë Ñúñez',
    email: 'zoe@example.com',
    phone: '+34 600 111 222',
    headline: 'Senior Backend Engineer at Acme',
    jobName: 'Platform Engineer (Madrid)',
    sourceUrl: 'https://jobs.lever.co/acme/4f1c2e7a-candidate',
    sourceSite: 'Lever',
    rating: 4,
    assessmentSummary: 'Strong distributed-systems background.\nClear communicator.',
    transcript: [
      { speaker: 'Recruiter', text: 'Why are you looking for a new role?' },
      { speaker: 'Candidate', text: 'I want to work on larger systems.' },
    ],
    capturedAt: '2024-05-01T14:32:00.000Z',
    ...over,
  };
}

/** A transcript of `n` turns with a unique token per turn and lengths from one line to several. */
export function longTranscript(n: number): { speaker: string; text: string }[] {
  const words = 'we shipped the migration with zero downtime after careful load testing and staged rollouts'.split(' ');
  return Array.from({ length: n }, (_, i) => {
    const len = 4 + ((i * 37) % 120); // 4..123 words: some answers span many lines
    const body = Array.from({ length: len }, (_, k) => words[(i + k) % words.length]).join(' ');
    return { speaker: i % 2 === 0 ? 'Recruiter' : 'Candidate', text: `turn${i}start ${body} turn${i}end` };
  });
}

export async function pdfPages(bytes: Uint8Array): Promise<{ pages: string[]; numPages: number; title?: string; info: Record<string, unknown> }> {
  // pdf.js may detach the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const meta = await pdf.getMetadata();
  const info = (meta.info ?? {}) as Record<string, unknown>;
  return { pages: text as string[], numPages: pdf.numPages, info, title: info.Title as string | undefined };
}

export async function linkUrls(bytes: Uint8Array, pageNumber = 1): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const page = await pdf.getPage(pageNumber);
  const annots = (await page.getAnnotations()) as { subtype?: string; url?: string }[];
  return annots.filter((a) => a.subtype === 'Link' && a.url).map((a) => a.url!);
}

/**
 * The profile's running text: page footers ("Page N of M") and the running header of continuation pages
 * removed, pages joined — so a transcript line broken across a page still reads as one line.
 */
export function profileBody(pages: string[], profilePages: number, name: string): string {
  return pages
    .slice(0, profilePages)
    .map((p, i) => {
      let t = norm(p);
      const footer = `Page ${i + 1} of ${profilePages}`;
      if (!t.endsWith(footer)) throw new Error(`page ${i + 1} does not end with "${footer}": …${t.slice(-80)}`);
      t = t.slice(0, -footer.length);
      const header = `${name} — Candidate profile`;
      if (i > 0) {
        if (!t.startsWith(header)) throw new Error(`page ${i + 1} does not start with the running header: ${t.slice(0, 80)}…`);
        t = t.slice(header.length);
      }
      return t.trim();
    })
    .join(' ');
}

/** A real PDF made with pdf-lib, one page per text. */
export async function makePdf(texts: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const t of texts) doc.addPage([595, 842]).drawText(t, { x: 72, y: 760, size: 18, font });
  return doc.save();
}
