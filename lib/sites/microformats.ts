/**
 * A small microformats reader: the part of the microformats2 parsing spec (https://microformats.org/wiki/microformats2-parsing)
 * the generic adapter needs to find a person — h-card and its classic form hCard (`vcard`), h-resume / hResume,
 * and the roots of other kinds (h-entry, h-event, h-review, …) only so that a page about something else is seen
 * as such. It reads the live DOM (no second HTML parse, no dependency; the well-kept parsers parse HTML strings
 * with parse5, several times this reader's size in the injected bundle). Tested with the microformats test
 * suite's own fixtures (tests/fixtures/microformats/, from microformats/tests).
 *
 * Page data is untrusted: the walk is bounded and every value is plain text.
 */

export interface MfItem {
  type: string[];
  properties: Record<string, MfValue[]>;
  /** For an item that is a property's value: the property's plain value (its name, for p-*). */
  value?: string;
  children: MfItem[];
  element: Element;
}
export type MfValue = string | MfItem;

const MAX_ELEMENTS = 20_000;
const MAX_ITEMS = 500;
const ROOT = /^h-(?:[a-z0-9]+-)?[a-z]+(?:-[a-z]+)*$/;
const PROPERTY = /^(p|u|dt|e)-((?:[a-z0-9]+-)?[a-z]+(?:-[a-z]+)*)$/;

/** Classic (microformats 1) roots and their microformats2 names (https://microformats.org/wiki/h-card#Parser_Compatibility and siblings). */
const CLASSIC_ROOTS: Record<string, string> = {
  vcard: 'h-card',
  hresume: 'h-resume',
  hentry: 'h-entry',
  hfeed: 'h-feed',
  vevent: 'h-event',
  hreview: 'h-review',
  'hreview-aggregate': 'h-review-aggregate',
  hproduct: 'h-product',
  hrecipe: 'h-recipe',
  adr: 'h-adr',
  geo: 'h-geo',
};

const CARD: Record<string, string> = {
  fn: 'p-name',
  'given-name': 'p-given-name',
  'family-name': 'p-family-name',
  'additional-name': 'p-additional-name',
  'honorific-prefix': 'p-honorific-prefix',
  'honorific-suffix': 'p-honorific-suffix',
  nickname: 'p-nickname',
  email: 'u-email',
  tel: 'p-tel',
  url: 'u-url',
  title: 'p-job-title',
  role: 'p-role',
  org: 'p-org',
  'organization-name': 'p-organization-name',
  note: 'p-note',
  photo: 'u-photo',
  logo: 'u-logo',
  uid: 'u-uid',
  bday: 'dt-bday',
  adr: 'p-adr',
  geo: 'p-geo',
  agent: 'p-agent',
  category: 'p-category',
};
/** Properties of the classic roots, as microformats2 properties. */
const CLASSIC_PROPERTIES: Record<string, Record<string, string>> = {
  'h-card': CARD,
  'h-resume': { summary: 'p-summary', contact: 'p-contact', experience: 'p-experience', education: 'p-education', skill: 'p-skill', affiliation: 'p-affiliation' },
  'h-entry': { 'entry-title': 'p-name', 'entry-summary': 'p-summary', 'entry-content': 'e-content', author: 'p-author', published: 'dt-published', updated: 'dt-updated', bookmark: 'u-url' },
  'h-event': { summary: 'p-name', dtstart: 'dt-start', dtend: 'dt-end', location: 'p-location', url: 'u-url', description: 'p-description' },
  'h-review': { summary: 'p-name', item: 'p-item', reviewer: 'p-author', rating: 'p-rating', description: 'e-content' },
  'h-product': { fn: 'p-name', brand: 'p-brand', description: 'e-description', url: 'u-url' },
  'h-recipe': { fn: 'p-name', ingredient: 'p-ingredient', author: 'p-author' },
  'h-adr': { 'street-address': 'p-street-address', locality: 'p-locality', region: 'p-region', 'postal-code': 'p-postal-code', 'country-name': 'p-country-name' },
};

interface Walk {
  base: URL;
  budget: number;
  items: number;
}

const classes = (el: Element) => (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);

/** An element's root types: microformats2 ones, else classic ones; `classic` says which. */
function rootTypes(el: Element): { types: string[]; classic: boolean } | null {
  const names = classes(el);
  const modern = names.filter((c) => ROOT.test(c));
  if (modern.length) return { types: [...new Set(modern)].sort(), classic: false };
  const classic = names.map((c) => CLASSIC_ROOTS[c]).filter((t): t is string => !!t);
  return classic.length ? { types: [...new Set(classic)].sort(), classic: true } : null;
}

