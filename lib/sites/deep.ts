/**
 * Open shadow roots read like the page. A recipe's selector may cross into them with ` >>> ` (the old shadow-piercing
 * combinator, which no browser parses, so it cannot be mistaken for CSS): `sr-candidate-header >>> h1` is the `h1`
 * inside the open shadow root of `sr-candidate-header`. Each part is a plain CSS selector, only ever given to
 * querySelectorAll. Closed shadow roots stay closed. Pure DOM; no storage, no messages.
 */

export const SHADOW = ' >>> ';
const SPLIT = /\s*>>>\s*/;

/** Every element the selector names under `root` (a document, an element or a shadow root). Throws on bad CSS. */
export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const parts = selector.split(SPLIT).map((part) => part.trim());
  if (parts.some((part) => !part)) throw new SyntaxError('empty selector part');
  let scopes: ParentNode[] = [root];
  let found: Element[] = [];
  parts.forEach((part, index) => {
    found = [...new Set(scopes.flatMap((scope) => Array.from(scope.querySelectorAll(part))))];
    if (index < parts.length - 1) scopes = found.map((el) => el.shadowRoot).filter((shadow): shadow is ShadowRoot => !!shadow);
  });
  return found;
}

/** The first element the selector names, or null (also for a selector that is not valid CSS). */
export function queryDeep(root: ParentNode, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return queryAllDeep(root, selector)[0] ?? null;
  } catch {
    return null;
  }
}

/** The element's parent, crossing from a shadow root's top to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}

export const isShadowRoot = (node: Node): node is ShadowRoot => node.nodeType === 11 && 'host' in node && !!(node as ShadowRoot).host;

/** Is `el` inside `outer` (or `outer` itself), shadow roots included? */
export function containsDeep(outer: Element, el: Element): boolean {
  for (let node: Element | null = el; node; node = composedParent(node)) if (node === outer) return true;
  return false;
}

/** The elements under `root` and inside every open shadow root in it, in document order, up to `limit`. */
export function elementsDeep(root: ParentNode, limit = 5000): Element[] {
  const out: Element[] = [];
  const walk = (scope: ParentNode) => {
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      if (out.length >= limit) return;
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  // An element's own open shadow root is under it too (a row that is a custom element).
  if ((root as Element).shadowRoot) walk((root as Element).shadowRoot!);
  return out;
}

/**
 * Links in an element, shadow roots included: any element with an `href` (`<a>`, and custom link elements like
 * SmartRecruiters' `<sr-link href>`), the element itself first.
 */
export function linksIn(el: Element, limit = 20): Element[] {
  const own = el.hasAttribute('href') ? [el] : [];
  return [...own, ...elementsDeep(el, 2000).filter((node) => node.hasAttribute('href'))].slice(0, limit);
}

/** The first `mailto:` / `tel:` link's address under `root`, shadow roots included. */
export function linkValue(root: ParentNode, scheme: 'mailto:' | 'tel:', max: number): string | undefined {
  const link = (root as Element).getAttribute?.('href')?.startsWith(scheme) ? (root as Element) : elementsDeep(root, 3000).find((el) => el.getAttribute('href')?.startsWith(scheme));
  const raw = link?.getAttribute('href')?.slice(scheme.length).split('?')[0];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).trim().slice(0, max) || undefined;
  } catch {
    return undefined; // a stray `%` costs this one field, not the button
  }
}
