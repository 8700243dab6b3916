// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanName, plausibleEmail, readPageProfile, type PageProfile } from '@/lib/sites/profile-reader';
import { parseJsonLd } from '@/lib/sites/structured-data';

/**
 * The generic reader on real public markup (tests/fixtures/profiles/, sources in SOURCE.md): what a person
 * reading each page would take as the candidate's name, headline, email, phone and resume — and nothing more.
 * A name is only ever taken from structured data that names the Person.
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/profiles');

function read(name: string, url = 'https://example.org/profile'): PageProfile {
  const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), 'text/html');
  return readPageProfile(doc, new URL(url));
}

const JANE = { fullName: 'Jane Doe', headline: 'Professor', email: 'jane-doe@xyz.edu', phone: '(425) 123-4567' };

describe('schema.org Person, as schema.org publishes it', () => {
  it.each(['schemaorg-person-jsonld.html', 'schemaorg-person-microdata.html', 'schemaorg-person-rdfa.html'])('%s: Jane Doe, Professor', (file) => {
    // The same person in JSON-LD, microdata and RDFa; her colleagues' names and her address are not hers.
    expect(read(file)).toMatchObject(JANE);
  });

  it('a ProfilePage is about its mainEntity: Angelo Huff, never the page name (a handle)', () => {
    const profile = read('schemaorg-eg-4685-profilepage.html');
    expect(profile.fullName).toBe('Angelo Huff');
    expect(profile.fullName).not.toBe('u/ahuff1999');
  });

  it('jobTitle given as a DefinedTerm reads as its name', () => {
    expect(read('schemaorg-eg-0276-jobtitle-definedterm.html')).toMatchObject({ fullName: 'A. N. Other', headline: 'Aid worker/humanitarian worker' });
  });

  it('with no jobTitle, the occupation (through a Role) is the headline', () => {
    expect(read('schemaorg-person-hasoccupation-role.html')).toMatchObject({ fullName: 'Albert Einstein', headline: 'Patent examiner' });
  });

  it('RDFa Lite (W3C example 3): Manu Sporny and his telephone', () => {
    expect(read('w3c-rdfalite-example003.html')).toMatchObject({ fullName: 'Manu Sporny', phone: '1-800-555-0199' });
  });
});

describe('real pages', () => {
  it('a ProfilePage in a @graph whose mainEntity is an @id reference: the Person node it points to', () => {
    const profile = read('profilepage-graph-bradleygriffin.html', 'https://www.bradleygriffin.us/');
    // The hero heading ("I Build Systems That Unlock Growth") is not a name; the graph's Person is.
    expect(profile).toMatchObject({ fullName: 'Bradley Griffin', headline: 'Chief Marketing Officer & Growth Executive', sourceSite: 'Chief Marketing Officer & Growth Executive' });
  });

  it('a portfolio without structured data: no invented name (its first heading is "LinkedIn"), but its CV link', () => {
    const profile = read('extruct-portfolio-niels-lubberman.html', 'http://nielslubberman.nl/drupal/');
    // Behaviour change (issue 15): the reader used to take the first <h1> ("LinkedIn") or the <title>.
    expect(profile.fullName).toBeUndefined();
    expect(profile.resumeUrl).toBe('http://www.nielslubberman.nl/drupal/sites/default/files/files/lessons/CV%20Niels%20Lubberman%202016.pdf');
  });

  it('a news article is no person, even with a tolerant parse of its JSON-LD', () => {
    expect(read('extruct-jsonld-js-comment.html').fullName).toBeUndefined();
  });
});

describe('JSON-LD that strict JSON.parse rejects', () => {
  const block = (file: string) => new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), 'text/html').querySelector('script')!.textContent!;

  it('// comments and a trailing comma (a money.udn.com article)', () => {
    expect(() => JSON.parse(block('extruct-jsonld-js-comment.html'))).toThrow();
    expect(parseJsonLd(block('extruct-jsonld-js-comment.html'))).toMatchObject({ '@type': 'NewsArticle', headline: '讓AI挑出感興趣 SparkAmplify精準行銷當紅', articleSection: '商情' });
  });

  it('raw newlines inside a string', () => {
    expect(() => JSON.parse(block('extruct-jsonld-control-characters.html'))).toThrow();
    expect((parseJsonLd(block('extruct-jsonld-control-characters.html')) as { data: string }).data.split('\n').map((l) => l.trim())).toEqual(['line 1', 'line 2', 'line 3', '']);
  });

  it('a Person block with a comment and a raw newline is still read', () => {
    const doc = new DOMParser().parseFromString(
      `<script type="application/ld+json">{ // exported by the CMS
        "@type": "Person", "name": "Ana
 Lima", "jobTitle": "Designer", }</script>`,
      'text/html',
    );
    expect(readPageProfile(doc, new URL('https://example.org/'))).toMatchObject({ fullName: 'Ana Lima', headline: 'Designer' });
  });

  it('an unreadable block is skipped, the next one counts; a truncated one is read as far as it goes', () => {
    expect(parseJsonLd('<<< not json >>>')).toBeUndefined();
    expect(parseJsonLd('')).toBeUndefined();
    expect(parseJsonLd('{"@type": "Person", "name": "Ana Lima", "jobTi')).toMatchObject({ name: 'Ana Lima' });
    const doc = new DOMParser().parseFromString(
      '<script type="application/ld+json"><<< not json >>></script><script type="application/ld+json">{"@type":"Person","name":"Eve Adams"}</script>',
      'text/html',
    );
    expect(readPageProfile(doc, new URL('https://example.org/')).fullName).toBe('Eve Adams');
  });
});

const MICROFORMATS = path.resolve(FIXTURES, '../microformats');
function readMf(name: string, url = 'http://example.com/'): PageProfile {
  const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(MICROFORMATS, name), 'utf8'), 'text/html');
  return readPageProfile(doc, new URL(url));
}
const NOBODY = { fullName: undefined, email: undefined, phone: undefined, headline: undefined };

describe('microformats: h-card / hCard and h-resume / hResume (the suite\'s own cases)', () => {
  it.each(['microformats-v1/hresume/contact.html', 'microformats-v2/h-resume/contact.html'])('%s: the résumé is Tim Berners-Lee\'s, with his contact card', (file) => {
    expect(readMf(file)).toMatchObject({ fullName: 'Tim Berners-Lee', email: 'timbl@w3.org', phone: '+1 (617) 253 5702' });
  });

  it('an hResume whose work history is a card of its own: the contact\'s title, not the employer\'s name', () => {
    expect(readMf('microformats-mixed/h-resume/mixedroots.html')).toMatchObject({ fullName: 'Tim Berners-Lee', headline: 'Director of the World Wide Web Foundation' });
  });

  it('a full hCard: the first email, phone and title are his; the emergency contact (an agent card) is not the person', () => {
    expect(readMf('microformats-v1/hcard/multiple.html')).toMatchObject({ fullName: 'John Doe', email: 'john.doe@madgex.com', phone: '+1 415 555 100', headline: 'Creative Director' });
  });

  it('an h-card with the organisation as a nested card: the person, not Mozilla Foundation', () => {
    expect(readMf('microformats-v2/h-card/hcard.html').fullName).toBe('Mitchell Baker');
  });

  it('hCard email: a mailto with a subject still gives the address', () => {
    expect(readMf('microformats-v1/hcard/email.html')).toMatchObject({ fullName: 'John Doe', email: 'john@example.com' });
  });

  it('a personal homepage (aaronparecki.com): the representative h-card among org cards and 20 posts, and his rel="me" address', () => {
    const profile = read('indieweb-utils-aaronparecki-home.html', 'https://aaronparecki.com/');
    expect(profile).toMatchObject({ fullName: 'Aaron Parecki', email: 'aaron@parecki.com' });
  });

  it('a blog\'s home page (jamesg.blog): its one h-card, with the address it declares (u-email)', () => {
    expect(read('indieweb-utils-jamesg-blog-home.html', 'https://jamesg.blog/')).toMatchObject({ fullName: 'James', email: 'readers@jamesg.blog' });
  });
});

describe('the page\'s subject, never the first person named', () => {
  it.each([
    ['schemaorg-eg-0017-movie-jsonld.html', 'a movie (JSON-LD): not its director, writers or actors'],
    ['schemaorg-eg-0017-movie-microdata.html', 'the same movie in microdata'],
    ['schemaorg-eg-0306-podcastseries.html', 'a podcast: not its host'],
    ['extruct-webpage-mainentity-book.html', 'a WebPage whose mainEntity is a book: not its reviewers'],
    ['extruct-w3c-microdata-blogposting-commenters.html', 'a blog post (W3C microdata example): not its commenters'],
    ['extruct-hentry-author-hcard.html', 'an h-entry: not its author card'],
    ['trafilatura-jsonld-cnn-live-news.html', 'a CNN live article whose "Person" author is a byline with the agency'],
    ['trafilatura-jsonld-7news-agency-author.html', 'a 7NEWS page whose author "Person" is 7NEWS'],
    ['trafilatura-jsonld-traveltomorrow-yoast-article.html', 'a Yoast article graph: not the article\'s author'],
    ['trafilatura-jsonld-socialmediaposting-author.html', 'a posting: not its author'],
    ['trafilatura-jsonld-safety-insurance-organization.html', 'a company: not a person, and not its customer-service phones'],
    ['trafilatura-jsonld-a16z-profilepage-unnamed.html', 'a ProfilePage whose Person has no name: no invented one'],
    ['trafilatura-moritz-meyer-vreni.html', 'a blog article (og:type article, an author hCard)'],
    ['trafilatura-laviedesidees-evaluation.html', 'a review article with its authors\' hCards'],
    ['trafilatura-ndr-podcast-coronavirus.html', 'a podcast episode page'],
  ])('%s — %s: no person', (file) => {
    expect(read(file)).toMatchObject(NOBODY);
  });

  it('a book page: its readers\' review ratings are not an assessment of anyone', () => {
    expect(read('extruct-webpage-mainentity-book.html').rating).toBeUndefined();
  });

  it('the same Person as a top-level node still is the subject (schema.org Jane Doe: her colleagues are parts of her)', () => {
    expect(read('schemaorg-person-jsonld.html').fullName).toBe('Jane Doe');
  });
});

describe('contact details belong to the person', () => {
  it('no person, no contact details: a page\'s share-by-mail link (moritz-meyer.net: mailto:?subject=…) is nobody\'s address', () => {
    const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, 'trafilatura-moritz-meyer-vreni.html'), 'utf8'), 'text/html');
    expect(doc.querySelector('a[href^="mailto:"]')).not.toBeNull();
    expect(read('trafilatura-moritz-meyer-vreni.html').email).toBeUndefined();
  });

  it('a mailto must hold an address (not /dev/null, not words, not a bare subject)', () => {
    expect(plausibleEmail('mailto:ana%40example.com?subject=hi')).toBe('ana@example.com');
    expect(plausibleEmail('mailto:/dev/null@example.com')).toBeUndefined();
    expect(plausibleEmail('mailto:/dev/null')).toBeUndefined();
    expect(plausibleEmail('mailto:contact us')).toBeUndefined();
    expect(plausibleEmail('mailto:?subject=Ich%20habe%20das%20Urteil%20gelesen')).toBeUndefined();
    expect(plausibleEmail('mailto:zoë@exämple.es')).toBe('zoë@exämple.es');
  });

  it('on a page about a person, a phone written as text next to them is read; a page\'s own number elsewhere is not taken first', () => {
    // Constructed (no public fixture had a marked-up person with a phone only in text): the person in microdata,
    // the phone in a sibling line, the site's switchboard as a tel: link in the footer.
    const doc = new DOMParser().parseFromString(
      `<main><section><div itemscope itemtype="https://schema.org/Person"><h1 itemprop="name">Ana Lima</h1><p itemprop="jobTitle">Designer</p></div>
       <p>Teléfono: +34 612 345 678 · Madrid</p></section></main><footer><a href="tel:+34900100200">Switchboard</a></footer>`,
      'text/html',
    );
    expect(readPageProfile(doc, new URL('https://example.org/ana'))).toMatchObject({ fullName: 'Ana Lima', phone: '+34 612 345 678' });
    // Words that end in "phone" and year ranges are not phone numbers.
    const years = new DOMParser().parseFromString(
      `<section><div itemscope itemtype="https://schema.org/Person"><h1 itemprop="name">Ana Lima</h1></div><p>Microphone design, 2019-2023</p></section>`,
      'text/html',
    );
    expect(readPageProfile(years, new URL('https://example.org/ana')).phone).toBeUndefined();
  });
});

describe('the résumé link is a résumé', () => {
  it('gregoryszorc.com: the navigation\'s "Resume" is his résumé PDF', () => {
    expect(read('trafilatura-gregoryszorc-python3.html', 'https://gregoryszorc.com/blog/2020/01/13/python-3/').resumeUrl).toBe('https://gregoryszorc.com/resume.pdf');
  });

  it.each([
    ['trafilatura-psl-luniversite.html', 'a university\'s press-release PDF'],
    ['trafilatura-ndr-podcast-coronavirus.html', 'a podcast\'s transcript PDF'],
    ['trafilatura-moritz-meyer-vreni.html', 'a court ruling and a flyer (PDFs)'],
    ['trafilatura-laviedesidees-evaluation.html', 'the article as PDF, and "CV" in its running text'],
  ])('%s — %s: no résumé', (file) => {
    const html = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    expect(html).toMatch(/href="[^"]+\.pdf"/i);
    expect(read(file).resumeUrl).toBeUndefined();
  });

  it('named in any language and accent, to a PDF or an HTML résumé page; a same-page "Résumé" (French: summary) is not one', () => {
    const page = (links: string) => readPageProfile(new DOMParser().parseFromString(`<body>${links}</body>`, 'text/html'), new URL('https://example.org/about')).resumeUrl;
    expect(page('<a href="/files/annual-report.pdf">Annual report</a><a href="/resume">Résumé</a>')).toBe('https://example.org/resume');
    expect(page('<a href="/r">RÉSUMÉ</a><a href="/files/cv-ana.pdf">Download</a>')).toBe('https://example.org/files/cv-ana.pdf');
    expect(page('<a href="/docs/x.pdf">Currículum</a><a href="/r">Résumé</a>')).toBe('https://example.org/docs/x.pdf');
    expect(page('<a href="/lebenslauf.html">Mein Lebenslauf</a>')).toBe('https://example.org/lebenslauf.html');
    expect(page('<a href="#resume">Résumé</a><a href="/paper.pdf">Paper</a>')).toBeUndefined();
    expect(page('<a href="https://jobs.example.com/upload">Upload your resume</a>')).toBeUndefined();
  });
});

describe('a name is a name', () => {
  it.each([
    ['✨ Ana Lima ✨', 'Ana Lima'],
    ['Ana Lima 🇵🇹🏳️‍🌈', 'Ana Lima'],
    ['Zoë Ñúñez (she/her)', 'Zoë Ñúñez'],
    ['𝓙𝓪𝓷𝓮 𝓓𝓸𝓮', 'Jane Doe'],
    ['Jane Doe | Designer ★', 'Jane Doe'],
    ['★ Jane Doe ★ · Madrid', 'Jane Doe'],
    ['Seán Federico O\'Murchú', 'Seán Federico O\'Murchú'],
    ['¿\ttara Cosoleto', 'tara Cosoleto'], // as a Daily Mail page spells an author (trafilatura's fixture)
  ])('%j reads %j', (raw, name) => {
    expect(cleanName(raw)).toBe(name);
  });

  it.each(['@ahuff1999', '  @jane.doe ', '🚀', 'jane@example.com', 'https://jane.dev'])('%j is no name', (raw) => {
    expect(cleanName(raw)).toBeUndefined();
  });

  it('a JSON-LD Person named with decorations reads as the name', () => {
    const doc = new DOMParser().parseFromString('<script type="application/ld+json">{"@type":"ProfilePage","mainEntity":{"@type":"Person","name":"🌟 Eve Adams 🌟","alternateName":"@eve"}}</script>', 'text/html');
    expect(readPageProfile(doc, new URL('https://example.org/')).fullName).toBe('Eve Adams');
  });
});
