import { mailto, tel, text } from './types';

/**
 * The generic adapter: reads the person on any page (a sourcing tool, a profile page) from open standards,
 * best effort — schema.org `Person` (JSON-LD or microdata), its `Review` (a 1–5 rating and summary), a
 * schema.org `Conversation` of `Message`s (the screening transcript), `mailto:` / `tel:` links, a linked resume
 * PDF and the page title. Everything read here is untrusted page data: it is only ever shown as text, and the
 * Sync form lets the recruiter fix it.
 */

export interface PageProfile {
  fullName?: string;
  email?: string;
  phone?: string;
  headline?: string;
  stage?: string;
  /** 1–5 */
  rating?: number;
  summary?: string;
  transcript: { speaker: string; text: string }[];
  /** Absolute http(s) URL of a resume PDF linked from the page. */
  resumeUrl?: string;
  sourceUrl: string;
  sourceSite: string;
}

const MAX_TURNS = 2000;
const clip = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // Control characters never belong in a name or an answer; whitespace runs collapse.
  const cleaned = String(value).replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned.slice(0, max) : undefined;
};
/** One unreadable field (e.g. a malformed mailto: link) costs only that field. */
const safe = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};
const isType = (node: Record<string, unknown>, type: string) => {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type)) || (typeof t === 'string' && t.endsWith(`/${type}`));
};

/** Every JSON-LD node on the page, flattened (@graph, arrays), skipping blocks that do not parse. */
function jsonLdNodes(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 5 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.slice(0, 200).forEach((v) => visit(v, depth + 1));
    const node = value as Record<string, unknown>;
    out.push(node);
    if (node['@graph']) visit(node['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20)) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken block is skipped; the rest of the page still counts.
    }
  }
  return out;
}

/** A rating on any scale, brought to 1–5. */
function normaliseRating(rating: unknown): number | undefined {
  if (!rating || typeof rating !== 'object') return undefined;
  const r = rating as Record<string, unknown>;
  const value = Number(r.ratingValue);
  const best = Number(r.bestRating ?? 5);
  const worst = Number(r.worstRating ?? 1);
  if (!Number.isFinite(value) || !Number.isFinite(best) || !Number.isFinite(worst) || best <= worst) return undefined;
  const scaled = 1 + ((value - worst) / (best - worst)) * 4;
  return Math.min(5, Math.max(1, Math.round(scaled)));
}

function microdata(scope: Element, prop: string): string | undefined {
  const el = scope.querySelector(`[itemprop="${prop}"]`);
  if (!el) return undefined;
  return clip(el.getAttribute('content') ?? (el instanceof HTMLAnchorElement ? el.getAttribute('href')?.replace(/^(mailto|tel):/, '') : undefined) ?? el.textContent, 320);
}

function resumeLink(doc: Document, base: URL): string | undefined {
  const links = Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).slice(0, 2000);
  const looksLikeResume = (a: HTMLAnchorElement) => /\b(resume|résumé|cv|curriculum|currículum|lebenslauf)\b/i.test(`${a.textContent} ${a.getAttribute('aria-label') ?? ''}`);
  const pdf = (a: HTMLAnchorElement) => a.type === 'application/pdf' || /\.pdf($|[?#])/i.test(a.getAttribute('href') ?? '');
  const link = links.find((a) => pdf(a) && looksLikeResume(a)) ?? links.find(pdf) ?? links.find(looksLikeResume);
  if (!link) return undefined;
  try {
    const url = new URL(link.getAttribute('href')!, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "Ana Lima | Talent": titles name the page first and the site last. */
const TITLE_SEPARATOR = /\s[|·–—-]\s/;

export function readPageProfile(doc: Document, url: URL, siteName?: string): PageProfile {
  const titleParts = doc.title.split(TITLE_SEPARATOR);
  const nodes = jsonLdNodes(doc);
  const person = nodes.find((n) => isType(n, 'Person'));
  const personScope = doc.querySelector('[itemtype$="schema.org/Person"]');
  const review = (person?.review ?? nodes.find((n) => isType(n, 'Review'))) as Record<string, unknown> | Record<string, unknown>[] | undefined;
  const firstReview = Array.isArray(review) ? review[0] : review;

  const composed = [clip(person?.givenName, 100), clip(person?.familyName, 100)].filter(Boolean).join(' ');
  const fullName =
    clip(person?.name, 200) ?? (composed || undefined) ?? (personScope && microdata(personScope, 'name')) ?? text(doc.querySelector('h1')) ?? clip(titleParts[0], 200);

  const transcript: PageProfile['transcript'] = [];
  const conversation = doc.querySelector('[itemtype$="schema.org/Conversation"]');
  if (conversation) {
    for (const message of Array.from(conversation.querySelectorAll('[itemtype$="schema.org/Message"]')).slice(0, MAX_TURNS)) {
      const said = clip(message.querySelector('[itemprop="text"]')?.textContent, 20_000);
      if (said) transcript.push({ speaker: clip(message.querySelector('[itemprop="sender"]')?.textContent, 120) ?? 'Unknown', text: said });
    }
  }

  const email = clip(String(person?.email ?? '').replace(/^mailto:/i, ''), 320) ?? (personScope && microdata(personScope, 'email')) ?? safe(() => mailto(doc));
  const phone = clip(String(person?.telephone ?? '').replace(/^tel:/i, ''), 64) ?? (personScope && microdata(personScope, 'telephone')) ?? safe(() => tel(doc));

  return {
    fullName: fullName ?? undefined,
    email: email ?? undefined,
    phone: phone ?? undefined,
    headline: clip(person?.jobTitle, 200) ?? (personScope ? microdata(personScope, 'jobTitle') : undefined),
    stage: text(doc.querySelector('[data-stage]')),
    rating: normaliseRating(firstReview?.reviewRating),
    summary: clip(firstReview?.reviewBody, 5000),
    transcript,
    resumeUrl: resumeLink(doc, url),
    sourceUrl: url.href,
    sourceSite: siteName ?? (titleParts[titleParts.length - 1]?.trim() || url.hostname),
  };
}
