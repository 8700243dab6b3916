import { composedParent, isShadowRoot, queryAllDeep, SHADOW } from '../sites/deep';

/**
 * CSS selectors for elements an admin points at ("Teach this page"), made to survive the page's next release:
 * ids, test and data attributes, ARIA labels and meaningful classes first; position (`:nth-of-type`) only as a last
 * resort. Every selector is checked against the live document: a field's selector matches exactly that element, a
 * list's row selector matches every row like it.
 */

/** Attributes apps keep stable for their own tests and automation, most telling first. */
const STABLE_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-automation-id', 'data-field', 'itemprop', 'aria-label', 'name', 'role'];

/** Ids and classes a build tool or framework made up (`css-1x2y3z`, `sc-bdfBwQ`, `ember123`, `:r1:`): they change. */
export function looksGenerated(value: string): boolean {
  return (
    /\d{3,}/.test(value) ||
    /^(?:css|sc|jsx|ember|svelte|emotion|styled|jss)-/i.test(value) ||
    /^[a-f0-9]{6,}$/i.test(value) ||
    /^:|:$/.test(value) ||
    /__[A-Za-z0-9]{5,}$/.test(value) ||
    value.length > 60
  );
}

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
const escapeIdent = (value: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`));

/** Selectors that could name this element on their own, best first (not yet checked for uniqueness). */
export function simpleSelectors(el: Element): string[] {
  const tag = el.localName;
  const out: string[] = [];
  if (el.id && !looksGenerated(el.id)) out.push(`#${escapeIdent(el.id)}`);
  for (const name of STABLE_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value && value.length <= 80 && !looksGenerated(value)) out.push(`${tag}[${name}=${quote(value)}]`);
  }
  for (const attr of Array.from(el.attributes)) {
    if (!attr.name.startsWith('data-') || STABLE_ATTRIBUTES.includes(attr.name)) continue;
    if (attr.value && attr.value.length <= 60 && !looksGenerated(attr.value)) out.push(`${tag}[${attr.name}=${quote(attr.value)}]`);
    else out.push(`${tag}[${attr.name}]`);
  }
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? '';
    if (href.startsWith('mailto:')) out.push('a[href^="mailto:"]');
    if (href.startsWith('tel:')) out.push('a[href^="tel:"]');
  }
  const classes = Array.from(el.classList).filter((c) => !looksGenerated(c)).slice(0, 3);
  for (const c of classes) out.push(`${tag}.${escapeIdent(c)}`);
  if (classes.length > 1) out.push(`${tag}.${classes.map(escapeIdent).join('.')}`);
  out.push(tag);
  return out;
}

function count(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

const isOnly = (root: ParentNode, selector: string, el: Element) => {
  const found = count(root, selector);
  return found.length === 1 && found[0] === el;
};

/** The element's place among its siblings of the same tag (a shadow root's top elements too): the last resort. */
function positional(el: Element): string {
  const parent = el.parentNode as ParentNode | null;
  if (!parent) return el.localName;
  const same = Array.from(parent.children).filter((c) => c.localName === el.localName);
  return same.length > 1 ? `${el.localName}:nth-of-type(${same.indexOf(el) + 1})` : el.localName;
}

/** A selector matching exactly `el` in its document (or `root`: a shadow root, or a panel it is read inside). */
export function uniqueSelector(el: Element, root: ParentNode = el.ownerDocument): string {
  const own = simpleSelectors(el);
  for (const selector of own) if (isOnly(root, selector, el)) return selector;
  // Qualified by the nearest ancestor that a stable selector names on its own: `#profile h1`, `[data-testid="x"] span`.
  let ancestor = el.parentElement;
  for (let depth = 0; ancestor && depth < 8 && ancestor !== root; depth++, ancestor = ancestor.parentElement) {
    const named = simpleSelectors(ancestor).filter((s) => s !== ancestor!.localName && isOnly(root, s, ancestor!));
    for (const outer of named) {
      for (const inner of own) if (isOnly(root, `${outer} ${inner}`, el)) return `${outer} ${inner}`;
      const chain = `${outer} ${pathBetween(ancestor, el)}`;
      if (isOnly(root, chain, el)) return chain;
    }
  }
  // Nothing stable names it: a position path from the body, or from the top of its shadow root (what a page redesign
  // breaks first).
  return isShadowRoot(el.getRootNode()) ? pathBetween(null, el) : pathBetween(el.ownerDocument.body, el, true);
}

/** `div > span:nth-of-type(2)` from `outer` (exclusive; null: the top of el's tree) down to `el`. */
function pathBetween(outer: Element | null, el: Element, fromBody = false): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node && node !== outer; node = node.parentElement) parts.unshift(positional(node));
  return (fromBody ? ['body', ...parts] : parts).join(' > ');
}

