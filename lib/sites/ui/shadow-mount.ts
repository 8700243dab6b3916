/**
 * The one in-page mount that is not WXT's createShadowRootUi: a custom element holding an open shadow root with its
 * own styles. WXT's helper serves the dialogs and the page teacher (entrypoints/*.content), but it is async, needs a
 * content-script context and wraps the UI in html/head/body; the per-candidate button ships with every ATS page and
 * is created synchronously once per candidate, and the popup's export dialog has no content-script context at all.
 * Open, so assistive tech and tests see it like the rest of the page; nothing mounted here holds anything secret.
 */
export function mountShadow(tagName: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tagName);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
