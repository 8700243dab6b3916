import { PDFBool, PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';
type SecurityOptions = Parameters<PDFDocument['encrypt']>[0];
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildProfilePdf } from '@/lib/pdf';
import { baseInput, fonts, norm, pdfPages } from './helpers';

/**
 * Résumés as people send them: encrypted with only an owner password (print/copy restrictions — the way
 * certificates and "restrict editing" exports come), truly password-protected, or a filled form.
 *
 * The files are made here with a real encryptor (@cantoo/pdf-lib's `encrypt`, standard security handler
 * revisions 3, 4 and 6), and pdf.js — an independent implementation, the one Firefox uses — confirms what a
 * viewer does with each before the merge is judged. (Public test PDFs such as pdf.js's own could not be copied
 * into this repository; see the report of issue 15.)
 */

async function resume(text: string, encrypt?: SecurityOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 18, font });
  if (encrypt) doc.encrypt(encrypt);
  return doc.save();
}

/** What a viewer does: open without a password (pdf.js), and the text it shows. */
async function viewerOpens(bytes: Uint8Array): Promise<string | 'needs a password'> {
  try {
    const { pages } = await pdfPages(bytes);
    return norm(pages.join(' '));
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') return 'needs a password';
    throw error;
  }
}

const OWNER_ONLY: [string, SecurityOptions][] = [
  ['AES-256 (revision 6)', { userPassword: '', ownerPassword: 'registrar-2026', permissions: { printing: 'highResolution' } }],
  ['AES-128 (revision 4)', { userPassword: '', ownerPassword: 'registrar-2026', algorithm: 'AES-128' }],
  ['RC4 128-bit (revision 3)', { userPassword: '', ownerPassword: 'registrar-2026', algorithm: 'RC4-128', allowWeakCryptography: true } as SecurityOptions],
];

describe('encrypted resumes', () => {
  it.each(OWNER_ONLY)('merges a resume encrypted only with an owner password, %s', async (_label, options) => {
    const bytes = await resume('CERTIFIED RESUME PAGE', options);
    // It is encrypted, and a viewer opens it without asking for anything.
    expect((await PDFDocument.load(bytes, { ignoreEncryption: true })).isEncrypted).toBe(true);
    expect(await viewerOpens(bytes)).toBe('CERTIFIED RESUME PAGE');

    const result = await buildProfilePdf(baseInput(), fonts, { bytes, fileName: 'certificate.pdf' });
    expect(result.resume).toBe('merged');
    expect(result.resumeMessage).toBeUndefined();
    expect(result.pageCount).toBe(2);
    const { pages } = await pdfPages(result.bytes);
    expect(norm(pages[1]!)).toBe('CERTIFIED RESUME PAGE');
    // The profile itself is not encrypted.
    expect((await PDFDocument.load(result.bytes, { ignoreEncryption: true })).isEncrypted).toBe(false);
  });

  it('keeps the clear message for a resume that truly needs a password, and attaches nothing', async () => {
    const bytes = await resume('SECRET RESUME PAGE', { userPassword: 'open-sesame', ownerPassword: 'owner' });
    expect(await viewerOpens(bytes)).toBe('needs a password');

    const result = await buildProfilePdf(baseInput(), fonts, { bytes });
    expect(result.resume).toBe('unreadable');
    expect(result.resumeMessage).toBe(
      'The resume PDF could not be read, so the profile has no resume pages: it is password-protected (encrypted): it needs a password to open. Ask the candidate for a copy without one.',
    );
    expect(result.pageCount).toBe(1);
    expect((await pdfPages(result.bytes)).pages.join(' ')).not.toContain('SECRET');
  });

  it('says when a resume is encrypted for named recipients (certificate security)', async () => {
    const doc = await PDFDocument.load(await resume('FOR YOUR EYES ONLY'));
    // The public-key security handler: only the holders of the recipients' certificates can decrypt.
    doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: PDFName.of('Adobe.PubSec'), SubFilter: PDFName.of('adbe.pkcs7.s5'), V: 4 }));
    const result = await buildProfilePdf(baseInput(), fonts, { bytes: await doc.save({ useObjectStreams: false }) });
    expect(result.resume).toBe('unreadable');
    expect(result.resumeMessage).toContain('certificate security');
    expect(result.pageCount).toBe(1);
  });
});

describe('filled forms', () => {
  async function filledForm(withAppearances: boolean): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText('APPLICATION FORM', { x: 72, y: 780, size: 18, font });
    const form = doc.getForm();
    const name = form.createTextField('applicant.name');
    name.addToPage(page, { x: 72, y: 700, width: 300, height: 24, font });
    name.setText('Ana García López');
    const city = form.createDropdown('applicant.city');
    city.addOptions(['Madrid', 'Valencia']);
    city.select('Valencia');
    city.addToPage(page, { x: 72, y: 650, width: 200, height: 24, font });
    if (withAppearances) return doc.save();
    // Form fillers that only set values leave the drawing to the viewer: NeedAppearances, stale appearances.
    form.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.True);
    return doc.save({ updateFieldAppearances: false });
  }

  it.each([
    ['with appearance streams', true],
    ['with values only: NeedAppearances and stale appearances', false],
  ])('a filled form resume (%s) keeps its visible values as page content', async (_label, withAppearances) => {
    const bytes = await filledForm(withAppearances);
    const result = await buildProfilePdf(baseInput(), fonts, { bytes, fileName: 'application.pdf' });
    expect(result.resume).toBe('merged');

    const text = norm((await pdfPages(result.bytes)).pages[1]!);
    expect(text).toContain('APPLICATION FORM');
    expect(text).toContain('Ana García López');
    expect(text).toContain('Valencia');
    // Flattened: no form widgets left to depend on a form the profile does not carry.
    const pdf = await getDocumentProxy(new Uint8Array(result.bytes));
    const annotations = (await (await pdf.getPage(2)).getAnnotations()) as { subtype?: string }[];
    expect(annotations.filter((a) => a.subtype === 'Widget')).toEqual([]);
  });
});
