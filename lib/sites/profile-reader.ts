import { hasType, jsonLdGraph, pageSignals, pageSubject, pageThings, personName, textOf, type Node, type PageThing, type PersonField } from './structured-data';
import { text } from './types';

/**
 * The generic adapter: reads the person on any page (a sourcing tool, a profile page) from open standards,
 * best effort (SPEC §3 "Any other page") — the page's subject, found by structured-data.ts in schema.org
 * (JSON-LD, microdata, RDFa) and microformats (h-card / hCard, h-resume / hResume); its `Review` (a 1–5 rating and
 * summary); a schema.org `Conversation` of `Message`s (the screening transcript); its `mailto:` / `tel:` links and
 * the contact details written next to it; and a linked résumé. Everything read here is untrusted page data: it is
 * only ever shown as text, and the Sync form lets the recruiter fix it.
 *
 * Never an invented name: the name comes only from structured data that says "this Person's name", and only for
 * the person the page is about. A page's heading, `<title>`, site name or handle is not a person's name (a
 * portfolio's first heading is "LinkedIn", a profile page is titled "u/ahuff1999"), and neither is a movie's
 * director or an article's news agency: an empty field the recruiter fills beats a wrong one.
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
  /** Absolute http(s) URL of the résumé the page links to (a PDF, or an HTML résumé page). */
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

/** Text compared without case or accents: "Résumé" is "resume", "Currículum" is "curriculum". */
const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** Words that name a résumé, folded, in the languages recruiters meet (Latin scripts: whole words only). */
const RESUME_WORDS = /(?<![\p{L}\p{N}])(?:resumes?|cv|c\.v\.|curriculum(?: vitae)?|curriculo|vitae|vita|lebenslauf|hoja de vida|levenslauf|zyciorys|zivotopis|ansioluettelo|ozgecmis|meritforteckning|resumo)(?![\p{L}\p{N}])|резюме|履歴書|简历|簡歷|履歷|이력서|السيرة الذاتية|קורות חיים/u;
/** The same words where a file name runs them together ("JaneDoeResume.pdf", "my_cv_2024.pdf"). */
const RESUME_FILE = /resume|lebenslauf|curriculum|(?<![a-z])cv(?![a-z])/;
/** A link about résumés that is not one: a job board's "upload your résumé", a builder, templates. */
const NOT_A_RESUME = /(?<![\p{L}])(?:upload|create|build|builder|post|submit|write|template|templates|tips|examples|sample|samples|service|services|writing|subir|crear|plantillas?|erstellen|vorlagen?)(?![\p{L}])/u;

/**
 * The résumé the page links to. A link named as a résumé (its text, label, title or download name, in any
 * language and accent) to a PDF first; then a PDF whose file name says résumé or CV; then a link named as a
 * résumé to anything else (an HTML résumé page). Any other PDF (a press release, a paper, bylaws) is not a
 * résumé: no link beats a wrong file.
 */
function resumeLink(doc: Document, base: URL): string | undefined {
  let best: { rank: number; url: string } | undefined;
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).slice(0, 2000)) {
    const href = a.getAttribute('href') ?? '';
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    // A link within the page ("Résumé" is also French for a summary: <a href="#resume">) is not a file.
    if (url.href.split('#')[0] === base.href.split('#')[0] && (href.startsWith('#') || url.hash)) continue;
    const images = Array.from(a.querySelectorAll('img[alt]')).map((img) => img.getAttribute('alt'));
    const label = fold([a.textContent, a.getAttribute('aria-label'), a.getAttribute('title'), a.getAttribute('download'), ...images].filter(Boolean).join(' '));
    let file = '';
    try {
      file = fold(decodeURIComponent(url.pathname.split('/').pop() ?? ''));
    } catch {
      file = fold(url.pathname.split('/').pop() ?? '');
    }
    const pdf = a.type === 'application/pdf' || /\.pdf$/i.test(url.pathname);
    const named = RESUME_WORDS.test(label) && !NOT_A_RESUME.test(label);
    const fileNamed = RESUME_FILE.test(file.replace(/\.pdf$/, '')) || RESUME_WORDS.test(file);
    const rank = named && pdf ? 3 : pdf && fileNamed ? 2 : named ? 1 : 0;
    if (rank > (best?.rank ?? 0)) best = { rank, url: url.href };
    if (rank === 3) break;
  }
  return best?.url;
}

/**
 * A name as a person reads it: the decoration around a display name (emoji, flags, sparkles, stars, "|", pronouns)
 * is not part of it, styled letters (𝓙𝓪𝓷𝓮) are plain letters, and a handle (@jane), an address or a link is no name.
 */
