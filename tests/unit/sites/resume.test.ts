import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchResume, isWebPage } from '@/lib/sites/resume';

/** The résumé a page links to, downloaded in the page: a PDF is taken, an HTML résumé page is said to be one. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const serve = (body: Uint8Array, contentType: string) =>
  vi.stubGlobal('fetch', vi.fn(async () => new Response(new Blob([body as BlobPart]), { status: 200, headers: { 'content-type': contentType } })));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchResume', () => {
  it('a PDF (served as application/octet-stream) is taken as it is', async () => {
    const pdf = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/unit/pdf/fixtures/pdfjs-issue21436.pdf')));
    serve(pdf, 'application/octet-stream');
    const upload = await fetchResume('https://example.org/files/cv.pdf');
    expect(upload.fileName).toBe('cv.pdf');
    expect(upload.contentType).toBe('application/octet-stream');
  });

  it('an HTML résumé page (a real saved page, even mislabelled) is reported as a web page, in words', async () => {
    const html = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/profiles/indieweb-utils-jamesg-blog-home.html')));
    serve(html, 'text/html; charset=utf-8');
    await expect(fetchResume('https://example.org/resume')).rejects.toThrow(/web page, not a PDF/);
    serve(html, 'application/pdf');
    await expect(fetchResume('https://example.org/resume.pdf')).rejects.toThrow(/web page, not a PDF/);
  });

  it('tells a PDF from a page by its first bytes', () => {
    expect(isWebPage('text/html', new TextEncoder().encode('%PDF-1.7\n'))).toBe(false);
    expect(isWebPage(null, new TextEncoder().encode('\uFEFF  <!DOCTYPE html><html>'))).toBe(true);
    expect(isWebPage('application/pdf', new TextEncoder().encode('<html><body>'))).toBe(true);
    expect(isWebPage('application/octet-stream', new TextEncoder().encode('PK\u0003\u0004'))).toBe(false);
  });
});
