import { expect, sandboxControl, test, dialogFrame } from './fixtures';
import { connectProduction, expectKomboImportOffered, servePages, siteFixture, untrackedHire } from './site-pages';

/**
 * The pages recruiters really work in, rebuilt from public evidence of each ATS (tests/fixtures/sites/<ats>/, each
 * element's source in a comment) and served on the ATS's real hostnames: which buttons appear, where, acting on
 * which candidate with which ids. Factorial HR and Kombo (a Greenhouse integration) are served by the sandbox.
 */
const LUCAS = '40112234'; // Hired in Kombo's Greenhouse
const DANIEL = '40112237'; // Interview in Kombo's Greenhouse
const EXPORT = { name: 'Export to FactorialHR' } as const;

test.describe('Greenhouse: the lists, Application Review and the application pages', () => {
  test("a job's candidate list: one button beside each row's link, for that row's candidate as Kombo knows them", async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    const list = siteFixture('greenhouse', 'candidates.html').replaceAll('48213377', LUCAS).replaceAll('48213378', DANIEL);
    await servePages(context, 'https://app.greenhouse.io', { '/plans/4012345/candidates': list, '/people': list });
    const page = await context.newPage();
    await page.goto('https://app.greenhouse.io/plans/4012345/candidates?sort=last_activity+desc&type=all');

    // Right after each person's link: Lucas (hired in Kombo) can be exported, Daniel (at Interview) cannot.
    const lucas = page.locator(`a[href^="/people/${LUCAS}/"] + hirebridge-action`).getByRole('button', EXPORT);
    const daniel = page.locator(`a[href*="/people/${DANIEL}?"] + hirebridge-action`).getByRole('button', EXPORT);
    await expect(lucas).toBeEnabled();
    await expect(daniel).toBeDisabled();
    await expect(daniel).toHaveAccessibleDescription(/Only hired candidates can be exported\./);
    // Mallory's row has two links to her application: one button. The nav, "Add a candidate" and another site's
    // link get none. No floating button on a list.
    await expect(page.locator('hirebridge-action')).toHaveCount(3);
    await expect(page.locator('a[href="/people/new"] + hirebridge-action, nav hirebridge-action')).toHaveCount(0);

    await lucas.click();
    const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
  });

  test('Application Review: the button beside Reject acts on the person in the header, with the application: Kombo can import it', async ({ context, options, sandbox }) => {
    const elena = await untrackedHire(sandbox);
    await connectProduction(options, context, sandbox);
    const review = siteFixture('greenhouse', 'app-review.html').replace('/people/48213377?application_id=51234567', `/people/${elena.remote_id}?application_id=${elena.application_remote_id}`).replace('Ana García López', 'Elena P.');
    await servePages(context, 'https://app.greenhouse.io', { '/applications/review/app_review': review });
    const page = await context.newPage();
    await page.goto('https://app.greenhouse.io/applications/review/app_review?hiring_plan_id=4012345');

    const button = page.locator('[data-provides="reject"] + hirebridge-action').getByRole('button', EXPORT);
    await expect(button).toHaveAccessibleDescription('Kombo does not see this candidate. Open the export to see why and what to do.');
    await expect(page.locator('hirebridge-action')).toHaveCount(1);
    await button.click();
    const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
    const notice = dialog.getByRole('status').filter({ hasText: 'Kombo does not know' });
    await expect(notice).toContainText(`(id ${elena.remote_id})`);
    // The page named the application: Kombo's import into tracking is offered, not "open the application".
    await notice.getByRole('button', { name: 'Import into Kombo’s tracking' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Petrova');
    const state = await sandboxControl<{ kombo: { tracked: string[]; applications: { id: string; remote_id: string }[] } }>(sandbox, 'GET', 'state');
    expect(state.kombo.tracked).toContain(state.kombo.applications.find((a) => a.remote_id === elena.application_remote_id)!.id);
  });

  test('the floating button carries the application id of /people/:pid/applications/:aid and of /applications/:aid', async ({ context, options, sandbox }) => {
    const elena = await untrackedHire(sandbox);
    await connectProduction(options, context, sandbox);
    const person = siteFixture('greenhouse', 'person.html').replace('Ana García López</h1>', 'Elena P.</h1>');
    // /applications/:aid: the page names the person only in its header link (no Reject bar: floating).
    const application = `<!doctype html><html><body><header><a href="/people/${elena.remote_id}?application_id=${elena.application_remote_id}" target="_blank">Elena P.</a></header></body></html>`;
    await servePages(context, 'https://app.greenhouse.io', {
      [`/people/${elena.remote_id}/applications/${elena.application_remote_id}`]: person,
      [`/applications/${elena.application_remote_id}`]: application,
    });
    const page = await context.newPage();
    for (const path of [`/people/${elena.remote_id}/applications/${elena.application_remote_id}`, `/applications/${elena.application_remote_id}`]) {
      await page.goto(`https://app.greenhouse.io${path}`);
      const button = page.locator('body > hirebridge-action').getByRole('button', EXPORT);
      await expect(button, path).toHaveAccessibleDescription(/Kombo does not see this candidate/);
      await expectKomboImportOffered(page, button, path);
    }
  });
});

test.describe('Workable: the job browser, one stage per address', () => {
  const JOB = 'https://constructor-1.workable.com/backend/jobs/4087255/browser';

  test('the hired stage: a button beside each card; another stage: none; the open candidate gets its own, scoped to its card', async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    const browser = siteFixture('workable', 'browser.html');
    await servePages(context, 'https://constructor-1.workable.com', {
      '/backend/jobs/4087255/browser/hired': browser,
      '/backend/jobs/4087255/browser/hired/candidate/370715912': browser,
    });
    const page = await context.newPage();
    await page.goto(`${JOB}/hired`);
    for (const id of ['370715911', '370715912']) await expect(page.locator(`a[href$="/candidate/${id}"] + hirebridge-action`).getByRole('button', EXPORT), id).toBeEnabled();
    await expect(page.locator('hirebridge-action')).toHaveCount(2);

    // Workable moves to another stage in place (its own history.pushState, the cards re-pointed): those cards are
    // not hired, and their buttons go (the buttons stay put until the page is evaluated again).
    await page.evaluate(() => {
      history.pushState({}, '', '/backend/jobs/4087255/browser/applied');
      for (const a of document.querySelectorAll('a[href*="/browser/hired/"]')) a.setAttribute('href', a.getAttribute('href')!.replace('/hired/', '/applied/'));
    });
    await expect(page.locator('hirebridge-action')).toHaveCount(0);

    // Chloé open beside the stage's cards: her button (floating: her profile's markup is not public) reads her
    // own card, never Ana's (the first card); Ana's card keeps its button.
    await page.goto(`${JOB}/hired/candidate/370715912`);
    await expect(page.locator('a[href$="/candidate/370715911"] + hirebridge-action').getByRole('button', EXPORT)).toBeEnabled();
    await expect(page.locator('a[href$="/candidate/370715912"] + hirebridge-action')).toHaveCount(0);
    await page.locator('body > hirebridge-action').getByRole('button', EXPORT).click();
    const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Chloé');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Martin');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Workable's internal JSON routes (read before as a candidate called "list") get nothing: leaving for one tears
    // the buttons down and the same evaluation places none.
    await page.evaluate(() => history.pushState({}, '', '/backend/api/candidates/list'));
    await expect(page.locator('hirebridge-action')).toHaveCount(0);
  });
});