/** The properties an element is, for a parent item parsed as microformats2 or classic. */
function propertyClasses(el: Element, parent: { types: string[]; classic: boolean }): { prefix: string; name: string }[] {
  const out: { prefix: string; name: string }[] = [];
  for (const c of classes(el)) {
    let full: string | undefined;
    if (parent.classic) {
      for (const type of parent.types) full ??= CLASSIC_PROPERTIES[type]?.[c];
    } else if (PROPERTY.test(c)) full = c;
    const match = full ? PROPERTY.exec(full) : null;
    if (match && !out.some((p) => p.prefix === match[1] && p.name === match[2])) out.push({ prefix: match[1]!, name: match[2]! });
  }
  return out;
}

/** Text as the parsing spec reads it: script and style dropped, an image replaced by its alt text. */
function textContent(el: Element): string {
  let out = '';
  const visit = (node: ChildNode) => {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      const tag = child.localName;
      if (tag === 'script' || tag === 'style' || tag === 'template') return;
      if (tag === 'img') out += child.getAttribute('alt') ?? '';
      else child.childNodes.forEach(visit);
    }
  };
  el.childNodes.forEach(visit);
  return out.trim();
}

/** The value-class pattern: the values of `.value` descendants, concatenated (https://microformats.org/wiki/value-class-pattern). */
function valueClass(el: Element): string | undefined {
  const parts: string[] = [];
  const visit = (node: Element) => {
    for (const child of Array.from(node.children)) {
      if (rootTypes(child)) continue;
      const names = classes(child);
      if (names.includes('value-title')) parts.push(child.getAttribute('title') ?? '');
      else if (names.includes('value')) {
        const tag = child.localName;
        if (tag === 'img' || tag === 'area') parts.push(child.getAttribute('alt') ?? '');
        else if (tag === 'data') parts.push(child.getAttribute('value') ?? textContent(child));
        else if (tag === 'abbr') parts.push(child.getAttribute('title') ?? textContent(child));
        else parts.push(textContent(child));
      } else visit(child);
    }
  };
  visit(el);
  return parts.length ? parts.join('') : undefined;
}

function resolveUrl(value: string, base: URL): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value.trim();
  }
}

function propertyValue(el: Element, prefix: string, walk: Walk): string {
  const tag = el.localName;
  const attr = (name: string) => el.getAttribute(name);
  if (prefix === 'u') {
    const url =
      tag === 'a' || tag === 'area' || tag === 'link'
        ? attr('href')
        : tag === 'img' || tag === 'audio' || tag === 'source' || tag === 'iframe'
          ? attr('src')
          : tag === 'video'
            ? attr('src') ?? attr('poster')
            : tag === 'object'
              ? attr('data')
              : null;
    if (url !== null) return resolveUrl(url, walk.base);
    const plain = valueClass(el) ?? ((tag === 'abbr' && attr('title')) || ((tag === 'data' || tag === 'input') && attr('value')) || textContent(el));
    return plain ? resolveUrl(plain, walk.base) : '';
  }
  if (prefix === 'dt') {
    return valueClass(el) ?? (((tag === 'time' || tag === 'ins' || tag === 'del') && attr('datetime')) || (tag === 'abbr' && attr('title')) || ((tag === 'data' || tag === 'input') && attr('value')) || textContent(el));
  }
  if (prefix === 'e') return textContent(el);
  return valueClass(el) ?? (((tag === 'abbr' || tag === 'link') && attr('title')) || ((tag === 'data' || tag === 'input') && attr('value')) || ((tag === 'img' || tag === 'area') && attr('alt')) || textContent(el));
}

interface Parsing {
  item: MfItem;
  root: { types: string[]; classic: boolean };
  /** Kinds of property found (p, u, e, dt) and whether an item was nested: what implied properties depend on. */
  found: Set<string>;
}

function add(item: MfItem, name: string, value: MfValue): void {
  (item.properties[name] ??= []).push(value);
}

