import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFDropdown, PDFName, PDFNumber, PDFTextField } from '@cantoo/pdf-lib';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildProfilePdf } from '@/lib/pdf';
import { baseInput, fonts, norm, pdfPages } from './helpers';

/**
 * Real files from public PDF test corpora (fixtures/SOURCE.md): what a viewer shows of each, and what the profile
 * keeps of it as its resume pages. pdf.js (through unpdf) is the viewer that judges.
 */

// pdf.js decodes images with ArrayBuffer.prototype.transferToFixedLength (Node 21+); on Node 20 it would stop
// reading a page's operators at the first image. The same copy, for the viewer only.
if (!('transferToFixedLength' in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value(this: ArrayBuffer, length = this.byteLength) {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/unit/pdf/fixtures', name)));

async function merged(name: string, bytes = fixture(name)) {
  const profileOnly = await buildProfilePdf(baseInput(), fonts);
  const result = await buildProfilePdf(baseInput(), fonts, { bytes, fileName: name });
  return { result, profilePages: profileOnly.pageCount };
}

describe('a damaged page tree is rebuilt as viewers read it', () => {
  // Each file is one "Hello PDF-world!" page with one fault in its catalog or page tree.
  const HELLO = [
    'opf-T02-01_001_document-catalog-No-document-catalog.pdf',
    'opf-T02-01_003_document-catalog-indirecte-pages-reference-missing.pdf',
    'opf-T02-01_004_document-catalog-incorrect-pages-reference.pdf',
    'opf-T02-01_005_document-catalog-type-key-missing.pdf',
    'opf-T02-02_001_no-page-tree-node.pdf',
    'opf-T02-02_002_page-tree-kids-links-recursive.pdf',
    'opf-T02-02_004_page-tree-non-existing-object-as-kid.pdf',
    'opf-T02-02_009_page-tree-wrong-type.pdf',
    'opf-T02-03_001_page-object-no-type.pdf',
    'opf-T02-03_004_page-object-wrong-parent.pdf',
    'opf-T02-03_005_page-object-parent-contains-array.pdf',
  ];
  it.each(HELLO)('%s: its one page is in the profile, with its text', async (name) => {
    // pdf-lib alone cannot read these pages (what Hirebridge used to call "damaged").
    const plain = await PDFDocument.load(fixture(name), { updateMetadata: false, throwOnInvalidObject: false }).catch(() => null);
    let plainPages: PDFDocument | null = plain;
    if (plain) {
      try {
        const doc = await PDFDocument.create();
        await doc.copyPages(plain, plain.getPageIndices());
        if (plain.getPageCount() === 0) plainPages = null;
      } catch {
        plainPages = null;
      }
    }
    expect(plainPages).toBeNull();

    const { result, profilePages } = await merged(name);
    expect(result.resume).toBe('merged');
    expect(result.pageCount).toBe(profilePages + 1);
    const { pages } = await pdfPages(result.bytes);
    expect(norm(pages[profilePages]!)).toBe('Hello PDF-world!');
  });

  it('a catalog pointing at a pages object that is not in the file (poppler 395, fuzzed): the page that is there', async () => {
    const { result, profilePages } = await merged('pdfjs-poppler-395-0-fuzzed.pdf');
    expect(result.resume).toBe('merged');
    expect(result.pageCount).toBe(profilePages + 1);
    const pdf = await getDocumentProxy(new Uint8Array(result.bytes));
    const page = await pdf.getPage(profilePages + 1);
    expect(page.view).toEqual([0, 0, 612, 792]);
  });

  it('a catalog whose /Pages is the page itself (pdf.js issue 21436): that page, with its drawing', async () => {
    const { result, profilePages } = await merged('pdfjs-issue21436.pdf');
    expect(result.resume).toBe('merged');
    expect(result.pageCount).toBe(profilePages + 1);
    const pdf = await getDocumentProxy(new Uint8Array(result.bytes));
    const { OPS } = await getResolvedPDFJS();
    const ops = await (await pdf.getPage(profilePages + 1)).getOperatorList();
    // "10 10 180 180 re S": the page's one stroked rectangle.
    expect(ops.fnArray).toContain(OPS.constructPath);
    expect((await pdf.getPage(profilePages + 1)).view).toEqual([0, 0, 200, 200]);
  });

  it('a pages tree that loops (pdf.js Pages-tree-refs): its real page, read once', async () => {
    const { result, profilePages } = await merged('pdfjs-Pages-tree-refs.pdf');
    expect(result.resume).toBe('merged');
    expect(result.pageCount).toBe(profilePages + 1);
    const { pages } = await pdfPages(result.bytes);
    expect(norm(pages[profilePages]!)).toContain('Pages loop');
  });

  it('a file whose only page object is missing still has no pages, and says so', async () => {
    const { result } = await merged('opf-T02-03_006_page-object-missing.pdf');
    expect(result.resume).toBe('unreadable');
    expect(result.resumeMessage).toMatch(/it has no pages/);
  });
});

type Box = [number, number, number, number];

/** Where pdf.js draws each form XObject of a page: its /BBox through its /Matrix and the CTM, as [x0, y0, x1, y1]. */
async function formBoxes(bytes: Uint8Array, pageNumber: number): Promise<Box[]> {
  const { OPS } = await getResolvedPDFJS();
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const list = await (await pdf.getPage(pageNumber)).getOperatorList();
  type M = number[];
  const mul = (m: M, n: M): M => [m[0]! * n[0]! + m[1]! * n[2]!, m[0]! * n[1]! + m[1]! * n[3]!, m[2]! * n[0]! + m[3]! * n[2]!, m[2]! * n[1]! + m[3]! * n[3]!, m[4]! * n[0]! + m[5]! * n[2]! + n[4]!, m[4]! * n[1]! + m[5]! * n[3]! + n[5]!];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  const boxes: Box[] = [];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(args as M, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      const [matrix, bbox] = args as [M | null, number[] | null];
      const m = mul(matrix ?? [1, 0, 0, 1, 0, 0], ctm);
      stack.push(ctm);
      ctm = m;
      if (!bbox) return;
      const pts = [
        [bbox[0]!, bbox[1]!],
        [bbox[2]!, bbox[1]!],
        [bbox[0]!, bbox[3]!],
        [bbox[2]!, bbox[3]!],
      ].map(([x, y]) => [m[0]! * x! + m[2]! * y! + m[4]!, m[1]! * x! + m[3]! * y! + m[5]!]);
      boxes.push([Math.min(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[1]!))]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
  });
  return boxes;
}

/** The widgets of the resume as filled: each one's rectangle, field value and /MK /R. */
async function widgets(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getForm().getFields().flatMap((field) =>
    field.acroField.getWidgets().map((w) => {
      const r = w.getRectangle();
      const mk = w.dict.lookup(PDFName.of('MK'));
      const rotation = mk instanceof PDFDict ? (mk.lookup(PDFName.of('R')) as PDFNumber | undefined)?.asNumber() ?? 0 : 0;
      const value = field instanceof PDFTextField ? field.getText() ?? '' : field instanceof PDFDropdown ? field.getSelected().join('') : '';
      return { name: field.getName(), rect: [r.x, r.y, r.x + r.width, r.y + r.height] as Box, value, rotation, hasAppearance: w.dict.lookup(PDFName.of('AP')) instanceof PDFDict };
    }),
  );
}

const near = (a: Box, b: Box) => a.every((v, i) => Math.abs(v - b[i]!) < 0.5);

describe('filled forms keep their values', () => {
  it('an Acrobat employee form: all 17 filled values are in the profile (14 appearances lacked /Subtype /Form)', async () => {
    const bytes = fixture('pdflib-sample_form.pdf');
    const filled = (await widgets(bytes)).filter((w) => w.value);
    expect(filled).toHaveLength(17);
    const { result, profilePages } = await merged('pdflib-sample_form.pdf', bytes);
    expect(result.resume).toBe('merged');
    const { pages } = await pdfPages(result.bytes);
    const shown = norm(pages[profilePages]!);
    const digits = shown.replace(/\D/g, '');
    for (const { name, value } of filled) {
      // The form formats what it shows: the phone 1234567890 reads "(123) 456-7890", the SSN "111-11-1111".
      if (/^\d+$/.test(value)) expect(digits, name).toContain(value);
      else expect(shown, name).toContain(value);
    }
  });

  it('fields turned by /MK /R 0/90/180/270 (pdf.js bug 1675139): each value inside its field, running the way the field is turned', async () => {
    const bytes = fixture('pdfjs-bug1675139.pdf');
    const texts = (await widgets(bytes)).filter((w) => w.value && /^Text/.test(w.name));
    expect(texts.map((w) => w.rotation).sort()).toEqual([0, 180, 270, 90]);
    const { result, profilePages } = await merged('pdfjs-bug1675139.pdf', bytes);
    const pdf = await getDocumentProxy(new Uint8Array(result.bytes));
    const items = (await (await pdf.getPage(profilePages + 1)).getTextContent()).items as { str: string; transform: number[] }[];
    for (const w of texts) {
      const item = items.find((i) => i.str === w.value);
      expect(item, w.name).toBeDefined();
      const [a, b, , , x, y] = item!.transform as [number, number, number, number, number, number];
      expect(x).toBeGreaterThanOrEqual(w.rect[0] - 1);
      expect(x).toBeLessThanOrEqual(w.rect[2] + 1);
      expect(y).toBeGreaterThanOrEqual(w.rect[1] - 1);
      expect(y).toBeLessThanOrEqual(w.rect[3] + 1);
      // The text's baseline direction is the field's rotation.
      expect((Math.round((Math.atan2(b, a) * 180) / Math.PI) + 360) % 360, w.name).toBe(w.rotation);
    }
  });

  it('a page turned by /Rotate 90 whose fields carry a rotated, offset appearance /Matrix: each appearance lands on its field', async () => {
    const bytes = fixture('pdflib-with_rotated_image_button-excerpt.pdf');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPage(0).getRotation().angle).toBe(90);
    const all = (await widgets(bytes)).filter((w) => w.hasAppearance);
    expect(all.length).toBe(7);
    expect(all.every((w) => w.rotation === 90)).toBe(true);
    const { result, profilePages } = await merged('with_rotated_image_button.pdf', bytes);
    expect(result.resume).toBe('merged');
    const page = await (await getDocumentProxy(new Uint8Array(result.bytes))).getPage(profilePages + 1);
    expect(page.rotate).toBe(90);
    const boxes = await formBoxes(result.bytes, profilePages + 1);
    for (const w of all) expect(boxes.some((b) => near(b, w.rect)), `${w.name} at ${w.rect}: drawn at ${JSON.stringify(boxes)}`).toBe(true);
  });

  it('a check box whose appearance /BBox does not start at 0,0: its mark lands on the box', async () => {
    const bytes = fixture('pdflib-with_annots.pdf');
    const all = (await widgets(bytes)).filter((w) => w.hasAppearance);
    expect(all.length).toBeGreaterThan(0);
    expect(await firstBBoxCorner(bytes)).not.toEqual([0, 0]);
    const { result, profilePages } = await merged('pdflib-with_annots.pdf', bytes);
    const boxes = await formBoxes(result.bytes, profilePages + 1);
    for (const w of all) expect(boxes.some((b) => near(b, w.rect)), `${w.name} at ${w.rect}: drawn at ${JSON.stringify(boxes)}`).toBe(true);
  });
});

/** The lower-left corner of the first widget appearance's /BBox in the file. */
async function firstBBoxCorner(bytes: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const widget = doc.getForm().getFields()[0]!.acroField.getWidgets()[0]!;
  const normal = (widget.dict.lookup(PDFName.of('AP')) as PDFDict).lookup(PDFName.of('N'));
  const stream = normal instanceof PDFDict && !('contents' in normal) ? doc.context.lookup(normal.values()[0]!) : normal;
  const bbox = (stream as unknown as { dict: PDFDict }).dict.lookup(PDFName.of('BBox')) as PDFArray;
  return bbox.asArray().slice(0, 2).map((n) => (n as PDFNumber).asNumber());
}
