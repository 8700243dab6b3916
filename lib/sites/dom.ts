import { composedParent, elementsDeep } from './deep';

/**
 * Reading a page the way its user sees it: through open shadow roots (SmartRecruiters renders its app in web
 * components) and through links that are custom elements (`<sr-link href>`). Closed shadow roots stay closed.
 */

/** The document and every open shadow root under it (nested ones included), in document order. */
export const roots = (doc: Document | ShadowRoot): (Document | ShadowRoot)[] => [doc, ...elementsDeep(doc, 1e6).flatMap((el) => el.shadowRoot ?? [])];

/** Every element matching `selector`, in the page and in its open shadow roots. A selector the browser refuses matches nothing. */
export function queryAllDeep<E extends Element = Element>(all: readonly (Document | ShadowRoot | Element)[], selector: string): E[] {
  try {
    return all.flatMap((root) => [...root.querySelectorAll<E>(selector)]);
  } catch {
    return [];
  }
}


/**
 * The address an element links to: an `<a href>`, or any element carrying `href` (`<sr-link href>`), resolved
 * against the page (a `javascript:` or `mailto:` one has no origin, so it never passes for the ATS's own page).
 */
export function hrefOf(el: Element): URL | null {
  const href = el.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, el.ownerDocument.baseURI);
  } catch {
    return null;
  }
}

/** The nearest element with an `href` around `el` (itself included), crossing shadow boundaries. */
export function linkAround(el: Element): Element | null {
  for (let node: Element | null = el; node; node = composedParent(node)) if (node.hasAttribute('href')) return node;
  return null;
}
