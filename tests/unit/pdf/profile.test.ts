import fc from 'fast-check';
import { PDFDocument, PDFName, decodePDFRawStream, PDFRawStream } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { buildProfilePdf, pdfFileName, type ProfileInput } from '@/lib/pdf';
import { baseInput, fonts, linkUrls, longTranscript, makePdf, noSpace, norm, pdfPages, profileBody } from './helpers';

const SLOW = 60_000;

describe('profile pages', () => {
  it('shows the header, assessment, source and transcript as extractable text', async () => {
    const input = baseInput();
    const result = await buildProfilePdf(input, fonts);
    expect(result.resume).toBe('none');
    expect(result.resumeMessage).toBeUndefined();

    const { pages, numPages, info } = await pdfPages(result.bytes);
    expect(numPages).toBe(1);
    expect(result.pageCount).toBe(1);
    const text = norm(pages[0]!);
    expect(text.startsWith('Zoë Ñúñez Senior Backend Engineer at Acme')).toBe(true);
    for (const part of [
      'Email: zoe@example.com',
      'Phone: +34 600 111 222',
      'Job: Platform Engineer (Madrid)',
      'Assessment Rating: 4 / 5',
      'Strong distributed-systems background. Clear communicator.',
      'Source Site: Lever',
      'https://jobs.lever.co/acme/4f1c2e7a-candidate',
      'Captured: 2024-05-01 14:32 UTC',
      'Screening transcript Recruiter: Why are you looking for a new role? Candidate: I want to work on larger systems.',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(part);
    }
    expect(info.Title).toBe('Candidate profile — Zoë Ñúñez');
    expect(info.Creator).toBe('Hirebridge');
    expect(info.Author).toBe('Hirebridge');
  });

  it('makes the source URL a clickable link', async () => {
    const result = await buildProfilePdf(baseInput(), fonts);
    expect(await linkUrls(result.bytes)).toEqual(['https://jobs.lever.co/acme/4f1c2e7a-candidate']);
  });

  it('never makes javascript: or other non-http URLs clickable, but still prints them', async () => {
    const result = await buildProfilePdf(baseInput({ sourceUrl: 'javascript:alert(1)' }), fonts);
    expect(await linkUrls(result.bytes)).toEqual([]);
    expect(norm((await pdfPages(result.bytes)).pages[0]!)).toContain('javascript:alert(1)');
  });

  it('draws as many filled stars as the rating', async () => {
    // jsPDF writes a filled+stroked path as the "B" operator and nothing else on the page uses it.
    const filledStars = async (rating: number | undefined) => {
      const { bytes } = await buildProfilePdf(baseInput({ rating }), fonts);
      const doc = await PDFDocument.load(bytes);
      const contents = doc.getPage(0).node.lookup(PDFName.of('Contents'));
      const raw = new TextDecoder('latin1').decode(decodePDFRawStream(contents as PDFRawStream).decode());
      return raw.split('\n').filter((l) => l.trim() === 'B').length;
    };
    expect(await filledStars(1)).toBe(1);
    expect(await filledStars(4)).toBe(4);
    expect(await filledStars(5)).toBe(5);
    expect(await filledStars(undefined)).toBe(0);
  });

  it.each([
    [undefined, 'Rating: not rated'],
    [0, 'Rating: not rated'],
    [9, 'Rating: not rated'],
    [Number.NaN, 'Rating: not rated'],
    [3, 'Rating: 3 / 5'],
  ])('rating %s reads "%s"', async (rating, expected) => {
    const { bytes } = await buildProfilePdf(baseInput({ rating }), fonts);
    expect(norm((await pdfPages(bytes)).pages[0]!)).toContain(expected);
  });

  it(
    'prints every line of a 300-turn transcript, in order, across pages numbered "Page N of M"',
    async () => {
      const transcript = longTranscript(300);
      const started = performance.now();
      const result = await buildProfilePdf(baseInput({ transcript }), fonts);
      const ms = performance.now() - started;
      console.info(`300-turn profile: ${ms.toFixed(0)} ms, ${result.pageCount} pages, ${(result.bytes.length / 1024).toFixed(0)} KB`);

      const { pages, numPages } = await pdfPages(result.bytes);
      expect(numPages).toBe(result.pageCount);
      expect(result.pageCount).toBeGreaterThan(5);
      const body = profileBody(pages, numPages, 'Zoë Ñúñez'); // also checks every footer and running header
      let from = 0;
      for (const turn of transcript) {
        const at = body.indexOf(`${turn.speaker}: ${turn.text}`, from);
        expect(at, `missing or out of order: ${turn.text.slice(0, 20)}`).toBeGreaterThanOrEqual(from);
        from = at + turn.text.length;
      }
    },
    SLOW,
  );

  it('wraps words longer than a line and long URLs instead of cutting them', async () => {
    const word = `${'x'.repeat(2500)}END`;
    const url = `https://example.com/candidates/${'a1b2c3'.repeat(40)}?ref=long`;
    const result = await buildProfilePdf(
      baseInput({ sourceUrl: url, transcript: [{ speaker: 'Candidate', text: `before ${word} after` }] }),
      fonts,
    );
    const { pages, numPages } = await pdfPages(result.bytes);
    const body = noSpace(profileBody(pages, numPages, 'Zoë Ñúñez'));
    expect(body).toContain(noSpace(`Candidate: before ${word} after`));
    expect(body).toContain(url);
    // Each wrapped piece of the URL is clickable and points at the whole URL.
    const links = await linkUrls(result.bytes);
    expect(links.length).toBeGreaterThan(1);
    expect(new Set(links)).toEqual(new Set([url]));
  });

  it.each([
    ['Zoë Ñúñez-Gómez'],
    ['Αλέξανδρος Παπαδόπουλος'],
    ['Анна Иванова'],
    ['Łukasz Żółć'],
    ['שרה כהן'],
  ])('the name %s extracts exactly', async (name) => {
    const result = await buildProfilePdf(baseInput({ fullName: name }), fonts);
    const { pages } = await pdfPages(result.bytes);
    expect(pages[0]!.split('\n')[0]!.trim()).toBe(name);
  });

  it('non-Latin transcript text extracts exactly', async () => {
    const transcript = [
      { speaker: 'Ρεκρουτερ', text: 'Πώς είστε σήμερα; Ευχαριστώ πολύ.' },
      { speaker: 'Кандидат', text: 'Спасибо, у меня всё хорошо — работаю с Kubernetes.' },
      { speaker: 'Recruiter', text: 'Ça marche, à bientôt! Größe, façade, naïve, Ærø.' },
    ];
    const result = await buildProfilePdf(baseInput({ transcript }), fonts);
    const text = norm((await pdfPages(result.bytes)).pages.join(' '));
    for (const t of transcript) expect(text).toContain(`${t.speaker}: ${t.text}`);
  });

  it('replaces characters the font lacks (CJK, emoji) and keeps the rest of the text intact', async () => {
    const result = await buildProfilePdf(
      baseInput({
        fullName: '王小明 😀',
        transcript: [{ speaker: 'Candidate', text: 'I love 🍕 and 寿司 and 👨‍👩‍👧 — then more text after them.' }],
      }),
      fonts,
    );
    const { pages, info } = await pdfPages(result.bytes);
    const text = norm(pages[0]!);
    expect(text.startsWith('\uFFFD\uFFFD\uFFFD \uFFFD')).toBe(true);
    expect(text).toContain('appear as \uFFFD');
    expect(text).toContain('Candidate: I love \uFFFD and \uFFFD\uFFFD and \uFFFD — then more text after them.');
    expect(text).toContain('Email: zoe@example.com');
    // The metadata is Unicode: the exact name survives there.
    expect(info.Title).toBe('Candidate profile — 王小明 😀');
  });

  it('keeps the metadata title well-formed: no lone surrogates or bidi overrides', async () => {
    const { bytes } = await buildProfilePdf(baseInput({ fullName: 'Bad\uD800 Na\u202Eme\u2066 😀' }), fonts);
    expect((await pdfPages(bytes)).info.Title).toBe('Candidate profile — Bad Name 😀');
  });

  it('has no "unsupported characters" note when every character can be drawn', async () => {
    const { bytes } = await buildProfilePdf(baseInput(), fonts);
    expect(norm((await pdfPages(bytes)).pages[0]!)).not.toContain('cannot be shown');
  });

  it('strips control and invisible characters without losing the text after them', async () => {
    const result = await buildProfilePdf(
      baseInput({
        fullName: 'Ann\u0000a\u0007 Sm\u200Bith\u202E',
        transcript: [{ speaker: 'Cand\u0001idate', text: 'start\u0000\u0008\u001F middle\u0085end \u00AD\uFEFFdone' }],
      }),
      fonts,
    );
    const text = norm((await pdfPages(result.bytes)).pages[0]!);
    expect(text.startsWith('Anna Smith ')).toBe(true);
    expect(text).toContain('Candidate: start middle end done');
  });

  it('renders an empty profile with placeholders instead of failing', async () => {
    const input = { fullName: '', sourceUrl: '', transcript: [], capturedAt: 'not a date' } as ProfileInput;
    const result = await buildProfilePdf(input, fonts);
    const text = norm((await pdfPages(result.bytes)).pages[0]!);
    for (const part of ['Unnamed candidate', 'Rating: not rated', 'No assessment summary was provided.', 'No link to the source profile was provided.', 'Captured: not a date', 'No screening transcript was provided.']) {
      expect(text).toContain(part);
    }
  });

  it('stays within the size budget for a 100-turn transcript and a 3-page resume', async () => {
    const resume = await makePdf(['RESUME 1', 'RESUME 2', 'RESUME 3']);
    const result = await buildProfilePdf(baseInput({ transcript: longTranscript(100) }), fonts, { bytes: resume });
    expect(result.resume).toBe('merged');
    expect(result.bytes.length).toBeLessThan(1_000_000);
  });
});

describe('resume', () => {
  it(
    'merges a PDF resume after the profile pages, in order',
    async () => {
      const input = baseInput({ transcript: longTranscript(40) });
      const alone = await buildProfilePdf(input, fonts);
      expect(alone.pageCount).toBeGreaterThan(1);
      const resume = await makePdf(['RESUME PAGE ONE', 'RESUME PAGE TWO']);

      const result = await buildProfilePdf(input, fonts, { bytes: resume, contentType: 'application/pdf', fileName: 'cv.pdf' });
      expect(result.resume).toBe('merged');
      expect(result.resumeMessage).toBeUndefined();
      expect(result.pageCount).toBe(alone.pageCount + 2);

      const { pages, numPages, info } = await pdfPages(result.bytes);
      expect(numPages).toBe(alone.pageCount + 2);
      expect(norm(pages[0]!).startsWith('Zoë Ñúñez')).toBe(true);
      for (let i = 0; i < alone.pageCount; i++) expect(pages[i]).not.toContain('RESUME PAGE');
      expect(norm(pages[alone.pageCount]!)).toBe('RESUME PAGE ONE');
      expect(norm(pages[alone.pageCount + 1]!)).toBe('RESUME PAGE TWO');
      expect(info.Title).toBe('Candidate profile — Zoë Ñúñez');
      expect(info.Creator).toBe('Hirebridge');
    },
    SLOW,
  );

  it('decides by the bytes, not the content type', async () => {
    const resume = await makePdf(['RESUME PAGE ONE']);
    const result = await buildProfilePdf(baseInput(), fonts, { bytes: resume, contentType: 'application/octet-stream', fileName: 'download' });
    expect(result.resume).toBe('merged');
    expect(result.pageCount).toBe(2);
  });

  it('accepts a PDF with a few junk bytes before the header, as PDF readers do', async () => {
    const resume = await makePdf(['RESUME PAGE ONE']);
    const result = await buildProfilePdf(baseInput(), fonts, { bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, ...resume]) });
    expect(result.resume).toBe('merged');
    expect(norm((await pdfPages(result.bytes)).pages[1]!)).toBe('RESUME PAGE ONE');
  });

  it('leaves out a resume that is not a PDF, and says so', async () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...new TextEncoder().encode('word/document.xml')]);
    const result = await buildProfilePdf(baseInput(), fonts, {
      bytes: docx,
      contentType: 'application/pdf', // lying content type: the bytes decide
      fileName: 'Zoe CV.docx',
    });
    expect(result.resume).toBe('not-pdf');
    expect(result.resumeMessage).toMatch(/^The resume “Zoe CV\.docx” is not a PDF \(it looks like a Word document/);
    expect(result.resumeMessage).toContain('was not included');
    expect(result.pageCount).toBe(1);
    const { pages, numPages } = await pdfPages(result.bytes);
    expect(numPages).toBe(1);
    expect(norm(pages[0]!)).toContain('Rating: 4 / 5');
  });

  it('treats an empty resume file as not a PDF', async () => {
    const result = await buildProfilePdf(baseInput(), fonts, { bytes: new Uint8Array(0), fileName: 'cv.pdf' });
    expect(result.resume).toBe('not-pdf');
    expect(result.resumeMessage).toContain('is empty');
    expect(result.pageCount).toBe(1);
  });

  it.each([
    ['garbage after the header', new TextEncoder().encode('%PDF-1.7\n\u0000\u0001 this is not a pdf at all )))) <<<< stream')],
    ['only a header', new TextEncoder().encode('%PDF-')],
  ])('reports a corrupt PDF (%s) as unreadable and keeps the profile', async (_label, bytes) => {
    const result = await buildProfilePdf(baseInput(), fonts, { bytes, contentType: 'application/pdf' });
    expect(result.resume).toBe('unreadable');
    expect(result.resumeMessage).toMatch(/^The resume PDF could not be read, so the profile has no resume pages: \S/);
    expect(result.pageCount).toBe(1);
    const { pages, numPages } = await pdfPages(result.bytes);
    expect(numPages).toBe(1);
    expect(norm(pages[0]!).startsWith('Zoë Ñúñez')).toBe(true);
  });

  it('reports a truncated download as unreadable', async () => {
    const resume = await makePdf(['RESUME PAGE ONE', 'RESUME PAGE TWO']);
    const quiet = vi.spyOn(console, 'warn').mockImplementation(() => {}); // pdf-lib narrates what it skips
    const result = await buildProfilePdf(baseInput(), fonts, { bytes: resume.slice(0, 300) });
    quiet.mockRestore();
    expect(result.resume).toBe('unreadable');
    expect(result.pageCount).toBe(1);
  });

  it('reports an encrypted PDF it cannot decrypt as unreadable rather than attaching pages that would be garbage', async () => {
    // Behaviour change (issue 15): encrypted resumes are now opened when a viewer could open them (owner password
    // only: tests/unit/pdf/resume-files.test.ts). An /Encrypt entry with no keys in it cannot be opened by anyone.
    const doc = await PDFDocument.load(await makePdf(['SECRET PAGE']));
    doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 2, R: 3 }));
    const encrypted = await doc.save({ useObjectStreams: false });
    const result = await buildProfilePdf(baseInput(), fonts, { bytes: encrypted });
    expect(result.resume).toBe('unreadable');
    expect(result.resumeMessage).toContain('encrypted');
    expect(result.pageCount).toBe(1);
  });
});

