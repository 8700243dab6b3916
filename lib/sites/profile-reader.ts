import { hasType, jsonLdGraph, jsonLdPerson, microdataPerson, rdfaPerson, textOf, type Node } from './structured-data';
import { mailto, tel, text } from './types';

/**
 * The generic adapter: reads the person on any page (a sourcing tool, a profile page) from open standards,
 * best effort — schema.org `Person` (JSON-LD, microdata or RDFa; a ProfilePage's main entity first), its `Review`
 * (a 1–5 rating and summary), a schema.org `Conversation` of `Message`s (the screening transcript), `mailto:` /
 * `tel:` links and a linked resume PDF. Everything read here is untrusted page data: it is only ever shown as text,
 * and the Sync form lets the recruiter fix it.
 *
 * Never an invented name: the name comes only from structured data that says "this Person's name". A page's
 * heading, `<title>`, site name or handle is not a person's name (a portfolio's first heading is "LinkedIn", a
 * profile page is titled "u/ahuff1999"): an empty field the recruiter fills beats a wrong one.
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
  const graph = jsonLdGraph(doc);
  const person: Node | undefined = jsonLdPerson(graph);
  const markup = [microdataPerson(doc), rdfaPerson(doc)].filter((m) => !!m);
  const fromMarkup = (prop: string, max: number) => markup.map((m) => clip(m.prop(prop), max)).find(Boolean);
  const review = (person?.review ?? graph.nodes.find(({ node }) => hasType(node, 'Review'))?.node) as Node | Node[] | undefined;
  const firstReview = Array.isArray(review) ? review[0] : review;

  const composed = [clip(textOf(person?.givenName), 100), clip(textOf(person?.familyName), 100)].filter(Boolean).join(' ');
  const markupComposed = [fromMarkup('givenName', 100), fromMarkup('familyName', 100)].filter(Boolean).join(' ');
  const fullName = clip(textOf(person?.name), 200) ?? (composed || undefined) ?? fromMarkup('name', 200) ?? (markupComposed || undefined);

  const transcript: PageProfile['transcript'] = [];
  const conversation = doc.querySelector('[itemtype$="schema.org/Conversation"]');
  if (conversation) {
    for (const message of Array.from(conversation.querySelectorAll('[itemtype$="schema.org/Message"]')).slice(0, MAX_TURNS)) {
      const said = clip(message.querySelector('[itemprop="text"]')?.textContent, 20_000);
      if (said) transcript.push({ speaker: clip(message.querySelector('[itemprop="sender"]')?.textContent, 120) ?? 'Unknown', text: said });
    }
  }

  const email = clip(textOf(person?.email)?.replace(/^mailto:/i, ''), 320) ?? fromMarkup('email', 320) ?? safe(() => mailto(doc));
  const phone = clip(textOf(person?.telephone)?.replace(/^tel:/i, ''), 64) ?? fromMarkup('telephone', 64) ?? safe(() => tel(doc));

  return {
    fullName,
    email: email ?? undefined,
    phone: phone ?? undefined,
    headline: clip(textOf(person?.jobTitle), 200) ?? clip(textOf(person?.hasOccupation), 200) ?? fromMarkup('jobTitle', 200),
    stage: text(doc.querySelector('[data-stage]')),
    rating: normaliseRating(firstReview?.reviewRating),
    summary: clip(textOf(firstReview?.reviewBody), 5000),
    transcript,
    resumeUrl: resumeLink(doc, url),
    sourceUrl: url.href,
    sourceSite: siteName ?? (titleParts[titleParts.length - 1]?.trim() || url.hostname),
  };
}
