/**
 * Putting the resume's original pages after the profile pages, and stamping the document metadata.
 *
 * @cantoo/pdf-lib (a maintained fork of pdf-lib, same API) because it decrypts: a resume encrypted with only an
 * owner password (copy/print restrictions: certificates, "restrict editing" exports) opens in every viewer with
 * the empty user password, so it is opened the same way and merged. One that needs a real password is reported.
 */
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFPageTree, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFForm } from '@cantoo/pdf-lib';
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

const N = {
  AP: PDFName.of('AP'),
  BBox: PDFName.of('BBox'),
  Contents: PDFName.of('Contents'),
  Form: PDFName.of('Form'),
  Kids: PDFName.of('Kids'),
  Matrix: PDFName.of('Matrix'),
  MediaBox: PDFName.of('MediaBox'),
  N: PDFName.of('N'),
  Page: PDFName.of('Page'),
  Pages: PDFName.of('Pages'),
  Parent: PDFName.of('Parent'),
  Resources: PDFName.of('Resources'),
  Subtype: PDFName.of('Subtype'),
  Type: PDFName.of('Type'),
  XObject: PDFName.of('XObject'),
};

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function numbers(value: unknown, size: number): number[] | undefined {
  if (!(value instanceof PDFArray) || value.size() !== size) return undefined;
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    const n = value.lookup(i);
    if (!(n instanceof PDFNumber) || !Number.isFinite(n.asNumber())) return undefined;
    out.push(n.asNumber());
  }
  return out;
}

/** m1 then m2 (PDF's row-vector convention: a point p becomes p·m1·m2). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2];
}

/**
 * An appearance stream made drawable where flattening puts it. Flattening draws it as a form XObject at the
 * field's lower-left corner, so (1) it must be a form XObject — a stream without `/Subtype /Form` is not drawn by
 * viewers (pdf.js, Acrobat), which is how a real HR form lost 15 of its 17 filled values; (2) it needs a `/BBox`
 * (the field's size when it has none); and (3) the placement that PDF 32000-1 §12.5.5 prescribes — the BBox,
 * transformed by the stream's `/Matrix` (which is where a field's `/MK /R` rotation lives), fitted onto the
 * field's `/Rect` — is folded into its `/Matrix`, so a rotated or offset appearance lands on its field (as
 * pdf.js's getTransformMatrix does, src/core/annotation.js). A stream shared by fields with other rectangles
 * is copied first. Returns the stream's reference (a new one when it was direct or copied).
 */
function fitAppearance(
  context: PDFContext,
  value: unknown,
  rect: { width: number; height: number },
  fitted: Map<PDFRef, { original: Matrix; bbox: number[]; placed: string }>,
): PDFRef | undefined {
  let ref = value instanceof PDFRef ? value : undefined;
  const stream = ref ? context.lookup(ref) : value;
  if (!(stream instanceof PDFStream)) return undefined;
  if (!ref) ref = context.register(stream);
  const known = fitted.get(ref);
  const dict = stream.dict;
  const original = known?.original ?? ((numbers(dict.lookup(N.Matrix), 6) as Matrix | undefined) ?? IDENTITY);
  let bbox = known?.bbox ?? numbers(dict.lookup(N.BBox), 4);
  if (!bbox) bbox = [0, 0, rect.width, rect.height];
  // The transformed BBox's corners, then the scale and shift that put that box on the Rect (at 0,0: the caller moves it).
  const corners = [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[1]!],
    [bbox[0]!, bbox[3]!],
    [bbox[2]!, bbox[3]!],
  ].map(([x, y]) => [original[0] * x! + original[2] * y! + original[4], original[1] * x! + original[3] * y! + original[5]] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = maxX - minX > 0 && rect.width > 0 ? rect.width / (maxX - minX) : 1;
  const sy = maxY - minY > 0 && rect.height > 0 ? rect.height / (maxY - minY) : 1;
  const placed = multiply(original, [sx, 0, 0, sy, -minX * sx, -minY * sy]).map((n) => Math.round(n * 1e4) / 1e4) as Matrix;
  const key = placed.join(' ');
  if (known && known.placed !== key) {
    // Shared with a field of another size or place: this field gets its own copy.
    if (!(stream instanceof PDFRawStream)) return ref;
    const copy = stream.clone(context);
    const copyRef = context.register(copy);
    fitted.set(copyRef, { original, bbox, placed: key });
    copy.dict.set(N.Type, N.XObject);
    copy.dict.set(N.Subtype, N.Form);
    copy.dict.set(N.BBox, context.obj(bbox));
    copy.dict.set(N.Matrix, context.obj(placed));
    return copyRef;
  }
  fitted.set(ref, { original, bbox, placed: key });
  dict.set(N.Type, N.XObject);
  dict.set(N.Subtype, N.Form);
  dict.set(N.BBox, context.obj(bbox));
  dict.set(N.Matrix, context.obj(placed));
  return ref;
}