describe('pdfFileName', () => {
  it.each([
    ['Zoë Ñúñez', 'Candidate profile - Zoe Nunez.pdf'],
    ['Straße Ødegård Łukasz', 'Candidate profile - Strasse Odegard Lukasz.pdf'],
    ['Αλέξανδρος Παπαδόπουλος', 'Candidate profile - Αλέξανδρος Παπαδόπουλος.pdf'],
    ['Анна Йованович', 'Candidate profile - Анна Йованович.pdf'],
    ["Seán O'Brien-Smith", "Candidate profile - Sean O'Brien-Smith.pdf"],
    ['../../etc/passwd', 'Candidate profile - etc passwd.pdf'],
    ['a/b\\c:d*e?f"g<h>i|j', 'Candidate profile - a b c d e f g h i j.pdf'],
    ['  \u0000\t😀  ', 'Candidate profile.pdf'],
    ['', 'Candidate profile.pdf'],
  ])('%j → %j', (name, expected) => {
    expect(pdfFileName(name)).toBe(expected);
  });

  it('caps very long names', () => {
    expect(pdfFileName('a'.repeat(1000))).toBe(`Candidate profile - ${'a'.repeat(100)}.pdf`);
  });

  it('is always a safe single file name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const file = pdfFileName(name);
        expect(file).toMatch(/^Candidate profile( - [^/\\:*?"<>|\p{Cc}\p{Cf}]+)?\.pdf$/u);
        expect(file).not.toContain('..');
        expect(Array.from(file).length).toBeLessThanOrEqual(125);
      }),
      { numRuns: 300 },
    );
  });
});

