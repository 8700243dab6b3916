import { safe } from './define';
import { roots } from './dom';
import type { Mount, PageKind, SiteAdapter } from './types';

/**
 * Runs the matching site adapter on the current page and keeps its buttons in place: on SPA navigation
 * (WXT's `wxt:locationchange` for history and hash changes, and DOM changes) it re-evaluates; when the URL
 * changes, everything injected for the previous page is torn down (its AbortSignal fires).
 */

export interface PlaceContext {
  adapter: SiteAdapter;
  kind: PageKind;
  /** Aborted when the page changes: remove what you placed, stop listening. */
  signal: AbortSignal;
}

export interface SiteManagerOptions {
  adapters: readonly SiteAdapter[];
  /** Adapters an admin switched off are skipped. */
  isEnabled?(adapterId: string): boolean;
  /** Place UI for one mount; return the element placed (removed on teardown). */
  place(mount: Mount, ctx: PlaceContext): Element;
  /** Place a floating button when a candidate page offers no anchor. */
  placeFloating?(mount: Omit<Mount, 'anchor' | 'position'>, ctx: PlaceContext): Element;
  /**
   * Calls back on every URL change of the page (pushState from the page's own world, hash routes, back/forward),
   * even one that changes no DOM: the content script passes WXT's `wxt:locationchange`
   * (`ctx.addEventListener(window, 'wxt:locationchange', …)`), which stops with the content script.
   */
  watchLocation(onChange: () => void): void;
  /** What each evaluation found (Sites → health): called after every pass on a page an adapter knows. */
  onYield?(report: PageYield): void;
  window?: Window;
}

/** What a page gave the adapter: whether its id came from the URL, what it read, and where the button went. */
export interface PageYield {
  adapterId: string;
  kind: PageKind | 'none';
  idFromUrl: boolean;
  nameRead: boolean;
  stageRead: boolean;
  anchor: 'found' | 'floating' | 'none';
  rows: number;
  recipe?: string;
}

export function startSiteManager(options: SiteManagerOptions): { stop(): void; evaluate(): void } {
  const win = options.window ?? window;
  const doc = win.document;
  let pageController: AbortController | null = null;
  let pageHref = '';
  /** What is placed on this page, by candidate id and anchor, so re-evaluation does not duplicate it. */
  let placed = new Map<string, Element>();
  const observed = new WeakSet<ShadowRoot | Document>();

  function teardown() {
    pageController?.abort();
    for (const element of placed.values()) element.remove();
    placed = new Map();
  }

  function evaluate() {
    const href = win.location.href;
    if (href !== pageHref) {
      teardown();
      pageHref = href;
      pageController = new AbortController();
    }
    const url = new URL(href);
    const adapter = options.adapters.find((a) => a.isSite(url) && (options.isEnabled?.(a.id) ?? true));
    const kind = adapter?.pageKind(url);
    if (adapter && !kind) {
      options.onYield?.({ adapterId: adapter.id, kind: 'none', idFromUrl: false, nameRead: false, stageRead: false, anchor: 'none', rows: 0, recipe: adapter.recipeInUse?.(url) });
    }
    if (!adapter || !kind || !pageController) return;
    const ctx: PlaceContext = { adapter, kind, signal: pageController.signal };

    let mounts: Mount[];
    try {
      mounts = adapter.mounts(doc, url, kind);
    } catch {
      mounts = []; // a page the adapter cannot read still gets the floating button below
    }
    const seen = new Set<string>();
    const keyOf = (c: Mount['candidate']) => `${c.siteCandidateId}:${c.siteApplicationId ?? ''}`;
    for (const mount of mounts) {
      const key = `${kind}:${keyOf(mount.candidate)}`;
      seen.add(key);
      const existing = placed.get(key);
      if (existing?.isConnected) continue;
      existing?.remove();
      placed.set(key, options.place(mount, ctx));
    }
    // A candidate page whose candidate got no anchored button gets the floating one, acting on the same candidate
    // with every id its URL (or its person link) gives: the adapter reads it once for both.
    const id = adapter.candidateId(url);
    const candidate = kind === 'candidate' && options.placeFloating ? safe(() => adapter.candidate?.(doc, url) ?? (id ? { siteCandidateId: id } : null)) : null;
    // Anchored already: the same person, and the same application when the page names one.
    const anchored = mounts.some((m) => m.candidate.siteCandidateId === candidate?.siteCandidateId && (!candidate.siteApplicationId || m.candidate.siteApplicationId === candidate.siteApplicationId));
    const floating = candidate && !anchored ? { candidate } : undefined;
    const floatingKey = floating && `floating:${keyOf(floating.candidate)}`;
    if (floatingKey) seen.add(floatingKey);
    // Rows that left the DOM (a filtered list, a card moved out of Hired), or another candidate shown on the same
    // address (Application Review), lose their button.
    for (const [key, element] of placed) {
      if (!seen.has(key)) {
        element.remove();
        placed.delete(key);
      }
    }
    if (floating && floatingKey && !placed.get(floatingKey)?.isConnected) placed.set(floatingKey, options.placeFloating!(floating, ctx));
    // Content in open shadow roots (SmartRecruiters) changes without touching the document: watch them too.
    for (const root of roots(doc).slice(1)) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, { childList: true, subtree: true });
    }
    options.onYield?.({
      adapterId: adapter.id,
      kind,
      idFromUrl: kind === 'candidate' && !!id,
      nameRead: mounts.some((m) => !!m.candidate.fullName),
      stageRead: mounts.some((m) => !!m.candidate.stage),
      anchor: floatingKey ? 'floating' : mounts.length ? 'found' : 'none',
      rows: kind === 'candidate' ? 0 : mounts.length,
      recipe: adapter.recipeInUse?.(url),
    });
  }

  // DOM changes: batched to one evaluation per frame. They also reveal SPA navigations (pushState from the
  // page's own world is invisible to a content script, but it always changes the DOM).
  let scheduled = false;
  let stopped = false;
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    win.requestAnimationFrame(() => {
      scheduled = false;
      // A frame scheduled just before stop() must not place buttons again (e.g. after an extension update).
      if (!stopped) evaluate();
    });
  };
  const observer = new MutationObserver((records) => {
    // Our own insertions do not need another pass.
    if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => (n as Element).localName === 'hirebridge-action'))) return;
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  options.watchLocation(schedule);
  evaluate();

  return {
    evaluate,
    stop() {
      stopped = true;
      observer.disconnect();
      teardown();
    },
  };
}