/** Every widget's normal appearance (each state of a check box or radio button) made drawable where it is flattened. */
function prepareAppearances(doc: PDFDocument, form: PDFForm): void {
  const fitted = new Map<PDFRef, { original: Matrix; bbox: number[]; placed: string }>();
  for (const field of form.getFields()) {
    for (const widget of field.acroField.getWidgets()) {
      try {
        const ap = widget.dict.lookup(N.AP);
        if (!(ap instanceof PDFDict)) continue;
        const rect = widget.getRectangle();
        const normal = ap.get(N.N);
        const resolved = normal instanceof PDFRef ? doc.context.lookup(normal) : normal;
        if (resolved instanceof PDFStream) {
          const ref = fitAppearance(doc.context, normal, rect, fitted);
          if (ref) ap.set(N.N, ref);
        } else if (resolved instanceof PDFDict) {
          for (const [state, value] of resolved.entries()) {
            const ref = fitAppearance(doc.context, value, rect, fitted);
            if (ref) resolved.set(state, ref);
          }
        }
      } catch {
        // this widget keeps the appearance it had
      }
    }
  }
}

/**
 * Filled forms keep what they show: field appearances become page content before the pages are copied (copied
 * pages leave the form behind). A form that says NeedAppearances leaves drawing its values to the viewer, so every
 * field is drawn afresh first, as a viewer would (pdf-lib draws a field turned by its `/MK /R`); one field that
 * cannot be drawn keeps the appearance it had. Then every appearance is made drawable where it goes
 * (prepareAppearances). Flattened appearances are page content, so on a rotated page (`/Rotate`) they turn with
 * the page, as the fields did. A form that cannot be flattened at all is copied as it is.
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
    prepareAppearances(doc, form);
    form.flatten({ updateFieldAppearances: false });
  } catch {
    // copied as it is
  }
}

/** The size pdf.js gives a page without a usable MediaBox (LETTER_SIZE_MEDIABOX, src/core/document.js). */
const LETTER: number[] = [0, 0, 612, 792];
/** Attributes a page inherits from its page-tree ancestors (PDF 32000-1 §7.7.3.4). */
const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'].map((k) => PDFName.of(k));

/** The document's pages as pdf-lib reads them; null when its page tree cannot be read or holds no page. */
function readablePages(doc: PDFDocument): number[] | null {
  try {
    const indices = doc.getPageIndices();
    return indices.length > 0 ? indices : null;
  } catch {
    return null;
  }
}

/**
 * A damaged page tree rebuilt the way viewers read one. First the tree as it stands, walked tolerantly as pdf.js
 * walks it (src/core/catalog.js: a kid without `/Kids` is a page whatever its `/Type`; missing kids, loops and
 * a catalog without `/Type` are skipped over); when that finds no page — the catalog points at a missing or
 * wrong pages object, or there is no catalog — every `/Type /Page` object in the file, in object order, as
 * MuPDF's repair does (pdf-repair.c). Each page keeps what it inherited from ancestors it still reaches, and a
 * page with no MediaBox gets pdf.js's default (US Letter). Returns the document re-read with a new page tree
 * and catalog, or null when the file holds no page at all.
 */
