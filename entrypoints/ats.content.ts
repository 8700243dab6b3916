import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import { askUntilAnswered, sendIntent } from '@/lib/messaging/client';
import type { PageCandidate } from '@/lib/export/intents';
import { applyRecipes } from '@/lib/recipes/apply';
import { onRecipesChange, readRecipes } from '@/lib/recipes/queries';
import { ADAPTERS } from '@/lib/sites/adapters';
import { startSiteManager, type PageYield } from '@/lib/sites/manager';
import type { Mount } from '@/lib/sites/types';
import { createActionButton, type ActionButton } from '@/lib/sites/ui/action-button';
import { openDialog, prepareDialog } from '@/lib/sites/ui/dialog-loader';
import { t } from '@/lib/sites/ui/messages';
import { openTeacher } from '@/lib/sites/ui/teacher-loader';

/**
 * On ATS pages: the site manager finds candidates and places an "Export to FactorialHR" button for each; the
 * service worker says which can be exported (one request per batch of buttons). Also registered at run time for
 * hosts an admin granted (the sandbox's demo ATS, self-hosted ATSs).
 */
export default defineContentScript({
  matches: [...BUILT_IN_ATS_HOSTS],
  runAt: 'document_idle',
  // WXT's start-up notice goes by a DOM event only, not also by window.postMessage into the ATS page (which wakes
  // every message listener the page has).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The admin's recipes (storage.local, written only by the worker), read while the page loads.
    let recipes = readRecipes();
    let pending: { adapterId: string; candidate: PageCandidate; button: ActionButton }[] = [];
    let flush: number | undefined;

    // The worker may be stopped or starting (Chrome stops it when idle): a question it has not answered is asked
    // again, with the wait shown on the buttons; one under way (an export resumed by a restarted worker) is asked
    // again until it settles.
    const RE_ASK_MS = 2_000;
    const refresh = (all: typeof pending, failures = 0) => {
      const batch = all.filter((b) => b.button.host.isConnected);
      const adapterId = batch[0]?.adapterId;
      if (!adapterId || ctx.isInvalid) return;
      askUntilAnswered(
        () => sendIntent('pageCandidatesStatus', { adapterId, candidates: batch.map((b) => b.candidate) }),
        () => batch.forEach((b) => b.button.setStatus({ error: t('stillWaiting') })),
      )
        .then((result) => {
          if (!result.ok) return batch.forEach((b) => (result.error.code === 'forbidden' ? b.button.host.remove() : b.button.setStatus({ error: result.error.message })));
          const underWay: typeof pending = [];
          batch.forEach((b) => {
            const status = result.value.find((s) => s.siteCandidateId === b.candidate.siteCandidateId);
            if (status) b.button.setStatus(status);
            if (status?.state === 'exporting') underWay.push(b);
          });
          if (underWay.length) ctx.setTimeout(() => refresh(underWay), RE_ASK_MS);
        })
        .catch(() => {
          // This content script belongs to an extension that was reloaded or updated: its buttons go.
          if (ctx.isInvalid) return batch.forEach((b) => b.button.host.remove());
          batch.forEach((b) => b.button.setStatus({ error: t('noAnswer') }));
          ctx.setTimeout(() => refresh(batch, failures + 1), Math.min(10_000, 1_000 * 2 ** failures));
        });
    };

    // Asked once per site: whether its candidates can also be synced into the connected ATS.
    const syncOffered = new Map<string, Promise<boolean>>();
    const offerSync = (adapterId: string, siteName: string, candidate: PageCandidate, button: ActionButton) => {
      if (!syncOffered.has(adapterId)) syncOffered.set(adapterId, sendIntent('syncOffered', { adapterId }).then((r) => r.ok && r.value, () => false));
      void syncOffered.get(adapterId)!.then((offered) => {
        if (offered) button.addSyncAction((element) => openDialog({ kind: 'sync', adapterId, siteName, candidate, returnFocus: element }));
      });
    };

    const place = (
      mount: Pick<Mount, 'candidate'> & Partial<Pick<Mount, 'anchor' | 'position'>>,
      adapterId: string,
      floating: boolean,
      context?: { kind: string; siteName: string },
    ) => {
      const candidate = mount.candidate as PageCandidate;
      const button: ActionButton = createActionButton({
        floating,
        onClick: (element) =>
          openDialog({ kind: 'export', adapterId, candidate, returnFocus: element, onSettled: () => refresh([{ adapterId, candidate, button }]) }),
        // About to click: the dialog's code and this form's data are fetched now, so the form is there on the click.
        onPrepare: (action) => prepareDialog(action === 'export' ? { kind: 'export', adapterId, candidate } : { kind: 'sync' }),
      });
      button.setStatus('checking');
      if (context?.kind === 'candidate') offerSync(adapterId, context.siteName, candidate, button);
      // The adapter found no place for the button: an admin may teach it one (never offered on a recruiter's browser).
      if (floating) {
        teachOffered ??= sendIntent('teachOffered', undefined).then((r) => r.ok && r.value, () => false);
        void teachOffered.then((offered) => offered && button.addTeachAction((element) => void openTeacher(element)));
      }
      if (floating || !mount.anchor) document.body.append(button.host);
      else mount.anchor[mount.position === 'before' ? 'before' : mount.position === 'after' ? 'after' : mount.position === 'prepend' ? 'prepend' : 'append'](button.host);
      pending.push({ adapterId, candidate, button });
      flush ??= window.setTimeout(() => {
        flush = undefined;
        const batch = pending;
        pending = [];
        refresh(batch);
      }, 0);
      return button.host;
    };

    let teachOffered: Promise<boolean> | undefined;

    // What the page yielded, for Sites → health: sent when it changes, once the page has settled for a moment.
    let lastYield = '';
    let nextYield = '';
    let yieldTimer: number | undefined;
    const reportYield = (report: PageYield) => {
      // A hash-routed app's page is in its fragment's route (`/#/candidates/123`), never its query or a plain anchor.
      const route = /^#!?\//.test(location.hash) ? location.hash.split('?')[0] : '';
      const message = { ...report, host: location.hostname, path: `${location.pathname}${route}`.slice(0, 300) };
      const text = JSON.stringify(message);
      if (text === nextYield || (text === lastYield && !yieldTimer)) return;
      nextYield = text;
      window.clearTimeout(yieldTimer);
      yieldTimer = window.setTimeout(() => {
        yieldTimer = undefined;
        lastYield = text;
        sendIntent('reportSiteYield', message).catch(() => undefined); // health is a hint: the next page reports again
      }, 400);
    };

    // Start when the page's main thread is idle (at the latest after 300 ms), so the ATS's own load never waits for us.
    let manager: ReturnType<typeof startSiteManager> | undefined;
    const start = async () => {
      if (ctx.isInvalid || manager) return;
      const adapters = applyRecipes(ADAPTERS, (await recipes).map((entry) => entry.recipe));
      if (ctx.isInvalid || manager) return;
      manager = startSiteManager({
        adapters,
        onYield: reportYield,
        place: (mount, { adapter, kind }) => place(mount, adapter.id, false, { kind, siteName: adapter.name }),
        placeFloating: (mount, { adapter, kind }) => place(mount, adapter.id, true, { kind, siteName: adapter.name }),
        // WXT's own watcher (the Navigation API, else a poll), removed when this content script is invalidated.
        watchLocation: (onChange) => ctx.addEventListener(window, 'wxt:locationchange', onChange),
      });
    };
    // Firefox and Chrome both have requestIdleCallback; the fallback is for anything else.
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => void start(), { timeout: 300 });
    else setTimeout(() => void start(), 0);
    // A recipe taught, edited or removed applies at once: the buttons are placed again with it.
    const unwatch = onRecipesChange((value) => {
      recipes = Promise.resolve(value);
      manager?.stop();
      manager = undefined;
      void start();
    });
    ctx.onInvalidated(() => {
      unwatch();
      manager?.stop();
    });
  },
});
