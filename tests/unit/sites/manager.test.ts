// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ADAPTERS, greenhouse, recruitee } from '@/lib/sites/adapters';
import { startSiteManager, type PageYield, type PlaceContext, type SiteManagerOptions } from '@/lib/sites/manager';
import type { Mount, SiteAdapter } from '@/lib/sites/types';

/**
 * The site manager in a real (happy-dom) window: the page's own SPA navigation (pushState + DOM swap, hash
 * changes, URL-only changes) re-runs the adapter, and what was placed for the previous page goes away.
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');

/** Like an SPA rendering a new view: the body's content is replaced (the manager watches DOM mutations). */
function render(adapterId: string, name: string) {
  const parsed = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, adapterId, name), 'utf8'), 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
}

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

interface Placed {
  element: Element;
  id: string;
  floating: boolean;
  ctx: PlaceContext;
}

/** Starts a manager whose placements are plain `hirebridge-action` elements (as the content script's are). */
function start(overrides: Partial<SiteManagerOptions> = {}) {
  const placed: Placed[] = [];
  const make = (id: string, floating: boolean, ctx: PlaceContext) => {
    const element = document.createElement('hirebridge-action');
    element.setAttribute('data-id', id);
    if (floating) element.setAttribute('data-floating', '');
    placed.push({ element, id, floating, ctx });
    return element;
  };
  // The content script's own context: URL changes come from WXT's `wxt:locationchange`, as in the extension.
  const ctx = new ContentScriptContext('ats-test');
  const manager = startSiteManager({
    adapters: ADAPTERS,
    watchLocation: (onChange) => ctx.addEventListener(window, 'wxt:locationchange', onChange),
    place(mount: Mount, ctx) {
      const element = make(mount.candidate.siteCandidateId, false, ctx);
      if (mount.position === 'after') mount.anchor.after(element);
      else if (mount.position === 'before') mount.anchor.before(element);
      else if (mount.position === 'prepend') mount.anchor.prepend(element);
      else mount.anchor.append(element);
      return element;
    },
    placeFloating(mount, ctx) {
      const element = make(mount.candidate.siteCandidateId, true, ctx);
      document.body.append(element);
      return element;
    },
    ...overrides,
  });
  stops.push(() => (manager.stop(), ctx.abort()));
  /** The buttons on the page now, by candidate id. */
  const onPage = () => [...document.querySelectorAll('hirebridge-action')].map((el) => `${el.hasAttribute('data-floating') ? 'floating:' : ''}${el.getAttribute('data-id')}`);
  return { manager, placed, onPage };
}

const stops: (() => void)[] = [];
afterEach(async () => {
  stops.splice(0).forEach((stop) => stop());
  // Belt and braces: let any pending frame pass, then clear the page so nothing leaks into the next test.
  await new Promise((r) => setTimeout(r, 50));
  document.body.innerHTML = '';
});

// Waits a little longer than WXT's 1 s location poll (happy-dom has no Navigation API).
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 2500, interval: 20 });

