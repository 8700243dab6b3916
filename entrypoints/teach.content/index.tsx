import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TeachPanel } from '@/components/teach/TeachPanel';
import teachCss from '@/components/teach/teach.css?inline';
import { BUILT_IN_ATS_HOSTS } from '@/lib/hosts';
import { zodMessagesInEnglish } from '@/lib/i18n/zod';
import { TEACHER_GLOBAL } from '@/lib/sites/ui/globals';
import type { TeacherApi } from '@/lib/sites/ui/teacher-loader';

/**
 * "Teach this page" (the element picker), injected by the service worker into a tab on an admin's click: on an ATS
 * page whose adapter found no place for its button, or on the page in the current tab (popup). Its own shadow root
 * (WXT's createShadowRootUi) keeps the page's styles out; the recipe goes to the worker as an intent.
 */
export default defineContentScript({
  matches: [...BUILT_IN_ATS_HOSTS],
  registration: 'runtime',
  // WXT's start-up notice by a DOM event only, not by window.postMessage, which the page hears (it names the extension).
  noScriptStartedPostMessage: true,
  main(ctx) {
    zodMessagesInEnglish();
    let ui: ShadowRootContentScriptUi<Root> | undefined;
    const api: TeacherApi = {
      open({ returnFocus }) {
        if (ui) return;
        void createShadowRootUi(ctx, {
          name: 'hirebridge-teach',
          position: 'inline',
          anchor: 'body',
          append: 'last',
          css: teachCss,
          onMount(container, _shadow, shadowHost) {
            const root = createRoot(container);
            const close = () => {
              ui?.remove();
              ui = undefined;
              if (returnFocus?.isConnected) returnFocus.focus();
            };
            flushSync(() => root.render(<TeachPanel host={shadowHost} onClose={close} />));
            return root;
          },
          onRemove: (root) => root?.unmount(),
        }).then((created) => {
          ui = created;
          created.mount();
          created.shadow.querySelector<HTMLButtonElement>('.hb-teach-fields button')?.focus();
        });
      },
    };
    (globalThis as unknown as Record<string, TeacherApi>)[TEACHER_GLOBAL] = api;
  },
});
