/**
 * Reading a page the way its user sees it: through open shadow roots (SmartRecruiters renders its app in web
 * components) and through links that are custom elements (`<sr-link href>`). Closed shadow roots stay closed.
 */

/** The document and every open shadow root under it (nested ones included), in document order. */
export function roots(doc: Document | ShadowRoot): (Document | ShadowRoot)[] {
  const out: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < out.length; i++) {
    const walker = (out[i] as Node).ownerDocument ?? (out[i] as Document);
    const it = walker.createTreeWalker(out[i], NodeFilter.SHOW_ELEMENT);
    for (let node = it.nextNode() as Element | null; node; node = it.nextNode() as Element | null) {
      if (node.shadowRoot) out.push(node.shadowRoot);
    }
  }
  return out;
}

/** Every element matching `selector`, in the page and in its open shadow roots. A selector the browser refuses matches nothing. */
export function queryAllDeep<E extends Element = Element>(all: readonly (Document | ShadowRoot | Element)[], selector: string): E[] {
  try {
    return all.flatMap((root) => [...root.querySelectorAll<E>(selector)]);
  } catch {
    return [];
  }
}

export const queryDeep = <E extends Element = Element>(all: readonly (Document | ShadowRoot | Element)[], selector: string): E | null =>
  queryAllDeep<E>(all, selector)[0] ?? null;

/** The address an element links to: an `<a href>`, or any element carrying `href` (`<sr-link href>`), resolved against the page. */
export function hrefOf(el: Element): URL | null {
  const href = el.getAttribute('href');
  if (!href || /^\s*(?:javascript|data|mailto|tel):/i.test(href)) return null;
  try {
    return new URL(href, el.ownerDocument.baseURI);
  } catch {
    return null;
  }
}

/** The nearest element with an `href` around `el` (itself included), crossing shadow boundaries. */
export function linkAround(el: Element): Element | null {
  for (let node: Element | null = el; node; ) {
    if (node.hasAttribute('href')) return node;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return null;
}
