import { sendIntent } from '@/lib/messaging/client';
import type { HiddenReason } from '@/lib/dialogs/intents';
import type { ClickGuard } from './click-guard';
import { t } from './frame-messages';

/**
 * Clickjacking guard of the framed dialogs. A page cannot read or script the frame, but it can still paint over it,
 * make it transparent, move it or shrink it, and get the recruiter to click Export or Sync without seeing it. A
 * click is refused, with the reason, unless at that moment:
 * - Chromium: IntersectionObserver v2 (`trackVisibility`) says the dialog is visible — nothing painted over it, no
 *   opacity, filter or transform on it or any ancestor, the page's too (https://w3c.github.io/IntersectionObserver/v2/)
 *   — both the observer watching since the dialog opened (it reports at most every `delay` ms, so a cover taken away
 *   just before the click still counts) and a fresh one asked at the click (a cover put down just before it counts);
 * - every browser (Firefox has no v2): the dialog lies inside the top-level window (IntersectionObserver v1 in a
 *   cross-origin frame measures against the top-level viewport), the tab is visible, and the content script that
 *   framed it (asked through the worker) finds the frame unfaded, unmoved, full-size and on top at the clicked point.
 */

const V2_DELAY_MS = 100;
/** How long a click waits for the first IntersectionObserver report (it comes after `delay`). */
const FIRST_REPORT_MS = 1_000;

interface IntersectionObserverV2Init extends IntersectionObserverInit {
  trackVisibility?: boolean;
  delay?: number;
}

export function createFrameGuard(token: string): { guard: ClickGuard; watch(target: Element): void } {
  const v2 = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
  let visible: boolean | undefined;
  let ratio: number | undefined;
  let reported: () => void = () => undefined;
  let firstReport = new Promise<void>((resolve) => (reported = resolve));
  let observer: IntersectionObserver | undefined;
  let watched: Element | undefined;

  /**
   * What the browser sees right now: a new observer's first report comes at the next rendering update, without the
   * running one's `delay` (a cover put down just before the click is in it; the running observer may not know yet).
   */
  const seenNow = (target: Element) =>
    new Promise<boolean | undefined>((resolve) => {
      const once = new IntersectionObserver(
        (entries) => {
          once.disconnect();
          resolve((entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true);
        },
        { threshold: [0], trackVisibility: true, delay: V2_DELAY_MS } as IntersectionObserverV2Init,
      );
      once.observe(target);
      setTimeout(() => (once.disconnect(), resolve(undefined)), FIRST_REPORT_MS);
    });

  function watch(target: Element) {
    watched = target;
    observer?.disconnect();
    visible = undefined;
    ratio = undefined;
    firstReport = new Promise<void>((resolve) => (reported = resolve));
    const options: IntersectionObserverV2Init = { threshold: [0, 0.5, 0.99, 1] };
    if (v2) Object.assign(options, { trackVisibility: true, delay: V2_DELAY_MS });
    observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      ratio = last.intersectionRatio;
      if (v2) visible = (last as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
      reported();
    }, options);
    observer.observe(target);
  }

  const guard: ClickGuard = async (event) => {
    const refuse = (why: HiddenReason) => t('refused', { why: t(why) });
    if (document.visibilityState !== 'visible') return refuse('hidden');
    if (ratio === undefined) await Promise.race([firstReport, new Promise((resolve) => setTimeout(resolve, FIRST_REPORT_MS))]);
    if (ratio === undefined) return refuse('hidden');
    // Where the click landed, in this frame's coordinates (a keyboard "click" has none: the button's middle).
    const target = event.target instanceof Element ? event.target.getBoundingClientRect() : undefined;
    const point =
      event.detail > 0 || (event.clientX > 0 && event.clientY > 0)
        ? { x: event.clientX, y: event.clientY }
        : { x: (target?.left ?? 0) + (target?.width ?? 0) / 2, y: (target?.top ?? 0) + (target?.height ?? 0) / 2 };
    // The page's side first, for the most precise reason it can give (faded, moved, covered where clicked)…
    const answer = await sendIntent('checkDialogFrame', { token, point: { x: Math.max(0, point.x), y: Math.max(0, point.y) } }).catch(() => null);
    if (!answer?.ok) return refuse('gone');
    if (!answer.value.visible) return refuse(answer.value.reason);
    // …then what the browser itself saw (a layer over it that lets clicks through, which the page side cannot see):
    // both visible for a while (the running observer: a cover lifted just before the click still counts) and now.
    if (v2 && !visible) return refuse('covered');
    if (v2 && watched && (await seenNow(watched)) !== true) return refuse('covered');
    if (ratio < 0.99) return refuse('offscreen');
    return null;
  };

  return { guard, watch };
}
