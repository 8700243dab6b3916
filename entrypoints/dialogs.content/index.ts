import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import { sendIntent } from '@/lib/messaging/client';
import type { FrameVisibility, StageDialogInput } from '@/lib/dialogs/intents';
import type { SourcedOnPage } from '@/lib/sourcing/intents';
import type { Result } from '@/lib/messaging/result';
import type { FrameRelay } from '@/lib/dialogs/frames';
import { readPageProfile } from '@/lib/sites/profile-reader';
import { fetchResume } from '@/lib/sites/resume';
import type { DialogRequest, DialogsApi } from '@/lib/sites/ui/dialog-loader';
import { DIALOGS_GLOBAL } from '@/lib/sites/ui/globals';
import { t } from '@/lib/sites/ui/messages';

/**
 * What opens the dialogs, injected by the service worker into a tab on first use (never with the page): on an ATS
 * page after a click on a button, or on any page the user opened Hirebridge on (toolbar icon, activeTab).
 *
 * The dialogs themselves render in dialog.html, an extension page framed here (web_accessible_resources): the page
 * can neither read what they show (the company's jobs, legal entities, teams, people) nor hear what is typed in them,
 * as it could in a shadow root of its own DOM. This script stages the request with the worker (for Sync, with what it
 * read from the page) and frames the page that claims it; the frame talks only to the worker, which relays its
 * "close" and "am I visible?" back here. Nothing goes through the page's window (postMessage), which the page could
 * read or forge. The frame goes with its candidate: on SPA navigation, when the page removes its button or the
 * frame, or when anything navigates the frame away from the dialog.
 */

const CSS = `
:host { all: initial !important; }
iframe { all: initial; position: fixed; inset: 0; width: 100%; height: 100%; border: 0; margin: 0; padding: 0;
  z-index: 2147483647; display: block; background: transparent; color-scheme: light; opacity: 1; visibility: visible; }
`;

interface Open {
  token: string;
  host: HTMLElement;
  frame: HTMLIFrameElement;
  request: DialogRequest;
  watcher: MutationObserver;
}

