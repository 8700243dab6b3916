import { expect, test, dialogFrame } from './fixtures';
import { connectProduction, expectKomboImportOffered, servePages, siteFixture, untrackedHire } from './site-pages';

/**
 * More of the pages recruiters work in, rebuilt from public evidence (tests/fixtures/sites/<ats>/, each element's
 * source in a comment; the evidence is named in each adapter) and served on the ATS's real hostnames, as in
 * real-pages.spec.ts: Greenhouse's person page in its current layout, a SmartRecruiters candidate read through its
 * shadow root, and a Teamtailor job's board of stages.
 */
const EXPORT = { name: 'Export to FactorialHR' } as const;

test.describe("Greenhouse's person page: the button beside the header's Resume button", () => {
  test('anchored beside [data-provides="header-view-resume"] with the application the address names: Kombo can import it, and no floating button', async ({ context, options, sandbox }) => {
    const elena = await untrackedHire(sandbox);
    await connectProduction(options, context, sandbox);
    const person = siteFixture('greenhouse', 'person-header.html').replace('Ana García López</h1>', 'Elena Petrova</h1>');
    await servePages(context, 'https://app.greenhouse.io', {
      [`/people/${elena.remote_id}`]: person,
      [`/people/${elena.remote_id}/applications/${elena.application_remote_id}/redesign`]: person,
    });
    const page = await context.newPage();
    for (const path of [`/people/${elena.remote_id}?application_id=${elena.application_remote_id}`, `/people/${elena.remote_id}/applications/${elena.application_remote_id}/redesign?src=search`]) {
      await page.goto(`https://app.greenhouse.io${path}`);
      const button = page.locator('[data-provides="header-view-resume"] + hirebridge-action').getByRole('button', EXPORT);
      await expect(button, path).toHaveAccessibleDescription(/Kombo does not see this candidate/);
      // The anchored button is the only one: the floating one is not added for the same person and application.
      await expect(page.locator('hirebridge-action'), path).toHaveCount(1);
      await expectKomboImportOffered(page, button, path);
    }
  });
});

test.describe('SmartRecruiters: the candidate named by #st-applicantName inside a shadow root', () => {
  const ANA = '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b01';
  const JOB = '3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60';

  test("the button beside Move forward opens the form with the page's name; the job's Hiring Process tab gets none", async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    await servePages(context, 'https://www.smartrecruiters.com', { [`/app/people/applications/${ANA}/notes`]: siteFixture('smartrecruiters', 'candidate.html') });
    const page = await context.newPage();
    await page.goto(`https://www.smartrecruiters.com/app/people/applications/${ANA}/notes`);
    const button = page.locator('#st-moveForward + hirebridge-action').getByRole('button', EXPORT);
    await expect(button).toBeVisible();
    await expect(page.locator('hirebridge-action')).toHaveCount(1);
    await button.click();
    const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Ana');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('García López');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The job's Hiring Process tab (its stages and steps, no people): leaving for it takes the button away.
    await page.evaluate((job) => history.pushState({}, '', `/app/jobs/details/${job}/hiring-process`), JOB);
    await expect(page.locator('hirebridge-action')).toHaveCount(0);
  });

  test("the job's People table (where hired people are, by status): a row's form gets the job's title shown above the table", async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    await servePages(context, 'https://www.smartrecruiters.com', { [`/app/jobs/details/${JOB}/people`]: siteFixture('smartrecruiters', 'people.html') });
    const page = await context.newPage();
    await page.goto(`https://www.smartrecruiters.com/app/jobs/details/${JOB}/people`);
    await page.locator(`sr-link[href*="${ANA}"] + hirebridge-action`).getByRole('button', EXPORT).click();
    const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('García López');
    await expect(dialog.getByRole('textbox', { name: 'Job title' })).toHaveValue('Senior Backend Engineer');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

test.describe("Teamtailor: a job's board of stages", () => {
  test('a button beside each card linking to a candidate, in every column, for that candidate; none on the nav; none once the board is left', async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    await servePages(context, 'https://app.teamtailor.com', { '/companies/w2uyscMTojM/jobs/3098812/stages': siteFixture('teamtailor', 'job-stages.html') });
    const page = await context.newPage();
    await page.goto('https://app.teamtailor.com/companies/w2uyscMTojM/jobs/3098812/stages');
    for (const id of ['41877321', '56558559']) await expect(page.locator(`section a[href$="/${id}"] + hirebridge-action`).getByRole('button', EXPORT), id).toBeVisible();
    await expect(page.locator('hirebridge-action')).toHaveCount(2);
    await expect(page.locator('nav hirebridge-action')).toHaveCount(0);

    await page.locator('section a[href$="/56558559"] + hirebridge-action').getByRole('button', EXPORT).click();
    const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Ana');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The recruiter goes to the dashboard in place (Teamtailor's own navigation): the cards' buttons go.
    await page.evaluate(() => history.pushState({}, '', '/companies/w2uyscMTojM/dashboard'));
    await expect(page.locator('hirebridge-action')).toHaveCount(0);
  });
});
