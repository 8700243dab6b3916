// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { demoSourcingRouter, SOURCED_PEOPLE } from '../../../sandbox/demo/sourcing';
import { readPageProfile } from '@/lib/sites/profile-reader';
import { parseTranscript, transcriptText } from '@/lib/sourcing';

async function sourcingPage(id: string): Promise<string> {
  const match = demoSourcingRouter().match('GET', `/demo-sourcing/people/${id}`)!;
  const response = await match.handler({ method: 'GET', path: '', query: new URLSearchParams(), headers: {}, params: match.params, body: undefined });
  return String(response.raw);
}

function load(html: string, url = 'https://sourcing.example.com/people/1') {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  return readPageProfile(document, new URL(url), 'Demo Sourcing');
}

describe('generic page reader (schema.org Person, Review, Conversation; mailto/tel; resume link)', () => {
  it('reads the demo sourcing profile completely', async () => {
    const person = SOURCED_PEOPLE[0];
    const profile = load(await sourcingPage(person.id), `http://127.0.0.1:4780/demo-sourcing/people/${person.id}`);
    expect(profile).toMatchObject({
      fullName: 'Zoë Ñúñez',
      email: person.email,
      phone: person.phone,
      headline: person.title,
      stage: 'Engaged',
      rating: 4,
      summary: person.summary,
      resumeUrl: `http://127.0.0.1:4780/demo-sourcing/people/${person.id}/resume.pdf`,
      sourceSite: 'Demo Sourcing',
    });
    expect(profile.transcript).toEqual(person.transcript);
  });

  it('falls back to microdata, mailto/tel links and a CV link (never to the heading or title: issue 15)', () => {
    const profile = load(`<html><head><title>Ana Lima | Talent</title></head><body>
      <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ana Lima</span><span itemprop="jobTitle">Designer</span></div>
      <a href="mailto:ana%40example.com?subject=hi">mail</a><a href="tel:+351%20900">call</a><a href="/files/ana-cv.pdf">Download CV</a></body></html>`);
    expect(profile).toMatchObject({ fullName: 'Ana Lima', headline: 'Designer', email: 'ana@example.com', phone: '+351 900', resumeUrl: 'https://sourcing.example.com/files/ana-cv.pdf' });
    expect(profile.rating).toBeUndefined();
    expect(profile.transcript).toEqual([]);
  });

  it('scales ratings to 1–5 and survives broken or hostile JSON-LD', () => {
    const profile = load(`<html><head>
      <script type="application/ld+json">{ broken json</script>
      <script type="application/ld+json">{"@graph":[{"@type":"Person","name":"<img src=x onerror=alert(1)>\\u0000Eve","email":"mailto:eve@example.com",
        "review":{"@type":"Review","reviewRating":{"ratingValue":8,"bestRating":10,"worstRating":0},"reviewBody":"ok"}}]}</script>
      </head><body><a href="javascript:alert(1)">resume</a></body></html>`);
    expect(profile.fullName).toBe('<img src=x onerror=alert(1)>Eve');
    expect(profile.email).toBe('eve@example.com');
    expect(profile.rating).toBe(4);
    expect(profile.resumeUrl).toBeUndefined();
  });
});

describe('transcript text', () => {
  it('round-trips turns through "Speaker: text" lines, continuing lines without a speaker', () => {
    const turns = [
      { speaker: 'AI Recruiter', text: 'Notice period?' },
      { speaker: 'Zoë', text: 'Thirty days.' },
    ];
    expect(parseTranscript(transcriptText(turns))).toEqual(turns);
    expect(parseTranscript('Recruiter: Hi\nsecond line\n\nCandidate: Hello')).toEqual([
      { speaker: 'Recruiter', text: 'Hi\nsecond line' },
      { speaker: 'Candidate', text: 'Hello' },
    ]);
    expect(parseTranscript('no speaker here')).toEqual([{ speaker: 'Note', text: 'no speaker here' }]);
  });
});