test.describe('SmartRecruiters: content in open shadow roots, rows linked by <sr-link href>', () => {
  const JOB = '3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60';
  const ANA = '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01';

  test("a job's people table: a button beside each applicant's link; a candidate: beside Move forward", async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    await servePages(context, 'https://www.smartrecruiters.com', {
      [`/app/jobs/details/${JOB}/people`]: siteFixture('smartrecruiters', 'people.html'),
      [`/app/people/applications/${ANA}/notes`]: siteFixture('smartrecruiters', 'candidate.html'),
    });
    const page = await context.newPage();
    await page.goto(`https://www.smartrecruiters.com/app/jobs/details/${JOB}/people`);
    // Playwright's CSS pierces open shadow roots; the buttons sit inside the table's shadow root, after each link.
    await expect(page.locator(`sr-link[href*="${ANA}"] + hirebridge-action`).getByRole('button', EXPORT)).toBeVisible();
    await expect(page.locator('a[href*="/app/people/profile/"] + hirebridge-action').getByRole('button', EXPORT)).toBeVisible();
    await expect(page.locator('hirebridge-action')).toHaveCount(2);

    await page.goto(`https://www.smartrecruiters.com/app/people/applications/${ANA}/notes`);
    await expect(page.locator('#st-moveForward + hirebridge-action').getByRole('button', EXPORT)).toBeVisible();
    await expect(page.locator('hirebridge-action')).toHaveCount(1);
  });
});

test.describe('Teamtailor: /companies/:co/candidates/:id, and tt.teamtailor.com with no grant', () => {
  test('candidate pages on app.teamtailor.com and tt.teamtailor.com get the button; a list a button per candidate link', async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    const empty = '<!doctype html><html><body><main><p>Candidate</p></main></body></html>';
    await servePages(context, 'https://app.teamtailor.com', {
      '/companies/Epgs55TVBkQ/candidates/41877321': empty,
      '/companies/w2uyscMTojM/candidates/segment/all': siteFixture('teamtailor', 'candidates.html'),
    });
    await servePages(context, 'https://tt.teamtailor.com', { '/app/companies/Epgs55TVBkQ/candidates/41877321': empty });
    const page = await context.newPage();
    for (const href of ['https://app.teamtailor.com/companies/Epgs55TVBkQ/candidates/41877321', 'https://tt.teamtailor.com/app/companies/Epgs55TVBkQ/candidates/41877321']) {
      await page.goto(href);
      await expect(page.locator('body > hirebridge-action').getByRole('button', EXPORT), href).toBeVisible();
    }
    // Its internal API under the same company path is no candidate page.
    await page.evaluate(() => history.pushState({}, '', '/app/companies/Epgs55TVBkQ/api/candidates/41877321'));
    await expect(page.locator('hirebridge-action')).toHaveCount(0);

    await page.goto('https://app.teamtailor.com/companies/w2uyscMTojM/candidates/segment/all?q=eyJxdWVyeSI6IiJ9');
    for (const id of ['56558559', '41877321']) await expect(page.locator(`a[href$="/${id}"] + hirebridge-action`).getByRole('button', EXPORT), id).toBeVisible();
    await expect(page.locator('hirebridge-action')).toHaveCount(2);
  });
});
