import { jsonrepair } from 'jsonrepair';

import { parseMicroformats, relMe, type MfItem, type MfValue } from './microformats';

/**
 * schema.org as real pages publish it — JSON-LD (often not strict JSON), microdata and RDFa — and microformats
 * (h-card / hCard, h-resume / hResume): every thing a page publishes, with its place on the page, and from
 * those the page's *subject* (SPEC §3 "Any other page"): the main entity a page declares (a ProfilePage's
 * `mainEntity`, a page's `about`, a résumé, the representative h-card), then the owner of a personal page (its
 * or its site's author or publisher), then the one person at the top of the page. A Person that is only a part
 * of something else (a movie's director, an article's author or news agency, a podcast's host, a company's
 * founder, a commenter) is never the subject, and a page about something else has none: an empty form beats a
 * wrong name. Page data is untrusted: everything is bounded (blocks, nodes, depth) and only ever returned as text.
 */

export type Node = Record<string, unknown>;

const MAX_BLOCKS = 20;
const MAX_NODES = 5000;
const MAX_DEPTH = 12;
const MAX_BLOCK_CHARS = 500_000;

/**
 * One `<script type="application/ld+json">` block, read the way browsers' sites ship it: strict JSON first; then
 * repaired (comments, trailing commas, raw newlines and other control characters inside strings, a stray HTML
 * comment or CDATA wrapper) by jsonrepair. A block that still cannot be read is skipped.
 */
export function parseJsonLd(text: string): unknown {
  const source = text.slice(0, MAX_BLOCK_CHARS).trim();
  if (!source) return undefined;
  try {
    return JSON.parse(source);
  } catch {
    // fall through to the repair
  }
  const unwrapped = source
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
  try {
    // jsonrepair makes a string of plain text; only objects and arrays are JSON-LD.
    const repaired: unknown = JSON.parse(jsonrepair(unwrapped));
    return repaired && typeof repaired === 'object' ? repaired : undefined;
  } catch {
    return undefined;
  }
}

/** A type test that accepts `Person`, `schema:Person`, `https://schema.org/Person` and arrays of types. */
export function hasType(node: Node, type: string): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && (t === type || t.endsWith(`:${type}`) || t.endsWith(`/${type}`)));
}

interface Graph {
  /** Nodes in breadth-first order, with their depth (0: a block's top level or its @graph). */
  nodes: { node: Node; depth: number }[];
  byId: Map<string, Node>;
}

/** Every JSON-LD object on the page, however nested, and an index by `@id` to resolve references. */
export function jsonLdGraph(doc: Document): Graph {
  const nodes: Graph['nodes'] = [];
  const byId = new Map<string, Node>();
  const queue: { value: unknown; depth: number }[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(0, MAX_BLOCKS)) {
    queue.push({ value: parseJsonLd(script.textContent ?? ''), depth: 0 });
  }
  const seen = new Set<unknown>();
  while (queue.length && nodes.length < MAX_NODES) {
    const { value, depth } = queue.shift()!;
    if (!value || typeof value !== 'object' || seen.has(value) || depth > MAX_DEPTH) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 500)) queue.push({ value: v, depth });
      continue;
    }
    const node = value as Node;
    nodes.push({ node, depth });
    const id = typeof node['@id'] === 'string' ? node['@id'] : undefined;
    // The fullest node wins for an id (a bare `{"@id": …}` reference is not a definition).
    if (id && (!byId.has(id) || Object.keys(node).length > Object.keys(byId.get(id)!).length)) byId.set(id, node);
    for (const [key, child] of Object.entries(node)) {
      if (child && typeof child === 'object') queue.push({ value: child, depth: key === '@graph' ? depth : depth + 1 });
    }
  }
  return { nodes, byId };
}

/** A node with its `@id` reference resolved (and the definition's fields merged under the reference's own). */
function resolve(value: unknown, byId: Map<string, Node>): Node | undefined {
  const node = (Array.isArray(value) ? value[0] : value) as Node | undefined;
  if (!node || typeof node !== 'object') return undefined;
  const id = typeof node['@id'] === 'string' ? node['@id'] : undefined;
  const defined = id ? byId.get(id) : undefined;
  return defined && defined !== node ? { ...defined, ...node } : node;
}

/**
 * A property value as text: a string or number; the first of an array; a value object (`@value`); a thing's
 * `name` (a `DefinedTerm` or `Occupation` as jobTitle); a Role's occupation.
 */