/**
 * A selector for `el` wherever it is: the part for its own tree, after the parts naming each shadow host above it,
 * joined by ` >>> ` (`sr-candidate-header >>> h1`). With `scope`, relative to it (a panel the field is read inside).
 */
export function deepSelector(el: Element, scope?: Element): string {
  const parts: string[] = [];
  let node = el;
  for (let depth = 0; depth < 16; depth++) {
    const root = node.getRootNode();
    if (scope && root === scope.getRootNode()) {
      parts.unshift(uniqueSelector(node, scope));
      break;
    }
    if (!isShadowRoot(root)) {
      parts.unshift(uniqueSelector(node, root as Document));
      break;
    }
    parts.unshift(uniqueSelector(node, root));
    node = root.host;
  }
  return parts.join(SHADOW);
}

/**
 * The row of a list an element belongs to: the nearest element (itself or an ancestor, shadow hosts included)
 * repeated among its siblings (same tag, at least two), e.g. the `<tr>` of a table or the `<li>` of a list.
 */
export function rowOf(el: Element): Element {
  // A table's row or a list's item, when the element is in one (a cell is repeated too, but is not the row).
  for (let node: Element | null = el; node && node.localName !== 'body'; node = composedParent(node)) {
    if (node.localName === 'tr' || ['row', 'listitem'].includes(node.getAttribute('role') ?? '')) return node;
  }
  for (let node: Element | null = el; node && node.localName !== 'body'; node = composedParent(node)) {
    const parent = node.parentNode as ParentNode | null;
    if (!parent) break;
    const like = Array.from(parent.children).filter((c) => c.localName === node!.localName && (node!.localName !== 'div' || c.className === node!.className));
    if (like.length >= 2) return node;
  }
  return el;
}

/** A selector matching `row` and the rows like it (and nothing else the page lists): at least two, all siblings-like. */
export function rowSelector(row: Element, root: ParentNode = row.ownerDocument): string {
  const parent = row.parentElement;
  const siblings = Array.from((row.parentNode as ParentNode | null)?.children ?? [row]).filter((c) => c.localName === row.localName);
  const coversRows = (selector: string) => {
    const found = count(root, selector);
    return found.includes(row) && found.length >= Math.min(2, siblings.length) && found.every((f) => f.localName === row.localName) && siblings.every((s) => found.includes(s) || !sameShape(s, row));
  };
  // Attributes and classes every row shares (presence only: the values differ row by row).
  const shared: string[] = [];
  for (const attr of Array.from(row.attributes)) {
    if (attr.name.startsWith('data-') || ['itemtype', 'role'].includes(attr.name)) {
      const value = attr.value;
      if (siblings.filter((s) => s.getAttribute(attr.name) === value).length === siblings.length && value && !looksGenerated(value)) shared.push(`${row.localName}[${attr.name}=${quote(value)}]`);
      else if (siblings.every((s) => s.hasAttribute(attr.name))) shared.push(`${row.localName}[${attr.name}]`);
    }
  }
  for (const c of Array.from(row.classList)) if (!looksGenerated(c) && siblings.every((s) => s.classList.contains(c))) shared.push(`${row.localName}.${escapeIdent(c)}`);
  for (const selector of shared) if (coversRows(selector) && count(root, selector).length <= siblings.length) return selector;
  if (parent) {
    const container = uniqueSelector(parent, root);
    for (const selector of shared) if (coversRows(`${container} > ${selector}`)) return `${container} > ${selector}`;
    return `${container} > ${row.localName}`;
  }
  return shared.find(coversRows) ?? row.localName;
}

/** The row selector for `row` wherever it is: inside a shadow root, after the parts naming its hosts. */
export function deepRowSelector(row: Element): string {
  const root = row.getRootNode();
  if (!isShadowRoot(root)) return rowSelector(row, root as Document);
  return `${deepSelector(root.host)}${SHADOW}${rowSelector(row, root)}`;
}

const sameShape = (a: Element, b: Element) => a.localName === b.localName && a.className === b.className;

export type SelectorCheck = { ok: true; count: number } | { ok: false; reason: 'invalid' | 'none' | 'many'; count: number };

/** Does `selector` match exactly one element (a field) or at least one (list rows) on this page right now? */
export function checkSelector(selector: string, root: ParentNode, expect: 'one' | 'rows'): SelectorCheck {
  let found: number;
  try {
    found = queryAllDeep(root, selector).length;
  } catch {
    return { ok: false, reason: 'invalid', count: 0 };
  }
  if (found === 0) return { ok: false, reason: 'none', count: 0 };
  if (expect === 'one' && found > 1) return { ok: false, reason: 'many', count: found };
  return { ok: true, count: found };
}
