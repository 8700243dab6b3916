/**
 * Putting the resume's original pages after the profile pages (pdf-lib), and stamping the document metadata.
 */
import { PDFDocument } from 'pdf-lib';
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
  // pdf-lib cannot decrypt: copied pages of an encrypted file would come out blank or as garbage.
  if (source.isEncrypted) return alone('unreadable', `${UNREADABLE}it is password-protected (encrypted).`);

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
