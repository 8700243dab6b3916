// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { checkSelector, looksGenerated, rowOf, rowSelector, uniqueSelector } from '@/lib/recipes/selector';

/** Selectors made from what an admin points at: stable attributes first, each checked against the page. */

const page = (html: string) => {
  document.body.innerHTML = html;
  return document;
};
const only = (selector: string) => Array.from(document.querySelectorAll(selector));

describe('selector generation', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('prefers an id, then test/data attributes, then ARIA labels, each matching exactly the element', () => {
    page(`<h1 id="candidate-name">Ana</h1><a data-qa="candidate-email" href="mailto:a@example.com">a@example.com</a>
      <div aria-label="Candidate actions"><button>Move</button></div><div aria-label="Other"></div>`);
    const name = document.querySelector('h1')!;
    const email = document.querySelector('a')!;
    const actions = document.querySelector('[aria-label="Candidate actions"]')!;
    expect(uniqueSelector(name)).toBe('#candidate-name');
    expect(uniqueSelector(email)).toBe('a[data-qa="candidate-email"]');
    expect(uniqueSelector(actions)).toBe('div[aria-label="Candidate actions"]');
    for (const el of [name, email, actions]) expect(only(uniqueSelector(el))).toEqual([el]);
  });

  it('skips ids and classes a build tool made up, and qualifies a plain element by a stable ancestor instead of a position chain', () => {
    page(`<section id="profile"><div class="css-1x2y3z"><span>Hired</span></div></section>
      <section id="sidebar"><span>Other</span></section><div id="ember1234"><span>Noise</span></div>`);
    const stage = document.querySelector('#profile span')!;
    const selector = uniqueSelector(stage);
    expect(selector).toBe('#profile span');
    expect(selector).not.toContain('nth');
    expect(selector).not.toContain('css-1x2y3z');
    expect(only(selector)).toEqual([stage]);
    expect(looksGenerated('css-1x2y3z')).toBe(true);
    expect(looksGenerated('ember1234')).toBe(true);
    expect(looksGenerated('candidate-name')).toBe(false);
  });

  it('falls back to positions only when nothing stable names the element, and still matches exactly it', () => {
    page('<div><p>one</p><p>two</p></div><div><p>three</p></div>');
    const two = document.querySelectorAll('p')[1];
    const selector = uniqueSelector(two);
    expect(selector).toContain('nth-of-type');
    expect(only(selector)).toEqual([two]);
  });

  it('a list row: climbs from the clicked cell to the repeated row, and the selector matches every row and nothing else', () => {
    page(`<table id="list"><thead><tr><th>Name</th></tr></thead><tbody>
      <tr class="candidate-row" data-row="x"><td><a href="/c/1">Ana</a></td></tr>
      <tr class="candidate-row" data-row="y"><td><a href="/c/2">Ben</a></td></tr>
      <tr class="candidate-row" data-row="z"><td><a href="/c/3">Cleo</a></td></tr></tbody></table>
      <ul><li class="candidate-row">not a row of the table</li><li>x</li></ul>`);
    const cell = document.querySelector('a[href="/c/2"]')!;
    const row = rowOf(cell);
    expect(row.localName).toBe('tr');
    const selector = rowSelector(row);
    expect(only(selector)).toEqual(Array.from(document.querySelectorAll('tbody tr')));
  });

  it('checks a selector against the page: exactly one for a field, at least one for rows, and says why not', () => {
    page('<p class="a">1</p><p class="a">2</p><h1>x</h1>');
    expect(checkSelector('h1', document, 'one')).toEqual({ ok: true, count: 1 });
    expect(checkSelector('p.a', document, 'one')).toEqual({ ok: false, reason: 'many', count: 2 });
    expect(checkSelector('p.a', document, 'rows')).toEqual({ ok: true, count: 2 });
    expect(checkSelector('h2', document, 'one')).toEqual({ ok: false, reason: 'none', count: 0 });
    expect(checkSelector('h1[', document, 'one')).toEqual({ ok: false, reason: 'invalid', count: 0 });
  });
});
