// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPageProfile, type PageProfile } from '@/lib/sites/profile-reader';
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
