// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ADAPTERS, greenhouse, recruitee, smartrecruiters } from '@/lib/sites/adapters';
import { demoAts } from '@/lib/sites/adapters/demo-ats';
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
  candidate: Mount['candidate'];
  floating: boolean;
  ctx: PlaceContext;
}

/** Starts a manager whose placements are plain `hirebridge-action` elements (as the content script's are). */
function start(overrides: Partial<SiteManagerOptions> = {}) {
  const placed: Placed[] = [];
  const make = (candidate: Mount['candidate'], floating: boolean, ctx: PlaceContext) => {
    const element = document.createElement('hirebridge-action');
    const id = candidate.siteCandidateId;
    element.setAttribute('data-id', id);
    if (floating) element.setAttribute('data-floating', '');
    placed.push({ element, id, candidate, floating, ctx });
    return element;
  };
  // The content script's own context: URL changes come from WXT's `wxt:locationchange`, as in the extension.
  const ctx = new ContentScriptContext('ats-test');
  const manager = startSiteManager({
    adapters: ADAPTERS,
    watchLocation: (onChange) => ctx.addEventListener(window, 'wxt:locationchange', onChange),
    place(mount: Mount, ctx) {
      const element = make(mount.candidate, false, ctx);
      if (mount.position === 'after') mount.anchor.after(element);
      else if (mount.position === 'before') mount.anchor.before(element);
      else if (mount.position === 'prepend') mount.anchor.prepend(element);
      else mount.anchor.append(element);
      return element;
    },
    placeFloating(mount, ctx) {
      const element = make(mount.candidate, true, ctx);
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

const DEMO = 'http://127.0.0.1:5173/demo-ats';

describe('site manager', () => {
  it("places the candidate page's button in its anchor, once, however often it re-evaluates", async () => {
    setUrl(`${DEMO}/candidates/4400001`);
    render('demo-ats', 'candidate.html');
    const { manager, placed, onPage } = start();
    expect(onPage()).toEqual(['4400001']);
    expect(placed[0].element.parentElement).toBe(document.querySelector('.candidate-actions'));
    expect(placed[0].ctx.adapter).toBe(demoAts);
    expect(placed[0].ctx.kind).toBe('candidate');
    manager.evaluate();
    // An unrelated DOM change (a page re-render) is observed but must not duplicate the button.
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 50));
    expect(onPage()).toEqual(['4400001']);
    expect(placed).toHaveLength(1);
  });

  it('an anchored button naming the application is the page\'s button: no floating one beside it', () => {
    setUrl(`${DEMO}/candidates/4400001`);
    render('demo-ats', 'candidate.html');
    document.querySelector('.candidate-header')!.setAttribute('data-application-id', '90001003');
    const { onPage, placed } = start();
    expect(onPage()).toEqual(['4400001']);
    expect(placed[0].candidate.siteApplicationId).toBe('90001003');
  });

  it('on SPA navigation to another candidate (pushState + new view), removes the old button and places the new one', async () => {
    setUrl(`${DEMO}/candidates/4400001`);
    render('demo-ats', 'candidate.html');
    const { placed, onPage } = start();
    const first = placed[0];
    history.pushState({}, '', '/demo-ats/candidates/4400003');
    render('demo-ats', 'candidate-hostile.html');
    await waitFor(() => expect(onPage()).toEqual(['4400003']));
    expect(first.element.isConnected).toBe(false);
    // The previous page's signal tells its UI (dialogs, listeners) to go too.
    expect(first.ctx.signal.aborted).toBe(true);
    expect(placed.at(-1)!.ctx.signal.aborted).toBe(false);
  });

  it('notices a URL-only navigation (no DOM change) and tears the old page down', async () => {
    setUrl(`${DEMO}/candidates/4400001`);
    render('demo-ats', 'candidate.html');
    const { placed, onPage } = start();
    history.pushState({}, '', '/demo-ats/jobs');
    await waitFor(() => expect(onPage()).toEqual([]));
    expect(placed[0].ctx.signal.aborted).toBe(true);
  });

  it('re-evaluates on hash-route changes, the floating button taking the id from the hash route (Recruitee)', async () => {
    setUrl('https://app.recruitee.com/#/candidates/91234567');
    const { placed, onPage } = start();
    expect(onPage()).toEqual(['floating:91234567']);
    expect(placed[0].ctx.adapter).toBe(recruitee);
    location.hash = '#/candidates/91234569';
    await waitFor(() => expect(onPage()).toEqual(['floating:91234569']));
    location.hash = '#/settings/company';
    await waitFor(() => expect(onPage()).toEqual([]));
  });

  it('the floating button carries every id the URL gives, and goes when an anchored one takes its place', async () => {
    setUrl('https://app.greenhouse.io/people/48213377?application_id=51234567');
    render('greenhouse', 'person.html');
    const { placed, onPage } = start();
    expect(onPage()).toEqual(['floating:48213377']);
    // The application id of the address reaches the button (Kombo's tracking import needs it).
    expect(placed[0].candidate).toMatchObject({ siteCandidateId: '48213377', siteApplicationId: '51234567', fullName: 'Ana García López' });
    history.pushState({}, '', '/applications/review/app_review');
    render('greenhouse', 'app-review.html');
    await waitFor(() => expect(onPage()).toEqual(['48213377']));
    expect(placed[0].element.isConnected).toBe(false);
    expect(placed.at(-1)!.candidate).toMatchObject({ siteCandidateId: '48213377', siteApplicationId: '51234567' });
  });

  it('falls back to the floating button, with the same ids, when the adapter throws', () => {
    const broken: SiteAdapter = {
      ...greenhouse,
      mounts: () => {
        throw new Error('unexpected markup');
      },
    };
    setUrl('https://app.greenhouse.io/people/48213377/applications/51234567');
    render('greenhouse', 'person.html');
    const { onPage, placed } = start({ adapters: [broken] });
    expect(onPage()).toEqual(['floating:48213377']);
    expect(placed[0].candidate.siteApplicationId).toBe('51234567');
  });

  it('Application Review shows the next person on the same address: the button follows the person', async () => {
    setUrl('https://canonical.greenhouse.io/applications/review/app_review');
    render('greenhouse', 'app-review.html');
    const { placed, onPage } = start({ adapters: [{ ...greenhouse, isSite: (u: URL) => u.hostname === 'canonical.greenhouse.io' }] });
    expect(onPage()).toEqual(['48213377']);
    // Greenhouse swaps the header link's address when the reviewer moves on (duplicate-check.user.js watches for it).
    const link = document.querySelector('[data-provides="app-review"] header a')!;
    link.setAttribute('href', '/people/48213390?application_id=51234590');
    link.textContent = 'Ben Okafor';
    await waitFor(() => expect(onPage()).toEqual(['48213390']));
    expect(placed.at(-1)!.candidate).toMatchObject({ siteCandidateId: '48213390', siteApplicationId: '51234590', fullName: 'Ben Okafor' });
    expect(placed[0].element.isConnected).toBe(false);
  });

  it('candidate list: one button per row, identified by its link; a row that leaves the DOM loses its button', async () => {
    setUrl('https://app.greenhouse.io/plans/612345/candidates?type=all');
    render('greenhouse', 'candidates.html');
    const { onPage, placed } = start();
    expect(onPage()).toEqual(['48213377', '48213378', '48213379']);
    expect(placed.map((p) => p.candidate.siteJobId)).toEqual(['612345', '612345', '612345']);
    // A filter re-renders the list without Ben.
    document.querySelector('[href*="/people/48213378"]')!.parentElement!.remove();
    await waitFor(() => expect(onPage()).toEqual(['48213377', '48213379']));
  });

  it('pipeline: buttons on the Hired cards only; a card moved out of Hired loses its button', async () => {
    setUrl(`${DEMO}/jobs/JOB-1/pipeline`);
    render('demo-ats', 'pipeline.html');
    const { placed, onPage } = start();
    expect(onPage()).toEqual(['4400001', '4400004']);
    expect(placed.every((p) => p.ctx.kind === 'pipeline')).toBe(true);
    // Drag Chloé back to Offer.
    const card = document.querySelector('[data-candidate-id="4400004"]')!;
    document.querySelector('[data-stage="Offer"]')!.append(card);
    await waitFor(() => expect(onPage()).toEqual(['4400001']));
  });

  it('rows rendered later inside an open shadow root get their buttons (SmartRecruiters)', async () => {
    setUrl('https://www.smartrecruiters.com/app/jobs/details/3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60/people');
    document.body.innerHTML = '<div id="st-jobDetailsPage"><app-people-tab-applicant-list-container></app-people-tab-applicant-list-container></div>';
    const shadow = document.querySelector('app-people-tab-applicant-list-container')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<spl-table></spl-table>';
    const { onPage, placed } = start();
    expect(onPage()).toEqual([]);
    // The table fills in after the page's first render, inside the shadow root only.
    shadow.querySelector('spl-table')!.innerHTML =
      '<div role="row"><sr-link href="/app/people/applications/1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01/"><spl-truncate data-test="applicant-name">Ana García López</spl-truncate></sr-link></div>';
    await waitFor(() => expect(placed.map((p) => p.id)).toEqual(['1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01']));
    expect(placed[0].ctx.adapter).toBe(smartrecruiters);
    expect(placed[0].element.getRootNode()).toBe(shadow);
  });

  it('places nothing for an adapter an admin switched off, nor on pages of no adapter', () => {
    setUrl(`${DEMO}/candidates/4400001`);
    render('demo-ats', 'candidate.html');
    const off = start({ isEnabled: (id) => id !== 'demo-ats' });
    expect(off.onPage()).toEqual([]);
    off.manager.stop();
    setUrl('https://app.greenhouse.io.evil.com/people/48213377');
    const { onPage } = start();
    expect(onPage()).toEqual([]);
  });

  it('stop() also cancels an evaluation scheduled just before it', async () => {
    setUrl(`${DEMO}/candidates/4400001`);
    render('demo-ats', 'candidate.html');
    const { manager, onPage } = start();
    document.body.append(document.createElement('p'));
    await Promise.resolve(); // the mutation is delivered and a frame is scheduled
    manager.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(onPage()).toEqual([]);
  });

  it('stop() removes what it placed and stops watching', async () => {
    setUrl(`${DEMO}/candidates/4400001`);
    render('demo-ats', 'candidate.html');
    const { manager, placed, onPage } = start();
    manager.stop();
    expect(onPage()).toEqual([]);
    expect(placed[0].ctx.signal.aborted).toBe(true);
    history.pushState({}, '', '/demo-ats/candidates/4400003');
    render('demo-ats', 'candidate-hostile.html');
    // Longer than one location poll.
    await new Promise((r) => setTimeout(r, 1300));
    expect(onPage()).toEqual([]);
  });

  it('reports what each page yielded (Sites → health): the anchor found, the floating fallback, a page of no known kind', () => {
    const reports: PageYield[] = [];
    setUrl('https://app.greenhouse.io/applications/review/app_review');
    render('greenhouse', 'app-review.html');
    const first = start({ onYield: (r) => reports.push(r) });
    expect(reports.at(-1)).toEqual({ adapterId: 'greenhouse', kind: 'candidate', idFromUrl: false, nameRead: true, stageRead: false, anchor: 'found', rows: 0, recipe: undefined });
    first.manager.stop();

    setUrl('https://app.greenhouse.io/people/40112234');
    document.body.innerHTML = '<p>nothing the adapter knows</p>';
    start({ onYield: (r) => reports.push(r) });
    expect(reports.at(-1)).toMatchObject({ adapterId: 'greenhouse', kind: 'candidate', idFromUrl: true, nameRead: false, stageRead: false, anchor: 'floating' });

    setUrl('https://app.greenhouse.io/settings');
    start({ onYield: (r) => reports.push(r) });
    expect(reports.at(-1)).toMatchObject({ adapterId: 'greenhouse', kind: 'none', anchor: 'none' });
  });
});