export function cleanName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // "Jane Doe | Designer", "Jane Doe · Madrid": a display name's first part (with letters) is the name.
  const first =
    value
      .normalize('NFKC')
      .split(/\s[|•·–—]\s/)
      .find((part) => /\p{L}/u.test(part.replace(/@[\p{L}\p{N}_.]+/gu, ''))) ?? '';
  let name = first
    .replace(/[\p{Extended_Pictographic}\p{So}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200B-\u200D\u2060\uFE0E\uFE0F\u20E3]/gu, ' ')
    .replace(/[([]\s*(?:she|he|they|ze|xe|ella|él|elle)\s*\/\s*\p{L}+(?:\s*\/\s*\p{L}+)?\s*[)\]]/giu, ' ')
    .replace(/\(\s*@[\p{L}\p{N}_.]+\s*\)/gu, ' ')
    .replace(/[|•·~*_#«»\u2022\u2023\u25AA-\u25FF]/gu, ' ')
    .replace(/[()[\]{}]\s*[)\]}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s\-–—:,;./\\¿¡?!]+|[\s\-–—:,;/\\¿¡]+$/gu, '')
    .trim();
  if (!/\p{L}/u.test(name)) return undefined;
  if (/^@[\p{L}\p{N}_.-]+$/u.test(name)) return undefined;
  if (/^\S+@\S+\.\S+$/.test(name) || /^(?:https?:\/\/|www\.)/i.test(name)) return undefined;
  name = name.slice(0, 200);
  return name;
}

