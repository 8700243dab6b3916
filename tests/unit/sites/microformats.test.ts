// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMicroformats, type MfItem, type MfValue } from '@/lib/sites/microformats';

/**
 * The microformats reader against the microformats test suite's own fixtures (tests/fixtures/microformats/,
 * microformats/tests; SOURCE.md): every h-card / hCard / h-resume / hResume case, compared with the suite's
 * expected parse on the properties the reader uses to find a person and reach them.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/microformats');
const CASES = fs
  .readdirSync(ROOT, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.html'))
  .sort();

/** What the reader uses: names, contact details, headline, the résumé's parts. */
const PROPS = ['name', 'given-name', 'family-name', 'additional-name', 'nickname', 'email', 'tel', 'job-title', 'role', 'org', 'url', 'summary', 'contact'];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Expected {
  type: string[];
  properties: Record<string, unknown[]>;
  value?: string;
}

function pick(item: Expected | MfItem): Record<string, unknown> {
  const out: Record<string, unknown> = { type: [...item.type].sort() };
  for (const prop of PROPS) {
    const values = item.properties[prop] as (string | Expected | MfValue | { value: string })[] | undefined;
    if (!values?.length) continue;
    out[prop] = values.map((v) => {
      // URLs compared as URLs ("https://example.com" is "https://example.com/").
      if (typeof v === 'string') return prop === 'url' && /^https?:/.test(v) ? new URL(v).href : squash(v);
      if ('type' in v) return { ...pick(v as Expected), value: squash(String((v as Expected).value ?? '')) };
      return squash(String((v as { value: string }).value)); // e.g. an img's { value, alt }
    });
  }
  return out;
}

describe('microformats test suite: h-card, hCard, h-resume, hResume', () => {
  it('has the suite\'s cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35);
  });

  it.each(CASES)('%s', (file) => {
    const html = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, file.replace(/\.html$/, '.json')), 'utf8')) as { items: Expected[] };
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const items = parseMicroformats(doc, new URL('http://example.com/'));
    expect(items.map(pick)).toEqual(expected.items.map(pick));
  });
});