async function rebuildPageTree(doc: PDFDocument): Promise<PDFDocument | null> {
  const { context } = doc;
  const rootValue = context.lookup(context.trailerInfo.Root);
  const root = rootValue instanceof PDFDict && !rootValue.has(N.Kids) && rootValue.lookup(N.Type) !== N.Page ? rootValue : undefined;

  const pages: [PDFRef, PDFDict][] = [];
  const seen = new Set<PDFRef>();
  const looksLikePage = (node: PDFDict) => node.lookup(N.Type) === N.Page || node.has(N.Contents) || node.has(N.MediaBox);
  const walk = (ref: unknown, depth: number) => {
    if (!(ref instanceof PDFRef) || seen.has(ref) || depth > 64 || pages.length >= 10_000) return;
    seen.add(ref);
    const node = context.lookup(ref);
    if (!(node instanceof PDFDict) || node instanceof PDFStream) return;
    const kids = node.lookup(N.Kids);
    if (kids instanceof PDFArray) {
      for (let i = 0; i < kids.size(); i++) walk(kids.get(i), depth + 1);
    } else if (looksLikePage(node)) {
      pages.push([ref, node]);
    }
  };
  // The catalog's own /Pages; else a catalog found among the objects (a trailer pointing at the wrong one).
  walk(root?.get(N.Pages), 0);
  if (pages.length === 0) {
    const objects = context.enumerateIndirectObjects().sort(([a], [b]) => a.objectNumber - b.objectNumber);
    for (const [ref, object] of objects) {
      if (object instanceof PDFDict && !(object instanceof PDFStream) && object.lookup(N.Type) === N.Page && !object.has(N.Kids)) pages.push([ref, object]);
    }
  }
  if (pages.length === 0) return null;

  const tree = PDFPageTree.withContext(context);
  const treeRef = context.register(tree);
  for (const [ref, page] of pages) {
    const ancestors = new Set<PDFDict>();
    for (let parent = page.lookup(N.Parent); parent instanceof PDFDict && !ancestors.has(parent) && ancestors.size < 64; parent = parent.lookup(N.Parent)) {
      ancestors.add(parent);
      for (const key of INHERITABLE) if (!page.has(key) && parent.has(key)) page.set(key, parent.get(key)!);
    }
    if (!numbers(page.lookup(N.MediaBox), 4)) page.set(N.MediaBox, context.obj(LETTER));
    if (!(page.lookup(N.Resources) instanceof PDFDict)) page.set(N.Resources, context.obj({}));
    page.set(N.Type, N.Page);
    page.set(N.Parent, treeRef);
    tree.pushLeafNode(ref);
  }
  if (root) {
    root.set(N.Type, PDFName.of('Catalog'));
    root.set(N.Pages, treeRef);
  } else {
    context.trailerInfo.Root = context.register(context.obj({ Type: 'Catalog', Pages: treeRef }));
  }
  try {
    const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    const rebuilt = await PDFDocument.load(bytes, { updateMetadata: false });
    return readablePages(rebuilt) ? rebuilt : null;
  } catch {
    return null;
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

  /** The resume as a viewer opens it (decrypted with the empty password when it is encrypted), or why not. */
  const open = async (): Promise<PDFDocument | string> => {
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    } catch {
      return 'the file is damaged or is not a complete PDF.';
    }
    if (!doc.isEncrypted) return doc;
    const decrypted = await openEncrypted(doc, bytes);
    return 'reason' in decrypted ? decrypted.reason : decrypted.doc;
  };
  const merge = async (from: PDFDocument): Promise<ProfileResult> => {
    flattenForm(from);
    const doc = await PDFDocument.load(profile, { updateMetadata: false });
    const pages = await doc.copyPages(from, from.getPageIndices());
    for (const page of pages) doc.addPage(page);
    stamp(doc, meta);
    return { bytes: await doc.save(), pageCount: doc.getPageCount(), resume: 'merged' };
  };

  const source = await open();
  if (typeof source === 'string') return alone('unreadable', `${UNREADABLE}${source}`);
  // A page tree pdf-lib cannot read (a missing pages object, loops, kids that are not there) is rebuilt as viewers read it.
  if (!readablePages(source)) {
    const rebuilt = await rebuildPageTree(source);
    if (!rebuilt) return alone('unreadable', `${UNREADABLE}it has no pages.`);
    try {
      return await merge(rebuilt);
    } catch {
      return alone('unreadable', `${UNREADABLE}the file is damaged or uses features that cannot be copied.`);
    }
  }
  try {
    return await merge(source);
  } catch {
    // A tree pdf-lib reads but whose pages it cannot copy (a page whose /Parent is not a pages node): rebuilt, once,
    // from a fresh reading (the failed attempt may have changed the document).
  }
  try {
    const again = await open();
    const rebuilt = typeof again === 'string' ? null : await rebuildPageTree(again);
    if (rebuilt) return await merge(rebuilt);
  } catch {
    // reported below
  }
  return alone('unreadable', `${UNREADABLE}the file is damaged or uses features that cannot be copied.`);
}