/** An address a mail can be sent to: local@domain.tld, no slashes, spaces or words (not "/dev/null@…", not "contact us"). */
const EMAIL = /^[\p{L}\p{N}.!#$%&'*+=?^_`{|}~-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;
export function plausibleEmail(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let v = value.trim();
  try {
    v = decodeURIComponent(v);
  } catch {
    // as written
  }
  v = v.replace(/^mailto:/i, '').split('?')[0]!.trim();
  // A microformats u-email written as text comes back as a URL whose last segment is the address.
  if (/^https?:\/\//i.test(v)) v = v.split('/').pop() ?? '';
  return EMAIL.test(v) && !v.startsWith('.') && !v.includes('..') ? v.slice(0, 320) : undefined;
}

/**
 * A phone number: up to 15 digits (E.164's most) in the usual punctuation, and no letters; at least 7 digits when
 * it was found in running text (a `tel:` link says it is a phone number, text does not).
 */
export function plausiblePhone(value: string | undefined, minDigits = 7): string | undefined {
  if (!value) return undefined;
  let v = value.trim();
  try {
    v = decodeURIComponent(v);
  } catch {
    // as written
  }
  v = v.replace(/^tel:/i, '').replace(/\s+/g, ' ').trim();
  const digits = v.replace(/\D/g, '').length;
  return digits >= minDigits && digits <= 15 && /^[+(]?\d[\d\s().\-\/]*\d$/.test(v.replace(/\s*(?:ext\.?|x)\s*\d+$/i, '')) ? v.slice(0, 64) : undefined;
}

/** A phone written as text: after a label (Phone, Tel., Mobile, Teléfono, Móvil, Handy, ☎…), or in international form. */
const PHONE_LABELLED = /(?<![\p{L}])(?:phone|tel(?:efono|éfono|efon|ephone)?|mobile|mob|cell|móvil|movil|celular|handy|fon|portable|téléphone|telefone|☎|📞|📱)\.?\s*(?:\([^)]{0,20}\))?\s*[:：]?\s*(\+?[\d(][\d\s().\-\/]{5,22}\d)/iu;
const PHONE_INTERNATIONAL = /(?<![\w+])(\+\d{1,3}[\s.\-]?(?:\(\d{1,4}\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){1,4})(?!\d)/;
const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/u;

/** The part of the page next to the person: their marked-up item, else the block around the heading that names them. */
function nearPerson(doc: Document, subject: PageThing, name: string | undefined): Element | undefined {
  const start =
    subject.element ??
    (name
      ? Array.from(doc.querySelectorAll('h1, h2, h3, [itemprop~="name"], .p-name, .fn, [class*="name" i]'))
          .slice(0, 300)
          .find((el) => el.textContent?.replace(/\s+/g, ' ').trim().toLowerCase().includes(name.toLowerCase()))
      : undefined);
  if (!start) return undefined;
  // Up to the largest block around it that is still about one person.
  let region: Element = start;
  for (let el = start.parentElement, i = 0; el && el !== doc.body && i < 4; el = el.parentElement, i++) {
    if ((el.textContent?.length ?? 0) > 1500) break;
    region = el;
  }
  return region;
}

function firstLink(root: ParentNode, scheme: 'mailto:' | 'tel:', extra = ''): string | undefined {
  const check = scheme === 'mailto:' ? plausibleEmail : (v: string | undefined) => plausiblePhone(v, 3);
  for (const a of Array.from(root.querySelectorAll(`a[href^="${scheme}" i]${extra}`)).slice(0, 50)) {
    const value = check(a.getAttribute('href')?.slice(scheme.length));
    if (value) return value;
  }
  return undefined;
}

function textPhone(region: Element): string | undefined {
  const textOfRegion = region.textContent?.replace(/\s+/g, ' ') ?? '';
  // A year range ("2019-2023") or a date is not a phone number.
  const notDates = (v: string | undefined) => (v && !/^(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(v.trim()) ? v : undefined);
  return plausiblePhone(notDates(PHONE_LABELLED.exec(textOfRegion)?.[1])) ?? plausiblePhone(notDates(PHONE_INTERNATIONAL.exec(textOfRegion)?.[1]));
}

/** "Ana Lima | Talent": titles name the page first and the site last. */
const TITLE_SEPARATOR = /\s[|·–—-]\s/;

export function readPageProfile(doc: Document, url: URL, siteName?: string): PageProfile {
  const titleParts = doc.title.split(TITLE_SEPARATOR);
  const graph = jsonLdGraph(doc);
  const things = safe(() => pageThings(doc, url, graph)) ?? [];
  const subject = pageSubject(things, safe(() => pageSignals(doc)) ?? {});
  const written = subject ? personName(subject) : undefined;
  // The same person published in another format fills what the subject's own markup lacks.
  const same = subject ? [subject, ...things.filter((t) => t !== subject && t.person && written && personName(t)?.toLowerCase() === written.toLowerCase())] : [];
  const field = (name: PersonField, max: number) => same.map((t) => clip(safe(() => t.field(name)), max)).find(Boolean);

  const fullName = cleanName(clip(written, 300));
  const node = subject?.node;
  const review = (node?.review ??
    (subject
      ? graph.nodes.find(({ node: n }) => hasType(n, 'Review') && textOf((n.itemReviewed as Node | undefined)?.name)?.toLowerCase() === written?.toLowerCase())?.node
      : undefined)) as Node | Node[] | undefined;
  const firstReview = Array.isArray(review) ? review[0] : review;

  const transcript: PageProfile['transcript'] = [];
  const conversation = doc.querySelector('[itemtype$="schema.org/Conversation"]');
  if (conversation) {
    for (const message of Array.from(conversation.querySelectorAll('[itemtype$="schema.org/Message"]')).slice(0, MAX_TURNS)) {
      const said = clip(message.querySelector('[itemprop="text"]')?.textContent, 20_000);
      if (said) transcript.push({ speaker: clip(message.querySelector('[itemprop="sender"]')?.textContent, 120) ?? 'Unknown', text: said });
    }
  }

  // Contact details are the person's: what their markup says, then the links and text next to them, then (the page
  // is theirs) the page's own links. A page about no one yields none: a company's services address is not a candidate's.
  let email: string | undefined;
  let phone: string | undefined;
  if (subject) {
    const region = safe(() => nearPerson(doc, subject, written));
    email =
      same.map((t) => plausibleEmail(safe(() => t.field('email')))).find(Boolean) ??
      (region && firstLink(region, 'mailto:')) ??
      plausibleEmail(region && EMAIL_IN_TEXT.exec(region.textContent ?? '')?.[0]) ??
      // The page is theirs: its owner's own address (rel="me"), else its first one.
      safe(() => firstLink(doc.querySelector('body') ?? doc, 'mailto:', '[rel~="me" i]')) ??
      safe(() => firstLink(doc, 'mailto:'));
    phone =
      same.map((t) => plausiblePhone(safe(() => t.field('telephone')), 3)).find(Boolean) ??
      (region && firstLink(region, 'tel:')) ??
      (region && safe(() => textPhone(region))) ??
      safe(() => firstLink(doc, 'tel:'));
  }

  return {
    fullName,
    email,
    phone,
    headline: field('jobTitle', 200),
    stage: text(doc.querySelector('[data-stage]')),
    rating: normaliseRating(firstReview?.reviewRating),
    summary: clip(textOf(firstReview?.reviewBody), 5000),
    transcript,
    resumeUrl: safe(() => resumeLink(doc, url)),
    sourceUrl: url.href,
    sourceSite: siteName ?? (titleParts[titleParts.length - 1]?.trim() || url.hostname),
  };
}