export function textOf(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 20)) {
      const text = textOf(v, depth + 1);
      if (text?.trim()) return text;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const node = value as Node;
    return textOf(node['@value'], depth + 1) ?? textOf(node.name, depth + 1) ?? textOf(node.roleName, depth + 1) ?? textOf(node.hasOccupation, depth + 1);
  }
  return undefined;
}

/** The fields of a person the reader uses. */
export type PersonField = 'name' | 'givenName' | 'familyName' | 'email' | 'telephone' | 'jobTitle';

/** A thing a page publishes, in one of the formats, and its place on the page. */
export interface PageThing {
  format: 'json-ld' | 'microdata' | 'rdfa' | 'microformats';
  /** Its types: schema.org names (microformats mapped: a person's h-card or h-resume is `Person`), else as written. */
  types: string[];
  person: boolean;
  /**
   * `main`: what the page says it is about (mainEntity / about, mainEntityOfPage, an h-resume, the representative
   * h-card); `owner`: the author or publisher of the page or its site; `top`: at the page's top level.
   */
  role: 'main' | 'owner' | 'top';
  field(name: PersonField): string | undefined;
  /** Where it is marked up (microdata, RDFa, microformats): its contact links and nearby text are its own. */
  element?: Element;
  /** The JSON-LD node (its review, for the assessment). */
  node?: Node;
}

