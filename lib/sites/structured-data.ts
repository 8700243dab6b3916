import { jsonrepair } from 'jsonrepair';

/**
 * schema.org as real pages publish it: JSON-LD (often not strict JSON), microdata and RDFa. Finds the Person a
 * page is about — a ProfilePage's `mainEntity` first (Bluesky, X, schema.org's own example), then a top-level
 * Person, then one nested anywhere — and reads its fields as plain strings. Page data is untrusted: everything is
 * bounded (blocks, nodes, depth) and only ever returned as text.
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

/** The Person a page is about, from JSON-LD: a profile page's main entity, else the shallowest Person. */
export function jsonLdPerson(graph: Graph): Node | undefined {
  for (const { node } of graph.nodes) {
    if (!hasType(node, 'ProfilePage') && !hasType(node, 'AboutPage')) continue;
    const main = resolve(node.mainEntity, graph.byId) ?? resolve(node.about, graph.byId);
    if (main && hasType(main, 'Person')) return main;
  }
  const people = graph.nodes.filter(({ node }) => hasType(node, 'Person')).sort((a, b) => a.depth - b.depth);
  const named = people.find(({ node }) => textOf(resolve(node, graph.byId)?.name) || textOf(node.givenName));
  const found = named ?? people[0];
  return found ? resolve(found.node, graph.byId) : undefined;
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

/** One Person marked up in the page itself (microdata or RDFa), as a reader of its properties. */
export interface MarkupPerson {
  prop(name: string): string | undefined;
}

const schemaTypeToken = (token: string, type: string) => token === type || token === `schema:${type}` || /^https?:\/\/schema\.org\//.test(token) && token.endsWith(`/${type}`);

/** A microdata Person (`itemscope itemtype="https://schema.org/Person"`). */
export function microdataPerson(doc: Document): MarkupPerson | undefined {
  const scope = Array.from(doc.querySelectorAll('[itemscope][itemtype]'))
    .slice(0, 500)
    .find((el) => (el.getAttribute('itemtype') ?? '').split(/\s+/).some((t) => /^https?:\/\/schema\.org\/Person$/.test(t)));
  if (!scope) return undefined;
  return {
    prop: (name) => {
      const el = ownProps(scope, `[itemprop~="${name}"]`, '[itemscope]')[0];
      return el ? propValue(el) : undefined;
    },
  };
}

/** An RDFa Person (`vocab="https://schema.org/" typeof="Person"`, or a `schema:` prefix). */
export function rdfaPerson(doc: Document): MarkupPerson | undefined {
  const scope = Array.from(doc.querySelectorAll('[typeof]'))
    .slice(0, 500)
    .find((el) => {
      const tokens = (el.getAttribute('typeof') ?? '').split(/\s+/);
      // A bare "Person" needs the schema.org vocabulary in force here.
      return tokens.some((t) => (t === 'Person' ? /schema\.org/.test(el.closest('[vocab]')?.getAttribute('vocab') ?? '') : schemaTypeToken(t, 'Person')));
    });
  if (!scope) return undefined;
  return {
    prop: (name) => {
      const el = ownProps(scope, '[property]', '[typeof]').find((p) => (p.getAttribute('property') ?? '').split(/\s+/).some((t) => t === name || t === `schema:${name}` || t.endsWith(`schema.org/${name}`)));
      return el ? propValue(el) : undefined;
    },
  };
}