describe('untrusted input (property)', () => {
  // Any UTF-16 code unit, lone surrogates and controls included, mixed with known troublemakers.
  const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const nasty = fc.constantFrom('王小明', '👨‍👩‍👧', '\u202Eevil', 'שרה כהן', 'مرحبا', '<script>alert(1)</script>', ')\\(', '\u0000', 'x'.repeat(500), '\n\n\n\n', '');
  const str = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: anyUnit, maxLength: 120 }), nasty);
  const input: fc.Arbitrary<ProfileInput> = fc.record({
    fullName: str,
    email: str,
    phone: str,
    headline: str,
    jobName: str,
    sourceUrl: fc.oneof(str, fc.webUrl()),
    sourceSite: str,
    rating: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double(), fc.constant(undefined)),
    assessmentSummary: str,
    transcript: fc.array(fc.record({ speaker: str, text: str }), { maxLength: 12 }),
    capturedAt: fc.oneof(str, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  });

  it(
    'never throws and always yields a loadable PDF',
    async () => {
      await fc.assert(
        fc.asyncProperty(input, async (i) => {
          const result = await buildProfilePdf(i, fonts);
          expect(result.resume).toBe('none');
          const loaded = await PDFDocument.load(result.bytes);
          expect(loaded.getPageCount()).toBe(result.pageCount);
          const { numPages, pages, info } = await pdfPages(result.bytes);
          expect(numPages).toBe(result.pageCount);
          expect(info.Title).toMatch(/^Candidate profile — ./u);
          expect(norm(pages[0]!)).toContain('Assessment');
        }),
        { numRuns: 25 },
      );
    },
    SLOW,
  );

  it(
    'never loses a character of a transcript answer, whatever its words',
    async () => {
      const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzÀéßΩЖ0123456789.,-'.split('')), minLength: 1, maxLength: 400 });
      await fc.assert(
        fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 60 }), async (words) => {
          const text = words.join(' ');
          const result = await buildProfilePdf(baseInput({ transcript: [{ speaker: 'Candidate', text }] }), fonts);
          const { pages, numPages } = await pdfPages(result.bytes);
          expect(noSpace(profileBody(pages, numPages, 'Zoë Ñúñez'))).toContain(noSpace(`Candidate: ${text}`));
        }),
        { numRuns: 15 },
      );
    },
    SLOW,
  );
});
