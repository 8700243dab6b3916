import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProfilePdf } from '@/lib/pdf';
import { baseInput, fonts, longTranscript, makePdf, norm, pdfPages } from './helpers';

// Under Node, 'jspdf' resolves to its Node build; the extension bundles the browser build. Run the whole
// profile on the browser build, with no DOM and no Buffer, as in the service worker.
vi.mock('jspdf', () => import(/* @vite-ignore */ 'jspdf/dist/' + 'jspdf.es.min.js'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('service-worker safety', () => {
  it('builds and merges with the browser build of jsPDF and without window, document or Buffer', async () => {
    const resume = await makePdf(['RESUME PAGE ONE']);
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    vi.stubGlobal('Buffer', undefined);
    const result = await buildProfilePdf(baseInput({ transcript: longTranscript(60) }), fonts, { bytes: resume });
    vi.unstubAllGlobals();

    expect(result.resume).toBe('merged');
    const { pages, numPages } = await pdfPages(result.bytes);
    expect(numPages).toBe(result.pageCount);
    expect(norm(pages[0]!)).toContain('Rating: 4 / 5');
    expect(norm(pages.at(-1)!)).toBe('RESUME PAGE ONE');
  });

  it('really is running the browser build', async () => {
    const { jsPDF } = await import('jspdf');
    const browser = (await import(/* @vite-ignore */ 'jspdf/dist/' + 'jspdf.es.min.js')) as { jsPDF: unknown };
    const node = createRequire(import.meta.url)('jspdf') as { jsPDF: unknown };
    expect(jsPDF).toBe(browser.jsPDF);
    expect(jsPDF).not.toBe(node.jsPDF);
  });
});
