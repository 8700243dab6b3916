import { PDFDocument, StandardFonts } from 'pdf-lib';
import { escapeHtml as e, html, Router, type SandboxResponse } from '../http';

/**
 * The demo sourcing app: where an AI recruiter screened people before they go into the team's ATS (like
 * FactoryFix). Each profile page shows the person (schema.org Person as JSON-LD), the AI recruiter's 1–5 rating
 * and summary (schema.org Review), the full screening conversation (schema.org Conversation / Message microdata)
 * and a link to the resume PDF. Everything is HTML-escaped: names may be hostile.
 */

export interface SourcedPerson {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  title: string;
  stage: string;
  rating: number;
  summary: string;
  transcript: { speaker: string; text: string }[];
  /** Pages in the resume PDF; 0 = no resume link. */
  resumePages: number;
}

function conversation(name: string, turns: number): SourcedPerson['transcript'] {
  const questions = [
    'Tell me about your current role.',
    'Why are you looking for a change?',
    'What is your notice period?',
    'Which tools do you use every day?',
    'Describe a project you are proud of.',
    'What salary range are you looking for?',
  ];
  const out: SourcedPerson['transcript'] = [];
  for (let i = 0; i < turns; i++) {
    out.push({ speaker: 'AI Recruiter', text: `Question ${i + 1}: ${questions[i % questions.length]}` });
    out.push({ speaker: name, text: `Answer ${i + 1}: I have handled this for several years; for example in my last team we shipped weekly and measured everything.` });
  }
  return out;
}

export const SOURCED_PEOPLE: SourcedPerson[] = [
  {
    id: 'sp-1001',
    name: 'Zoë Ñúñez',
    givenName: 'Zoë',
    familyName: 'Ñúñez',
    email: 'zoe.nunez@example.com',
    phone: '+34 611 22 33 44',
    title: 'Senior Backend Engineer',
    stage: 'Engaged',
    rating: 4,
    summary: 'Strong backend engineer with payments experience; clear communicator; available in 30 days.',
    transcript: conversation('Zoë Ñúñez', 6),
    resumePages: 3,
  },
  {
    id: 'sp-1002',
    name: 'Αλέξανδρος Παπαδόπουλος',
    givenName: 'Αλέξανδρος',
    familyName: 'Παπαδόπουλος',
    email: 'alexandros.p@example.com',
    phone: '+30 69 1234 5678',
    title: 'Data Analyst',
    stage: 'Screening',
    rating: 3,
    summary: 'Solid SQL and dashboards; wants a hybrid role in Athens or remote.',
    transcript: conversation('Αλέξανδρος Παπαδόπουλος', 4),
    resumePages: 0,
  },
];

const STYLE = `body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1c2430;background:#f6f4ef}
header.app{background:#3a2f5b;color:#fff;padding:10px 24px}main{max-width:860px;margin:24px auto;background:#fff;border-radius:8px;padding:24px}
.rating{font-size:20px;color:#b7791f}.msg{margin:6px 0}.msg b{display:inline-block;min-width:120px}`;

function page(title: string, body: string, jsonLd?: unknown): SandboxResponse {
  // JSON-LD is data, not markup: "<" is escaped so a hostile name cannot close the script element.
  const ld = jsonLd ? `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>` : '';
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)} · Demo Sourcing</title><style>${STYLE}</style>${ld}</head>
<body><header class="app"><strong>Demo Sourcing</strong> · AI recruiter</header><main>${body}</main></body></html>`);
}

const resumeCache = new Map<string, Uint8Array>();

/** A plain resume PDF with one known line per page, so tests can find its pages inside the profile PDF. */
export async function resumePdf(person: SourcedPerson): Promise<Uint8Array> {
  const cached = resumeCache.get(person.id);
  if (cached) return cached;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= person.resumePages; i++) {
    const p = doc.addPage([595, 842]);
    p.drawText(`RESUME PAGE ${i} OF ${person.resumePages}`, { x: 50, y: 780, size: 18, font });
    p.drawText(`${person.email} - ${person.title}`, { x: 50, y: 750, size: 12, font });
  }
  const bytes = await doc.save();
  resumeCache.set(person.id, bytes);
  return bytes;
}

export function demoSourcingRouter(people: () => SourcedPerson[] = () => SOURCED_PEOPLE): Router {
  const r = new Router();
  r.on('GET', '/demo-sourcing', () => ({ status: 302, headers: { location: '/demo-sourcing/people' } }));
  r.on('GET', '/demo-sourcing/people', () =>
    page(
      'People',
      `<h1>Screened people</h1><ul>${people()
        .map((p) => `<li><a href="/demo-sourcing/people/${encodeURIComponent(p.id)}">${e(p.name)}</a> — ${e(p.title)} · ${e(p.stage)}</li>`)
        .join('')}</ul>`,
    ),
  );
  r.on('GET', '/demo-sourcing/people/:id', (req) => {
    const p = people().find((x) => x.id === req.params.id);
    if (!p) return { ...page('Not found', '<h1>Not found</h1>'), status: 404 };
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: p.name,
      givenName: p.givenName,
      familyName: p.familyName,
      email: p.email,
      telephone: p.phone,
      jobTitle: p.title,
      review: { '@type': 'Review', author: { '@type': 'Organization', name: 'AI Recruiter' }, reviewRating: { '@type': 'Rating', ratingValue: p.rating, bestRating: 5, worstRating: 1 }, reviewBody: p.summary },
    };
    const stars = '★'.repeat(p.rating) + '☆'.repeat(5 - p.rating);
    const messages = p.transcript
      .map((m) => `<p class="msg" itemprop="hasPart" itemscope itemtype="https://schema.org/Message"><b itemprop="sender">${e(m.speaker)}</b> <span itemprop="text">${e(m.text)}</span></p>`)
      .join('\n');
    return page(
      p.name,
      `<h1>${e(p.name)}</h1><p class="headline">${e(p.title)}</p>
<p>Stage: <span class="stage" data-stage>${e(p.stage)}</span></p>
<p><a href="mailto:${e(p.email)}">${e(p.email)}</a> · <a href="tel:${e(p.phone)}">${e(p.phone)}</a></p>
<section aria-label="Assessment"><h2>AI recruiter assessment</h2><p class="rating" aria-label="Rating ${p.rating} out of 5">${stars}</p><p>${e(p.summary)}</p></section>
${p.resumePages ? `<p><a href="/demo-sourcing/people/${encodeURIComponent(p.id)}/resume.pdf" type="application/pdf">Resume (PDF)</a></p>` : ''}
<section aria-label="Screening conversation" itemscope itemtype="https://schema.org/Conversation"><h2>Screening conversation</h2>
${messages}</section>`,
      jsonLd,
    );
  });
  r.on('GET', '/demo-sourcing/people/:id/resume.pdf', async (req) => {
    const p = people().find((x) => x.id === req.params.id);
    if (!p || !p.resumePages) return { status: 404, raw: 'Not found', contentType: 'text/plain' };
    return { status: 200, raw: Buffer.from(await resumePdf(p)), contentType: 'application/pdf' };
  });
  return r;
}
