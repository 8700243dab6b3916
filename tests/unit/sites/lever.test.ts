// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyRecipes } from '@/lib/recipes/apply';
import { lever, nameFromTitle } from '@/lib/sites/adapters/lever';
import type { Mount } from '@/lib/sites/types';

/**
 * Lever on the page rebuilt from public evidence (tests/fixtures/sites/lever/flyover.html, each element's source in
 * a comment): the profile is a flyover over the list, at the opened candidate's address.
 */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');
const ANA = '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0c';
const BEN = '2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d';
const CHLOE = '3c7d9e1f-2a4b-4c6d-8e0f-1a2b3c4d5e6f';

function page(url: string, edit: (html: string) => string = (html) => html): Document {
  const doc = new DOMParser().parseFromString(edit(fs.readFileSync(path.join(FIXTURES, 'lever', 'flyover.html'), 'utf8')), 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

const acting = (mounts: Mount[]) => mounts.map((m) => ({ id: m.candidate.siteCandidateId, name: m.candidate.fullName, stage: m.candidate.stage, where: (m.anchor as HTMLElement).className || m.anchor.tagName }));

describe('Lever: the profile flyover over the list', () => {
  it("the opened candidate's button goes in the flyover's controls, named from the title; the rows under it keep theirs", () => {
    const url = new URL(`https://hire.lever.co/candidates/${ANA}`);
    const doc = page(url.href);
    expect(lever.pageKind(url)).toBe('candidate');
    expect(acting(lever.mounts(doc, url, 'candidate'))).toEqual([
      { id: ANA, name: 'Ana García López', stage: undefined, where: 'flyover-controls' },
      // Ana's own row is not a second button for her; another site's link names nobody.
      { id: BEN, name: 'Ben Okafor', stage: undefined, where: 'A' },
      { id: CHLOE, name: 'Chloé Martin', stage: undefined, where: 'A' },
    ]);
    expect(lever.candidate!(doc, url)).toEqual({ siteCandidateId: ANA, fullName: 'Ana García López' });
  });

  it('moving to the next candidate in the flyover (another address): the button acts on that one, Ana gets her row back', () => {
    const url = new URL(`https://hire.lever.co/candidates/${BEN}`);
    const doc = page(url.href, (html) => html.replace('<title>Ana García López – Lever Hire</title>', '<title>Ben Okafor – Lever Hire</title>'));
    const mounts = lever.mounts(doc, url, 'candidate');
    expect(acting(mounts).map((m) => [m.id, m.name, m.where])).toEqual([
      [BEN, 'Ben Okafor', 'flyover-controls'],
      [ANA, 'Ana García López', 'A'],
      [CHLOE, 'Chloé Martin', 'A'],
    ]);
  });

  it('the address moved on before the title did: the title still names Ana (another row), so Ben gets no name rather than hers', () => {
    const url = new URL(`https://hire.lever.co/candidates/${BEN}`);
    const doc = page(url.href);
    expect(lever.mounts(doc, url, 'candidate')[0].candidate).toEqual({ siteCandidateId: BEN });
    expect(lever.candidate!(doc, url)).toEqual({ siteCandidateId: BEN });
  });

  it('a candidate address with a tail (an interview of the profile) is the same candidate', () => {
    const url = new URL(`https://hire.lever.co/candidates/${ANA}/interview/${BEN}`);
    expect(lever.candidateId(url)).toBe(ANA);
    expect(lever.candidate!(page(url.href), url)?.siteCandidateId).toBe(ANA);
  });

  it('no flyover in the page yet: no anchor (the manager floats the button for the same candidate), rows still get theirs', () => {
    const url = new URL(`https://hire.lever.co/candidates/${ANA}`);
    const doc = page(url.href, (html) => html.replace(/<div class="flyover">[\s\S]*?<\/div>\n<\/body>/, '</body>'));
    expect(doc.querySelector('.flyover-controls')).toBeNull();
    expect(acting(lever.mounts(doc, url, 'candidate')).map((m) => m.id)).toEqual([BEN, CHLOE]);
    expect(lever.candidate!(doc, url)).toEqual({ siteCandidateId: ANA, fullName: 'Ana García López' });
  });

  it('the list (any filter in its query, the Archive\'s Hired reason included): one button per candidate link, no flyover anchor', () => {
    for (const href of ['https://hire.lever.co/candidates', 'https://hire.lever.co/candidates?filter=anything']) {
      const url = new URL(href);
      expect(lever.pageKind(url), href).toBe('candidate-list');
      expect(acting(lever.mounts(page(url.href), url, 'candidate-list')).map((m) => [m.id, m.where]), href).toEqual([
        [ANA, 'A'],
        [BEN, 'A'],
        [CHLOE, 'A'],
      ]);
    }
  });

  it('nothing guessed: no stage, posting or email is read from the page; the page heading is not a name', () => {
    const url = new URL(`https://hire.lever.co/candidates/${ANA}`);
    const doc = page(url.href, (html) =>
      html
        .replace('<title>Ana García López – Lever Hire</title>', '<title>Lever Hire</title>')
        .replace('<div class="flyover-controls"></div>', '<div class="flyover-controls"></div><h1 class="candidate-name">Open positions</h1><span class="stage-name" data-qa="stage">Hired</span><span class="posting-title">Engineer</span>'),
    );
    expect(lever.candidate!(doc, url)).toEqual({ siteCandidateId: ANA });
    expect(lever.mounts(doc, url, 'candidate')[0].candidate).toEqual({ siteCandidateId: ANA });
  });

  it('the name only from a title of the shape "Full Name – Lever Hire"', () => {
    const titled = (title: string) => {
      const doc = document.implementation.createHTMLDocument('');
      doc.title = title;
      return nameFromTitle(doc);
    };
    expect(titled('Ana García López – Lever Hire')).toBe('Ana García López');
    expect(titled('Jean-Luc Picard – Lever Hire')).toBe('Jean-Luc Picard');
    expect(titled('  Zoë   Ñúñez –  Lever Hire ')).toBe('Zoë Ñúñez');
    for (const title of ['Lever Hire', '– Lever Hire', 'Candidates – Lever', 'Ana García López – Lever', 'Ana García López - Lever Hire · Inbox', '']) expect(titled(title), title).toBeUndefined();
  });

  it('routes that are not a candidate, a list or a board: interviews, a posting\'s editor, the old guessed pipeline route', () => {
    for (const href of [
      `https://hire.lever.co/interviews/${BEN}`,
      `https://hire.lever.co/jobs/postings/edit/${BEN}`,
      `https://hire.lever.co/jobs/postings/${BEN}/pipeline`,
      'https://hire.lever.co/candidates/new',
    ]) {
      expect(lever.pageKind(new URL(href)), href).toBeNull();
    }
  });

  it("a recipe an admin taught for the stage: read for the opened candidate, whose button never lands beside another row's link", () => {
    const url = new URL(`https://hire.lever.co/candidates/${ANA}`);
    // Their Lever page shows the stage somewhere the adapter does not know; the admin taught where.
    const doc = page(url.href, (html) => html.replace(/<div class="flyover">[\s\S]*?<\/div>\n<\/body>/, '<p id="taught-stage">Engaged</p></body>'));
    const [taught] = applyRecipes([lever], [{ host: 'hire.lever.co', path: '/candidates/:id', fields: { stage: '#taught-stage' } }]);
    // No anchor taught or found: the floating button, for Ana, with her name (the title) and the taught stage.
    expect(taught.mounts(doc, url, 'candidate')).toEqual([]);
    expect(taught.candidate!(doc, url)).toEqual({ siteCandidateId: ANA, fullName: 'Ana García López', stage: 'Engaged' });
  });
});