export default defineContentScript({
  matches: [...BUILT_IN_ATS_HOSTS],
  registration: 'runtime',
  // WXT's start-up notice by a DOM event only, not by window.postMessage, which the page hears (it names the extension).
  noScriptStartedPostMessage: true,
  main(ctx) {
    let open: Open | undefined;
    /** The latest open; a slower earlier one that resolves after it is dropped. */
    let opening = 0;

    /** A frame that asked to be closed, kept (hidden, emptied) for a moment: see close(). */
    let leaving: HTMLElement | undefined;
    const removeLeaving = () => {
      leaving?.remove();
      leaving = undefined;
    };

    /**
     * `asked`: the frame asked (Cancel, Close, Escape), after emptying itself. Its element then goes a moment later:
     * taking a frame out of the page while the click that closed it is still being handled can leave that click
     * unacknowledged (Chromium's input routing to an out-of-process frame; seen as an automated click that never
     * returns). Hidden at once, so the page and the person see it gone.
     */
    const close = (current: Open, returnFocus = true, asked = false) => {
      if (open !== current) return;
      open = undefined;
      current.watcher.disconnect();
      removeLeaving();
      if (asked) {
        current.host.style.setProperty('display', 'none', 'important');
        leaving = current.host;
        setTimeout(removeLeaving, 1_000);
      } else current.host.remove();
      current.request.onSettled?.();
      if (returnFocus && current.request.returnFocus?.isConnected) current.request.returnFocus.focus();
    };

    /** What the page says about the person: the adapter's reading first, the generic one for the rest. */
    const sourced = (request: Extract<DialogRequest, { kind: 'sync' }>): SourcedOnPage => {
      const url = new URL(location.href);
      const generic = readPageProfile(document, url, request.siteName);
      const c = request.candidate;
      return {
        adapterId: request.adapterId,
        siteCandidateId: c?.siteCandidateId,
        fullName: c?.fullName ?? generic.fullName,
        email: c?.email ?? generic.email,
        phone: c?.phone ?? generic.phone,
        headline: generic.headline ?? c?.jobTitle,
        stage: c?.stage ?? generic.stage,
        rating: generic.rating,
        summary: generic.summary,
        transcript: generic.transcript,
        resumeUrl: generic.resumeUrl,
        sourceUrl: url.href,
        sourceSite: generic.sourceSite,
      };
    };

    /** Whether the page shows the frame to the person at `point` (frame coordinates), as far as this world can tell. */
    const visibility = (current: Open, point: { x: number; y: number }): FrameVisibility => {
      const { frame, host } = current;
      if (!frame.isConnected) return { visible: false, reason: 'gone' };
      // Nothing up the chain (the frame, its shadow host, the page's own elements) fades, hides or moves it.
      for (let el: Element | null = frame; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null)) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility !== 'visible' || style.contentVisibility === 'hidden') return { visible: false, reason: 'hidden' };
        if (Number(style.opacity) < 1 || style.filter !== 'none' || style.mixBlendMode !== 'normal' || style.clipPath !== 'none' || (style.mask && style.mask !== 'none')) {
          return { visible: false, reason: 'transparent' };
        }
        if (style.transform !== 'none' || style.translate !== 'none' || style.scale !== 'none' || style.rotate !== 'none') return { visible: false, reason: 'transformed' };
      }
      // It covers the window, as it was made to.
      const rect = frame.getBoundingClientRect();
      const view = document.documentElement;
      if (rect.left > 1 || rect.top > 1 || rect.width < view.clientWidth - 1 || rect.height < view.clientHeight - 1) return { visible: false, reason: 'resized' };
      // And it is what is on top where the person clicked (a page element over it, or in the top layer, is not).
      const x = rect.left + point.x;
      const y = rect.top + point.y;
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) return { visible: false, reason: 'offscreen' };
      return document.elementFromPoint(x, y) === host ? { visible: true } : { visible: false, reason: 'covered' };
    };

    // The worker relays the frame's "close" and "am I visible?"; only for the frame open now, with its token.
    const relay = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      const relayed = (message as Partial<FrameRelay> | null)?.hirebridgeDialogFrame;
      if (!relayed || sender.id !== browser.runtime.id || sender.tab || !open || relayed.token !== open.token) return undefined;
      if (relayed.op === 'close') {
        close(open, true, true);
        return Promise.resolve(null);
      }
      return Promise.resolve(visibility(open, relayed.point));
    };
    browser.runtime.onMessage.addListener(relay);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(relay);
      if (open) close(open, false);
      removeLeaving();
    });
    // SPA navigation: the page's candidate (and its button) go, and so does the dialog.
    ctx.addEventListener(window, 'wxt:locationchange', () => open && close(open, false));

    const stage = async (request: DialogRequest): Promise<{ input: StageDialogInput; staged: Result<{ token: string }> }> => {
      if (request.kind === 'export') {
        const input: StageDialogInput = { kind: 'export', adapterId: request.adapterId, candidate: request.candidate };
        return { input, staged: await (request.staged ?? sendIntent('stageDialog', input)) };
      }
      const page = sourced(request);
      const input: StageDialogInput = { kind: 'sync', page: { ...page, transcript: page.transcript ?? [] }, resumeLinked: !!page.resumeUrl };
      return { input, staged: await sendIntent('stageDialog', input) };
    };

    const mount = (request: DialogRequest, token: string): Open => {
      const host = document.createElement('hirebridge-dialog');
      // Open, so assistive tech and tests reach the frame; what it shows is in the frame, out of the page's reach.
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = CSS;
      const frame = document.createElement('iframe');
      frame.title = t('dialogFrame');
      frame.src = `${browser.runtime.getURL('/dialog.html')}#${token}`;
      shadow.append(style, frame);
      const current: Open = {
        token,
        host,
        frame,
        request,
        // The page removed the frame or the candidate's button: the dialog goes too.
        watcher: new MutationObserver(() => {
          if (!host.isConnected || (request.returnFocus && !request.returnFocus.isConnected)) close(current, false);
        }),
      };
      let loads = 0;
      frame.addEventListener('load', () => {
        // Loaded once, as made; any later load is the frame navigated away (by the page): it goes.
        if (++loads > 1) return close(current);
        frame.focus();
      });
      (document.body ?? document.documentElement).append(host);
      current.watcher.observe(document, { childList: true, subtree: true });
      return current;
    };

    const api: DialogsApi = {
      open(request) {
        if (open) close(open, false);
        removeLeaving();
        const seq = ++opening;
        stage(request)
          .then(({ input, staged }) => {
            if (seq !== opening) return;
            if (!staged.ok) return window.alert(`Hirebridge: ${staged.error.message}`);
            open = mount(request, staged.value.token);
            // Sync: the resume the page links to, downloaded with the page's session, handed to the frame by the worker.
            if (input.kind === 'sync' && input.page.resumeUrl) {
              const token = staged.value.token;
              fetchResume(input.page.resumeUrl)
                .then(
                  (resume) => sendIntent('handDialogResume', { token, resume }),
                  (error: Error) => sendIntent('handDialogResume', { token, error: error.message.slice(0, 500) }),
                )
                .catch(() => undefined); // the frame says the resume could not be downloaded
            }
          })
          .catch((error: unknown) => {
            // Unexpected: logged with its stack (it holds no key nor page data), then plain words for the person.
            console.error('Hirebridge: the dialog could not be opened', error);
            if (seq === opening) window.alert(`Hirebridge: ${t('formNotOpened')}`);
          });
      },
    };
    (globalThis as unknown as Record<string, DialogsApi>)[DIALOGS_GLOBAL] = api;
  },
});