describe('site manager', () => {
  it("places the candidate page's button in its anchor, once, however often it re-evaluates", async () => {
    setUrl('https://app.greenhouse.io/people/48213377');
    render('greenhouse', 'candidate.html');
    const { manager, placed, onPage } = start();
    expect(onPage()).toEqual(['48213377']);
    expect(placed[0].element.parentElement).toBe(document.querySelector('[data-provides="person-header-actions"]'));
    expect(placed[0].ctx.adapter).toBe(greenhouse);
    expect(placed[0].ctx.kind).toBe('candidate');
    manager.evaluate();
    // An unrelated DOM change (a page re-render) is observed but must not duplicate the button.
    document.querySelector('.person-source')!.textContent = 'Source: Referral';
    await new Promise((r) => setTimeout(r, 50));
    expect(onPage()).toEqual(['48213377']);
    expect(placed).toHaveLength(1);
  });

  it('on SPA navigation to another candidate (pushState + new view), removes the old button and places the new one', async () => {
    setUrl('https://app.greenhouse.io/people/48213377');
    render('greenhouse', 'candidate.html');
    const { placed, onPage } = start();
    const first = placed[0];
    history.pushState({}, '', '/people/48213379');
    render('greenhouse', 'candidate-hostile.html');
    await waitFor(() => expect(onPage()).toEqual(['48213379']));
    expect(first.element.isConnected).toBe(false);
    // The previous page's signal tells its UI (dialogs, listeners) to go too.
    expect(first.ctx.signal.aborted).toBe(true);
    expect(placed.at(-1)!.ctx.signal.aborted).toBe(false);
  });

  it('notices a URL-only navigation (no DOM change) and tears the old page down', async () => {
    setUrl('https://app.greenhouse.io/people/48213377');
    render('greenhouse', 'candidate.html');
    const { placed, onPage } = start();
    history.pushState({}, '', '/configure/users');
    await waitFor(() => expect(onPage()).toEqual([]));
    expect(placed[0].ctx.signal.aborted).toBe(true);
  });

  it('re-evaluates on hash-route changes (Recruitee)', async () => {
    setUrl('https://app.recruitee.com/#/candidates/91234567');
    render('recruitee', 'candidate.html');
    const { placed, onPage } = start();
    expect(onPage()).toEqual(['91234567']);
    expect(placed[0].ctx.adapter).toBe(recruitee);
    location.hash = '#/candidates/91234569';
    render('recruitee', 'candidate-hostile.html');
    await waitFor(() => expect(onPage()).toEqual(['91234569']));
    location.hash = '#/settings/company';
    await waitFor(() => expect(onPage()).toEqual([]));
  });

  it('places a floating button when the candidate page has no anchor, and removes it on navigation', async () => {
    setUrl('https://app.greenhouse.io/people/48213378');
    render('greenhouse', 'candidate-no-anchor.html');
    const { placed, onPage } = start();
    expect(onPage()).toEqual(['floating:48213378']);
    expect(placed[0].floating).toBe(true);
    history.pushState({}, '', '/people/48213377');
    render('greenhouse', 'candidate.html');
    await waitFor(() => expect(onPage()).toEqual(['48213377']));
    expect(placed[0].element.isConnected).toBe(false);
  });

  it('falls back to the floating button when the adapter throws', () => {
    const broken: SiteAdapter = {
      ...greenhouse,
      mounts: () => {
        throw new Error('unexpected markup');
      },
    };
    setUrl('https://app.greenhouse.io/people/48213377');
    render('greenhouse', 'candidate.html');
    const { onPage } = start({ adapters: [broken] });
    expect(onPage()).toEqual(['floating:48213377']);
  });

  // Known gap in manager.ts (outside the adapters): the floating fallback takes the last *pathname* segment as the
  // id, so on a hash-routed page (Recruitee: pathname "/") no floating button appears, and on
  // /people/123/activity it would carry "activity". Enable once the fallback takes the id from the adapter.
  it('places the floating button with the id from a hash route (Recruitee)', () => {
    setUrl('https://app.recruitee.com/#/candidates/91234568');
    render('recruitee', 'candidate-no-anchor.html');
    const { onPage } = start();
    expect(onPage()).toEqual(['floating:91234568']);
  });

  it('candidate list: one button per row; a row that leaves the DOM loses its button', async () => {
    setUrl('https://app.greenhouse.io/people');
    render('greenhouse', 'list.html');
    const { onPage } = start();
    expect(onPage()).toEqual(['48213377', '48213378', '48213379']);
    // A filter re-renders the list without Ben.
    document.querySelector('[data-person-id="48213378"]')!.remove();
    await waitFor(() => expect(onPage()).toEqual(['48213377', '48213379']));
  });

  it('pipeline: buttons on the Hired cards only; a card moved out of Hired loses its button', async () => {
    setUrl('https://app.greenhouse.io/plans/612345/pipeline');
    render('greenhouse', 'pipeline.html');
    const { placed, onPage } = start();
    expect(onPage()).toEqual(['48213377', '48213380']);
    expect(placed.every((p) => p.ctx.kind === 'pipeline')).toBe(true);
    // Drag Chloé back to Offer.
    const card = document.querySelector('[data-person-id="48213380"]')!;
    document.querySelector('[data-stage-name="Offer"]')!.append(card);
    await waitFor(() => expect(onPage()).toEqual(['48213377']));
  });

  it('places nothing for an adapter an admin switched off, nor on pages of no adapter', () => {
    setUrl('https://app.greenhouse.io/people/48213377');
    render('greenhouse', 'candidate.html');
    const off = start({ isEnabled: (id) => id !== 'greenhouse' });
    expect(off.onPage()).toEqual([]);
    off.manager.stop();
    setUrl('https://app.greenhouse.io.evil.com/people/48213377');
    const { onPage } = start();
    expect(onPage()).toEqual([]);
  });

  // Known gap in manager.ts: stop() does not cancel an evaluation already scheduled for the next frame, which then
  // places the buttons again (e.g. after the content script is invalidated by an extension update). Enable once
  // the frame callback checks a `stopped` flag.
  it('stop() also cancels an evaluation scheduled just before it', async () => {
    setUrl('https://app.greenhouse.io/people/48213377');
    render('greenhouse', 'candidate.html');
    const { manager, onPage } = start();
    document.querySelector('.person-source')!.textContent = 'Source: Referral';
    await Promise.resolve(); // the mutation is delivered and a frame is scheduled
    manager.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(onPage()).toEqual([]);
  });

  it('stop() removes what it placed and stops watching', async () => {
    setUrl('https://app.greenhouse.io/people/48213377');
    render('greenhouse', 'candidate.html');
    const { manager, placed, onPage } = start();
    manager.stop();
    expect(onPage()).toEqual([]);
    expect(placed[0].ctx.signal.aborted).toBe(true);
    history.pushState({}, '', '/people/48213379');
    render('greenhouse', 'candidate-hostile.html');
    // Longer than one location poll.
    await new Promise((r) => setTimeout(r, 1300));
    expect(onPage()).toEqual([]);
  });

  it('reports what each page yielded (Sites → health): the anchor found, the floating fallback, a page of no known kind', () => {
    const reports: PageYield[] = [];
    setUrl('https://app.greenhouse.io/people/40112234');
    document.body.innerHTML = '<h1>Lucas Moreau</h1><div data-provides="application-stage">Hired</div><div data-provides="person-header-actions"></div>';
    const first = start({ onYield: (r) => reports.push(r) });
    expect(reports.at(-1)).toEqual({ adapterId: 'greenhouse', kind: 'candidate', idFromUrl: true, nameRead: true, stageRead: true, anchor: 'found', rows: 0, recipe: undefined });
    first.manager.stop();

    document.body.innerHTML = '<p>nothing the adapter knows</p>';
    start({ onYield: (r) => reports.push(r) });
    expect(reports.at(-1)).toMatchObject({ adapterId: 'greenhouse', kind: 'candidate', idFromUrl: true, nameRead: false, stageRead: false, anchor: 'floating' });

    setUrl('https://app.greenhouse.io/settings');
    start({ onYield: (r) => reports.push(r) });
    expect(reports.at(-1)).toMatchObject({ adapterId: 'greenhouse', kind: 'none', anchor: 'none' });
  });
});