/** Things that are parts of a page, or a person's details, not what a page is about instead of a person. */
const PAGE_PARTS = new Set([
  'WebSite', 'WebPage', 'BreadcrumbList', 'ListItem', 'ItemList', 'SiteNavigationElement', 'WPHeader', 'WPFooter', 'WPSideBar', 'WPAdBlock',
  'ImageObject', 'SearchAction', 'EntryPoint', 'ReadAction', 'PropertyValueSpecification', 'Person', 'PostalAddress', 'ContactPoint',
  'Occupation', 'Role', 'OrganizationRole', 'EmployeeRole', 'DefinedTerm', 'Country', 'Language', 'Rating', 'AggregateRating', 'Review',
  'Conversation', 'Message', 'EducationalOccupationalCredential',
  // microformats
  'h-feed', 'h-adr', 'h-geo',
]);
const localType = (t: string) => t.replace(/^.*[/#:]/, '');
const isPageType = (t: string) => /Page$/.test(localType(t));
/** Properties by which a page or a site names its owner. */
const OWNER_KEYS = ['author', 'creator', 'publisher', 'copyrightHolder', 'accountablePerson', 'maintainer'];

/** The subject of the page: a person, or none when the page names none or is about something else. */
export function pageSubject(things: PageThing[], signals: PageSignals = {}): PageThing | undefined {
  // A "Person" named like an organisation of the page (a news agency as author) is not a person. (Not the site's
  // name: a personal site is named after its owner.)
  const organisations = new Set(
    things
      .filter((t) => !t.person && t.types.some((type) => /Organi[sz]ation$|Corporation$|NewsMedia/.test(localType(type))))
      .map((t) => t.field('name'))
      .filter((n): n is string => !!n)
      .map((n) => n.trim().toLowerCase()),
  );
  const named = (t: PageThing) => !!(t.field('name') || t.field('givenName') || t.field('familyName')) && !organisations.has(personName(t)?.toLowerCase() ?? '');
  const mains = things.filter((t) => t.role === 'main');
  const main = mains.find((t) => t.person && named(t));
  if (main) return main;
  if (mains.some((t) => !t.person)) return undefined;
  if (signals.aboutSomethingElse) return undefined;
  if (things.some((t) => t.role === 'top' && !t.person && !t.types.some((type) => PAGE_PARTS.has(localType(type)) || isPageType(type)))) return undefined;
  const owner = things.find((t) => t.role === 'owner' && t.person && named(t));
  if (owner) return owner;
  // The one person at the top of the page; several different people (a team, a list) are not one person's page.
  for (const format of ['json-ld', 'microdata', 'rdfa', 'microformats'] as const) {
    const people = things.filter((t) => t.format === format && t.role === 'top' && t.person && named(t));
    const names = new Set(people.map((t) => personName(t)?.toLowerCase()));
    if (names.size > 1) return undefined;
    if (people.length) return people[0];
  }
  return undefined;
}

/** What a page says of itself outside its items. */
export interface PageSignals {
  /** The page declares itself an article, a video, a song, a book, a product (Open Graph `og:type`). */
  aboutSomethingElse?: boolean;
}

/** The page's Open Graph self-description (https://ogp.me/#types). */
export function pageSignals(doc: Document): PageSignals {
  const meta = (property: string) => doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content')?.trim() || undefined;
  const type = meta('og:type')?.toLowerCase();
  return { aboutSomethingElse: !!type && /^(?:article|book|product|video\.|music\.)/.test(type) };
}

/** A person's name as written: `name`, else given and family names. */
export function personName(t: PageThing): string | undefined {
  const name = t.field('name')?.replace(/\s+/g, ' ').trim();
  if (name) return name;
  const composed = [t.field('givenName'), t.field('familyName')].map((v) => v?.trim()).filter(Boolean).join(' ');
  return composed || undefined;
}

/** Every thing the page publishes, in all four formats. */
export function pageThings(doc: Document, url: URL, graph = jsonLdGraph(doc)): PageThing[] {
  return [...jsonLdThings(graph), ...markupThings(doc, 'microdata'), ...markupThings(doc, 'rdfa'), ...microformatThings(doc, url)];
}

function jsonLdThing(node: Node, role: PageThing['role']): PageThing {
  const types = (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter((t): t is string => typeof t === 'string');
  return {
    format: 'json-ld',
    types,
    person: hasType(node, 'Person'),
    role,
    node,
    field: (name) => (name === 'jobTitle' ? textOf(node.jobTitle) ?? textOf(node.hasOccupation) : textOf(node[name])),
  };
}

function jsonLdThings(graph: Graph): PageThing[] {
  const mains: PageThing[] = [];
  const rest: PageThing[] = [];
  const list = (value: unknown) => (Array.isArray(value) ? value.slice(0, 20) : [value]);
  for (const { node, depth } of graph.nodes) {
    if (depth !== 0) continue;
    const types = (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter((t): t is string => typeof t === 'string');
    const page = types.some(isPageType);
    if (page) {
      // A ProfilePage's main entity before any other page's.
      const declared = (list(node.mainEntity).some(Boolean) ? list(node.mainEntity) : list(node.about)).map((v) => resolve(v, graph.byId)).filter((n): n is Node => !!n && !!n['@type']);
      (hasType(node, 'ProfilePage') ? mains : rest).push(...declared.map((n) => jsonLdThing(n, 'main')));
    }
    // The owner of a personal page: a site's own author or publisher, or a profile or about page's author. A plain
    // WebPage's author is only who wrote it (a journalist, a news agency written as a Person).
    if (hasType(node, 'WebSite') || hasType(node, 'ProfilePage') || hasType(node, 'AboutPage')) {
      for (const key of OWNER_KEYS) {
        for (const v of list(node[key])) {
          const owner = resolve(v, graph.byId);
          if (owner && hasType(owner, 'Person')) rest.push(jsonLdThing(owner, 'owner'));
        }
      }
    }
    if (!page && node.mainEntityOfPage) rest.push(jsonLdThing(resolve(node, graph.byId) ?? node, 'main'));
    else if (node['@type']) rest.push(jsonLdThing(resolve(node, graph.byId) ?? node, 'top'));
  }
  return [...mains, ...rest];
}

/** A scope's own property elements (not those of an item nested inside it). */
function ownProps(scope: Element, selector: string, scopeSelector: string): Element[] {
  return Array.from(scope.querySelectorAll(selector))
    .slice(0, 200)
    .filter((el) => el.parentElement?.closest(scopeSelector) === scope);
}

/** The value of a microdata or RDFa property element, per its element type. */
function propValue(el: Element): string | undefined {
  const content = el.getAttribute('content');
  if (content !== null) return content;
  const tag = el.localName;
  if (tag === 'a' || tag === 'link' || tag === 'area') return el.getAttribute('href')?.replace(/^(?:mailto|tel):/i, '') ?? undefined;
  if (tag === 'img' || tag === 'audio' || tag === 'video' || tag === 'source') return el.getAttribute('src') ?? undefined;
  if (tag === 'time') return el.getAttribute('datetime') ?? el.textContent ?? undefined;
  if (tag === 'meta') return undefined;
  return el.textContent ?? undefined;
}

const SCHEMA = /^https?:\/\/schema\.org\//;
const tokens = (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean);

/** Microdata (`itemscope itemtype itemprop`) or RDFa (`vocab typeof property`) items, schema.org vocabulary only. */
function markupThings(doc: Document, format: 'microdata' | 'rdfa'): PageThing[] {
  const micro = format === 'microdata';
  const scopeSelector = micro ? '[itemscope]' : '[typeof]';
  const out: PageThing[] = [];
  const typesOf = (el: Element): string[] => {
    if (micro) return tokens(el.getAttribute('itemtype')).filter((t) => SCHEMA.test(t)).map(localType);
    const schemaVocab = /schema\.org/.test(el.closest('[vocab]')?.getAttribute('vocab') ?? '');
    return tokens(el.getAttribute('typeof'))
      .filter((t) => SCHEMA.test(t) || t.startsWith('schema:') || (schemaVocab && !t.includes(':')))
      .map(localType);
  };
  const relation = (el: Element) => tokens(el.getAttribute(micro ? 'itemprop' : 'property')).map(localType);
  for (const scope of Array.from(doc.querySelectorAll(scopeSelector)).slice(0, 500)) {
    const types = typesOf(scope);
    if (!types.length) continue;
    const person = types.includes('Person');
    const rel = relation(scope);
    let role: PageThing['role'] | undefined;
    if (!rel.length) role = 'top';
    else {
      const parent = scope.parentElement?.closest(scopeSelector);
      const parentTypes = parent ? typesOf(parent) : [];
      const parentIsPage = parentTypes.some(isPageType);
      if (parentIsPage && rel.some((r) => r === 'mainEntity' || r === 'about')) role = 'main';
      else if ((parentIsPage || parentTypes.includes('WebSite')) && person && rel.some((r) => OWNER_KEYS.includes(r))) role = 'owner';
    }
    if (!role) continue;
    out.push({
      format,
      types,
      person,
      role,
      element: scope,
      field: (name) => {
        const el = micro
          ? ownProps(scope, `[itemprop~="${name}"]`, scopeSelector)[0]
          : ownProps(scope, '[property]', scopeSelector).find((p) => relation(p).includes(name));
        return el ? propValue(el) : undefined;
      },
    });
  }
  return out;
}

/** Microformats: a person's h-card or h-resume, and the roots of other kinds (what a page may be about instead). */
function microformatThings(doc: Document, url: URL): PageThing[] {
  const items = parseMicroformats(doc, url);
  const text = (item: MfItem | undefined, name: string): string | undefined => {
    for (const v of item?.properties[name] ?? []) {
      const s = typeof v === 'string' ? v : v.value;
      if (s?.trim()) return s.trim();
    }
    return undefined;
  };
  const card = (v: MfValue | undefined) => (v && typeof v !== 'string' && v.type.includes('h-card') ? v : undefined);
  const sameUrl = (a: string | undefined, b: string) => {
    try {
      return !!a && new URL(a).href.replace(/\/$/, '') === b.replace(/\/$/, '');
    } catch {
      return false;
    }
  };
  const isOrganisation = (item: MfItem) => {
    const name = text(item, 'name');
    return item.type.includes('h-org') || (!!name && name.toLowerCase() === text(item, 'org')?.toLowerCase());
  };
  const fields = (item: MfItem, contact?: MfItem) => (name: PersonField): string | undefined => {
    switch (name) {
      case 'name':
        return text(item, 'name') ?? text(contact, 'name');
      case 'givenName':
        return text(contact ?? item, 'given-name');
      case 'familyName':
        return text(contact ?? item, 'family-name');
      case 'email':
        return text(contact ?? item, 'email');
      case 'telephone':
        return text(contact ?? item, 'tel');
      case 'jobTitle':
        return text(contact ?? item, 'job-title') ?? text(contact ?? item, 'role');
    }
  };
  const page = url.href;
  const me = relMe(doc, url);
  const cards = items.filter((i) => i.type.includes('h-card') && !isOrganisation(i));
  // The representative h-card (https://microformats.org/wiki/representative-h-card-parsing).
  const representative =
    cards.find((c) => sameUrl(text(c, 'uid'), page) && (c.properties.url ?? []).some((u) => typeof u === 'string' && sameUrl(u, page))) ??
    cards.find((c) => (c.properties.url ?? []).some((u) => typeof u === 'string' && me.some((m) => sameUrl(u, m)))) ??
    (cards.length === 1 && sameUrl(text(cards[0], 'url'), page) ? cards[0] : undefined);
  return items.map((item): PageThing => {
    if (item.type.includes('h-resume')) {
      // A résumé is its person's: the résumé's name, the contact card's details.
      const contact = card(item.properties.contact?.[0]);
      return { format: 'microformats', types: ['Person'], person: true, role: 'main', element: contact?.element ?? item.element, field: fields(item, contact) };
    }
    if (item.type.includes('h-card')) {
      const organisation = isOrganisation(item);
      return {
        format: 'microformats',
        types: [organisation ? 'Organization' : 'Person'],
        person: !organisation,
        role: item === representative ? 'main' : 'top',
        element: item.element,
        field: fields(item),
      };
    }
    return { format: 'microformats', types: item.type, person: false, role: 'top', element: item.element, field: () => undefined };
  });
}