function parseChildren(el: Element, parsing: Parsing, walk: Walk): void {
  for (const child of Array.from(el.children)) {
    if (--walk.budget < 0 || walk.items >= MAX_ITEMS) return;
    const root = rootTypes(child);
    const props = propertyClasses(child, parsing.root);
    if (root) {
      const nested = parseItem(child, root, walk);
      parsing.found.add('nested');
      if (props.length === 0) parsing.item.children.push(nested);
      for (const { prefix, name } of props) {
        const first = (key: string) => nested.properties[key]?.find((v): v is string => typeof v === 'string');
        const value = prefix === 'u' ? first('url') ?? propertyValue(child, 'u', walk) : prefix === 'p' ? first('name') ?? textContent(child) : propertyValue(child, prefix, walk);
        add(parsing.item, name, { ...nested, value });
      }
      continue;
    }
    for (const { prefix, name } of props) {
      parsing.found.add(prefix);
      add(parsing.item, name, propertyValue(child, prefix, walk));
    }
    parseChildren(child, parsing, walk);
  }
}

/** The only child element of `el` that is of `tags` (and not an item), per the implied-property rules. */
function onlyChild(el: Element, test: (child: Element) => boolean): Element | undefined {
  const kids = Array.from(el.children);
  if (kids.length !== 1 || rootTypes(kids[0]!)) return undefined;
  return test(kids[0]!) ? kids[0] : undefined;
}

/** The one child element of `el` of its tag that passes `test` (not an item): CSS `:only-of-type`. */
function onlyOfType(el: Element, test: (child: Element) => boolean): Element | undefined {
  const kids = Array.from(el.children);
  const found = kids.filter((k) => test(k) && !rootTypes(k));
  if (found.length !== 1) return undefined;
  const tag = found[0]!.localName;
  return kids.filter((k) => k.localName === tag).length === 1 ? found[0] : undefined;
}

function parseItem(el: Element, root: { types: string[]; classic: boolean }, walk: Walk): MfItem {
  walk.items++;
  const item: MfItem = { type: root.types, properties: {}, children: [], element: el };
  const parsing: Parsing = { item, root, found: new Set() };
  parseChildren(el, parsing, walk);
  if (root.classic) return item; // classic markup implies nothing

  // Implied name: only when the item has no name, no p-* or e-* property and no nested item.
  if (!item.properties.name && !['p', 'e', 'nested'].some((k) => parsing.found.has(k))) {
    const named = (node: Element) =>
      ((node.localName === 'img' || node.localName === 'area') && node.getAttribute('alt')) || (node.localName === 'abbr' && node.getAttribute('title')) || undefined;
    const isNamed = (node: Element) => named(node) !== undefined && named(node) !== null;
    const child = onlyChild(el, isNamed) ?? (() => {
      const only = onlyChild(el, () => true);
      return only ? onlyChild(only, isNamed) : undefined;
    })();
    const name = named(el) || (child && named(child)) || textContent(el);
    if (name) item.properties.name = [name];
  }
  // Implied url: the item's own link, else its only <a>/<area> child (or grandchild) of that kind.
  if (!item.properties.url && !['u', 'nested'].some((k) => parsing.found.has(k))) {
    const linked = (node: Element) => (node.localName === 'a' || node.localName === 'area') && node.getAttribute('href') !== null;
    const href = (linked(el) ? el : onlyOfType(el, linked) ?? (() => {
      const only = onlyChild(el, () => true);
      return only ? onlyOfType(only, linked) : undefined;
    })())?.getAttribute('href');
    if (href !== null && href !== undefined) item.properties.url = [resolveUrl(href, walk.base)];
  }
  return item;
}

/** The page's top-level microformats items (nested ones hang from them), in document order. */
export function parseMicroformats(doc: Document, pageUrl: URL): MfItem[] {
  let base = pageUrl;
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) base = new URL(resolveUrl(baseHref, pageUrl));
  const walk: Walk = { base, budget: MAX_ELEMENTS, items: 0 };
  const items: MfItem[] = [];
  const find = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (--walk.budget < 0 || walk.items >= MAX_ITEMS) return;
      const root = rootTypes(child);
      if (root) items.push(parseItem(child, root, walk));
      else find(child);
    }
  };
  find(doc.documentElement);
  return items;
}

/** The page's rel=me links, resolved (the owner's other profiles: https://microformats.org/wiki/rel-me). */
export function relMe(doc: Document, pageUrl: URL): string[] {
  return Array.from(doc.querySelectorAll('a[rel~="me" i][href], link[rel~="me" i][href]'))
    .slice(0, 200)
    .map((a) => resolveUrl(a.getAttribute('href')!, pageUrl));
}
