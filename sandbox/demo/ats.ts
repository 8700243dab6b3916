import { escapeHtml as e, html, Router, type SandboxResponse } from '../http';
import type { KomboWorld } from '../seed';

/**
 * The demo ATS web app: the team's ATS as a recruiter sees it (candidate list, candidate page, job pipeline).
 * Its ids are the ATS's own (Kombo's `remote_id`s). Every value is HTML-escaped: names may be hostile.
 * A small script turns in-app links into SPA navigations (pushState + swapping <main>), like real ATSs do.
 */

const STYLE = `
body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1f2933;background:#f4f5f7}
header.app{background:#24364b;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
header.app a{color:#cfe0f5;text-decoration:none}header.app strong{font-size:17px}
main{max-width:980px;margin:24px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px #0002}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px;border-bottom:1px solid #e4e7eb}
.stage{display:inline-block;padding:2px 10px;border-radius:999px;background:#e3ecf8;font-size:13px}
.stage.hired{background:#d9f2e3;color:#17794a}
.candidate-header{display:flex;justify-content:space-between;align-items:flex-start;gap:16px}
.candidate-actions{display:flex;gap:8px;align-items:center}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px}dt{color:#616e7c}
.pipeline{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
.pipeline-column{background:#f4f5f7;border-radius:8px;padding:8px;min-height:120px}
.pipeline-column h2{font-size:14px;margin:4px 4px 8px}
.candidate-card{background:#fff;border-radius:6px;padding:8px;margin-bottom:8px;box-shadow:0 1px 2px #0002}
.candidate-card h3{font-size:14px;margin:0 0 4px}`;

const SPA = `
document.addEventListener('click', async (event) => {
  const link = event.target.closest && event.target.closest('a[data-spa]');
  if (!link || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  await go(link.getAttribute('href'), true);
});
window.addEventListener('popstate', () => go(location.pathname, false));
async function go(href, push) {
  const response = await fetch(href, { headers: { 'x-demo-spa': '1' } });
  const text = await response.text();
  const doc = new DOMParser().parseFromString(text, 'text/html');
  document.querySelector('main').replaceWith(doc.querySelector('main'));
  document.title = doc.title;
  if (push) history.pushState({}, '', href);
}`;

function page(title: string, body: string): SandboxResponse {
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)} · Demo ATS</title><style>${STYLE}</style></head>
<body><header class="app"><strong>Demo ATS</strong><a href="/demo-ats/candidates" data-spa>Candidates</a><a href="/demo-ats/jobs" data-spa>Jobs</a></header>
<main>${body}</main><script>${SPA}</script></body></html>`);
}

type Row = Record<string, unknown>;

function stageName(world: KomboWorld, application: Row | undefined): string {
  if (!application) return '—';
  const job = world.jobs.find((j) => j.id === application.job_id);
  return (job?.stages as { id: string; name: string }[] | undefined)?.find((s) => s.id === application.current_stage_id)?.name ?? '—';
}
const emailOf = (c: Row) => (c.email_addresses as { email_address: string }[])[0]?.email_address ?? '';
const phoneOf = (c: Row) => (c.phone_numbers as { phone_number: string }[])[0]?.phone_number ?? '';
const fullName = (c: Row) => `${c.first_name} ${c.last_name}`;

export function demoAtsRouter(world: () => KomboWorld): Router {
  const r = new Router();
  const latestApplication = (w: KomboWorld, c: Row) => [...w.applications].reverse().find((a) => a.candidate_id === c.id);

  r.on('GET', '/demo-ats', () => ({ status: 302, headers: { location: '/demo-ats/candidates' } }));
  r.on('GET', '/demo-ats/candidates', () => {
    const w = world();
    const rows = w.candidates
      .filter((c) => !c.remote_deleted_at)
      .map((c) => {
        const app = latestApplication(w, c);
        const job = w.jobs.find((j) => j.id === app?.job_id);
        const stage = stageName(w, app);
        return `<tr data-candidate-id="${e(c.remote_id)}"><td><a href="/demo-ats/candidates/${encodeURIComponent(String(c.remote_id))}" data-spa data-field="name">${e(fullName(c))}</a></td>
