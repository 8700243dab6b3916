/**
 * Putting the resume's original pages after the profile pages, and stamping the document metadata.
 *
 * @cantoo/pdf-lib (a maintained fork of pdf-lib, same API) because it decrypts: a resume encrypted with only an
 * owner password (copy/print restrictions: certificates, "restrict editing" exports) opens in every viewer with
 * the empty user password, so it is opened the same way and merged. One that needs a real password is reported.
 */
import { PDFBool, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { cleanText } from './text';
import type { ProfileResult, ResumeFile } from './types';

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * Sniffed from the bytes, never from the content type or file name (pages serve PDFs as
 * application/octet-stream, and .docx files as "application/pdf"). Readers accept the header anywhere in the
 * first 1024 bytes (some generators put a BOM or junk before it), so this does too.
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_HEADER.length, 1024);
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_HEADER.length; j++) if (bytes[i + j] !== PDF_HEADER[j]) continue outer;
    return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** What the file looks like instead, so the recruiter knows what to ask the candidate for. */
function guessKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a Word document or another zipped file';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Word (.doc) document';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'an RTF document';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'a PNG image';
  return null;
}

function fileLabel(resume: ResumeFile): string {
  const name = Array.from(cleanText(resume.fileName)).slice(0, 120).join('');
  return name ? ` “${name}”` : '';
}

function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}

interface Meta {
  candidateName: string;
}

function stamp(doc: PDFDocument, meta: Meta): void {
  const now = new Date();
  doc.setTitle(`Candidate profile — ${meta.candidateName}`, { showInWindowTitleBar: true });
  doc.setAuthor('Hirebridge');
  doc.setCreator('Hirebridge');
  doc.setProducer('Hirebridge (jsPDF, pdf-lib)');
  doc.setSubject('Candidate profile: assessment, screening transcript, link to the source profile and resume');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
}

async function profileOnly(profile: Uint8Array, meta: Meta): Promise<{ bytes: Uint8Array; pageCount: number }> {
  // Loaded afresh every time: a failed merge may have left copied objects behind in its document.
  const doc = await PDFDocument.load(profile, { updateMetadata: false });
  stamp(doc, meta);
  return { bytes: await doc.save(), pageCount: doc.getPageCount() };
}

const UNREADABLE = 'The resume PDF could not be read, so the profile has no resume pages: ';

/**
 * An encrypted resume, opened as a viewer opens it: with the empty user password (owner-password-only files).
 * Pages copied from a file that is still encrypted would come out blank or as garbage, so anything else is refused.
 */
async function openEncrypted(probe: PDFDocument, bytes: Uint8Array): Promise<{ doc: PDFDocument } | { reason: string }> {
  const encrypt = probe.context.lookup(probe.context.trailerInfo.Encrypt);
  const filter = encrypt instanceof PDFDict ? encrypt.lookup(PDFName.of('Filter')) : undefined;
  if (filter instanceof PDFName && filter !== PDFName.of('Standard')) {
    return { reason: 'it is encrypted for named recipients (certificate security), so only they can open it. Ask the candidate for an unprotected copy.' };
  }
  try {
    return { doc: await PDFDocument.load(bytes, { password: '', updateMetadata: false }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/needs password|password incorrect/i.test(message)) {
      return { reason: 'it is password-protected (encrypted): it needs a password to open. Ask the candidate for a copy without one.' };
    }
    return { reason: 'it is encrypted in a way that cannot be opened here. Ask the candidate for an unprotected copy.' };
  }
}

/**
 * Filled forms keep what they show: field appearances become page content before the pages are copied (copied
 * pages leave the form behind). A form that says NeedAppearances leaves drawing its values to the viewer, so every
 * field is drawn afresh first, as a viewer would; one field that cannot be drawn keeps the appearance it had, and
 * a form that cannot be flattened at all is copied as it is.
 */
function flattenForm(doc: PDFDocument): void {
  try {
    const form = doc.getForm();
    const fields = form.getFields();
    if (fields.length === 0) return;
    const viewerDraws = form.acroForm.dict.lookup(PDFName.of('NeedAppearances')) === PDFBool.True;
    for (const field of fields) {
      try {
        if (viewerDraws || field.needsAppearancesUpdate()) field.defaultUpdateAppearances(form.getDefaultFont());
      } catch {
        // this field keeps its appearance (a signature, a glyph the standard font lacks)
      }
    }
    form.flatten({ updateFieldAppearances: false });
  } catch {
    // copied as it is
  }
}

/** The profile pages, then (when the resume is a readable PDF) every page of the resume, in one document. */
export async function assemble(profile: Uint8Array, meta: Meta, resume?: ResumeFile | null): Promise<ProfileResult> {
  const alone = async (status: ProfileResult['resume'], resumeMessage?: string): Promise<ProfileResult> => ({
    ...(await profileOnly(profile, meta)),
    resume: status,
    ...(resumeMessage ? { resumeMessage } : {}),
  });

  if (!resume) return alone('none');
  const bytes = toBytes(resume.bytes);
  if (!bytes || bytes.length === 0) return alone('not-pdf', `The resume file${fileLabel(resume)} is empty, so it was not included in the profile.`);
  if (!looksLikePdf(bytes)) {
    const kind = guessKind(bytes);
    return alone('not-pdf', `The resume${fileLabel(resume)} is not a PDF${kind ? ` (it looks like ${kind})` : ''}, so it was not included in the profile. Ask the candidate for a PDF to attach it.`);
  }

  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return alone('unreadable', `${UNREADABLE}the file is damaged or is not a complete PDF.`);
  }
  if (source.isEncrypted) {
    const opened = await openEncrypted(source, bytes);
    if ('reason' in opened) return alone('unreadable', `${UNREADABLE}${opened.reason}`);
    source = opened.doc;
  }
  flattenForm(source);

  try {
    const indices = source.getPageIndices();
    if (indices.length === 0) return alone('unreadable', `${UNREADABLE}it has no pages.`);
    const doc = await PDFDocument.load(profile, { updateMetadata: false });
    const pages = await doc.copyPages(source, indices);
    for (const page of pages) doc.addPage(page);
    stamp(doc, meta);
    return { bytes: await doc.save(), pageCount: doc.getPageCount(), resume: 'merged' };
  } catch {
    return alone('unreadable', `${UNREADABLE}the file is damaged or uses features that cannot be copied.`);
  }
}