<td><a href="mailto:${e(emailOf(c))}">${e(emailOf(c))}</a></td><td data-field="job">${e(job?.name ?? '')}</td>
<td><span class="stage${stage === 'Hired' ? ' hired' : ''}" data-field="stage">${e(stage)}</span></td><td class="actions"></td></tr>`;
      })
      .join('\n');
    return page('Candidates', `<h1>Candidates</h1><table><thead><tr><th>Name</th><th>Email</th><th>Job</th><th>Stage</th><th></th></tr></thead><tbody>${rows}</tbody></table>`);
  });

  r.on('GET', '/demo-ats/candidates/:remoteId', (req) => {
    const w = world();
    const c = w.candidates.find((x) => x.remote_id === req.params.remoteId);
    if (!c) return { ...page('Not found', '<h1>Candidate not found</h1>'), status: 404 };
    const app = latestApplication(w, c);
    const job = w.jobs.find((j) => j.id === app?.job_id);
    const stage = stageName(w, app);
    return page(
      fullName(c),
      `<div class="candidate-header"${app ? ` data-application-id="${e(app.remote_id)}"` : ''}><div><h1>${e(fullName(c))}</h1><p class="job-title">${e(job?.name ?? '')}</p></div><div class="candidate-actions"></div></div>
<dl><dt>Email</dt><dd><a href="mailto:${e(emailOf(c))}">${e(emailOf(c))}</a></dd>
<dt>Phone</dt><dd><a href="tel:${e(phoneOf(c))}">${e(phoneOf(c))}</a></dd>
<dt>Stage</dt><dd><span class="stage${stage === 'Hired' ? ' hired' : ''}">${e(stage)}</span></dd>
${stage === 'Hired' ? `<dt>Start date</dt><dd class="start-date">2026-12-01</dd>` : ''}
<dt>Job</dt><dd>${job ? `<a href="/demo-ats/jobs/${encodeURIComponent(String(job.remote_id))}/pipeline" data-spa>${e(job.name)}</a>` : '—'}</dd></dl>
<p><a href="/demo-ats/candidates" data-spa>← All candidates</a></p>`,
    );
  });

  r.on('GET', '/demo-ats/jobs', () => {
    const w = world();
    const rows = w.jobs
      .filter((j) => !j.remote_deleted_at)
      .map((j) => `<li><a href="/demo-ats/jobs/${encodeURIComponent(String(j.remote_id))}/pipeline" data-spa>${e(j.name)}</a> — ${e((j.location as Row)?.city)} (${e(j.status)})</li>`)
      .join('');
    return page('Jobs', `<h1>Jobs</h1><ul>${rows}</ul>`);
  });

  r.on('GET', '/demo-ats/jobs/:remoteId/pipeline', (req) => {
    const w = world();
    const job = w.jobs.find((j) => j.remote_id === req.params.remoteId);
    if (!job) return { ...page('Not found', '<h1>Job not found</h1>'), status: 404 };
    const stages = job.stages as { id: string; name: string }[];
    const columns = stages
      .map((s) => {
        const cards = w.applications
          .filter((a) => a.job_id === job.id && a.current_stage_id === s.id)
          .map((a) => w.candidates.find((c) => c.id === a.candidate_id))
          .filter((c): c is Row => !!c)
          .map(
            (c) =>
              `<article class="candidate-card" data-candidate-id="${e(c.remote_id)}"><h3><a href="/demo-ats/candidates/${encodeURIComponent(String(c.remote_id))}" data-spa>${e(fullName(c))}</a></h3><a href="mailto:${e(emailOf(c))}">${e(emailOf(c))}</a></article>`,
          )
          .join('');
        return `<section class="pipeline-column" data-stage="${e(s.name)}"><h2>${e(s.name)}</h2>${cards}</section>`;
      })
      .join('');
    return page(`${job.name} pipeline`, `<h1>${e(job.name)}</h1><div class="pipeline">${columns}</div>`);
  });
  return r;
}
