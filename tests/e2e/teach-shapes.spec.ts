import type { BrowserContext } from '@playwright/test';
import { grantHostPermission } from '../../scripts/browser';
import { loxoPeopleBody, loxoPersonUrl, smartRecruitersPeoplePage, zohoCandidatePage, zohoRecordUrl, ZOHO_ORG, type Person } from '../fixtures/teach/pages';
import { expect, test, dialogFrame } from './fixtures';
import { allowHost, connectFactorial, exportTeamSetupFile, openTeacher, recruiterWithTeamSetup } from './teach-steps';

/**
 * "Teach this page" on real page shapes of ATSs Hirebridge does not ship, in real Chromium on their real hostnames
 * (served by context.route from pages rebuilt from public evidence: tests/fixtures/teach/SOURCES.md). An admin teaches
 * one page; every page of that shape works for every recruiter who has the recipe, on their next page load.
 */

const PASSPHRASE = 'team passphrase 2026';
const ana: Person = { id: '31529000000412017', name: 'Ana Ruiz', email: 'ana.ruiz@example.com', status: 'Hired' };
const ben: Person = { id: '31529000000412093', name: 'Ben Okafor', email: 'ben.okafor@example.com', status: 'Hired' };

/** Zoho Recruit's record pages: `EntityInfo.do?module=Candidates&id=…` (any org, any parameter order), else 404. */
async function serveZoho(context: BrowserContext) {
  await context.route('https://recruit.zoho.eu/**', async (route) => {
    const url = new URL(route.request().url());
    const person = [ana, ben].find((p) => p.id === url.searchParams.get('id'));
    if (!person || url.searchParams.get('module') !== 'Candidates' || !/^\/recruit\/[^/]+\/EntityInfo\.do$/.test(url.pathname)) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: zohoCandidatePage(person) });
  });
}

// Two browsers (the admin's and a recruiter's) take longer than the default on a loaded machine.
test.describe.configure({ timeout: 120_000 });

test.describe('Teach this page: real page shapes', () => {
  test('Zoho Recruit (id in the query, org in the path): the admin teaches one record; a recruiter’s next record of that shape gets its button in place, pre-filled', async ({
    context,
    extensionId,
    options,
    sandbox,
  }) => {
    await connectFactorial(options, context, extensionId, sandbox.url);
    await serveZoho(context);
    await allowHost(options, context, extensionId, 'recruit.zoho.eu');
    const page = await context.newPage();
    await page.goto(zohoRecordUrl(ana.id));
    await expect(page.getByRole('heading', { name: ana.name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(0);

    const teach = await openTeacher(context, extensionId, page);
    // The suggested pattern: the record id from ?id= (not the org segment), every org, the Candidates module only.
    await expect(teach.getByRole('textbox', { name: 'Pages' })).toHaveValue('/recruit/*/EntityInfo.do?module=Candidates&id=:id');
    const preview = teach.getByRole('list', { name: 'What Hirebridge reads' });
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate id' })).toHaveText(`Candidate id: ${ana.id} (from the URL)`);
    expect(ZOHO_ORG).not.toContain(ana.id);

    await teach.getByRole('button', { name: 'Pick Candidate name' }).click();
    await page.getByRole('heading', { name: ana.name }).click();
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate name' })).toHaveText(`Candidate name: ${ana.name}`);
    await teach.getByRole('button', { name: 'Pick Stage' }).click();
    await page.locator('.nedit-status').click();
    await expect(preview.getByRole('listitem').filter({ hasText: 'Stage' })).toHaveText('Stage: Hired');
    // The record's header box (where a public helper extension puts its own controls), with the keyboard: the arrow
    // keys walk the page's elements until the box is pointed at.
    const pickPlace = teach.getByRole('button', { name: 'Pick Where the button goes' });
    await pickPlace.focus();
    await page.keyboard.press('Enter');
    await expect(pickPlace).toHaveAttribute('aria-pressed', 'true');
    const boxText = `div “${ana.name} Candidate Status Hired”`;
    for (let i = 0; i < 20 && !((await teach.getByRole('status').first().textContent()) ?? '').includes(boxText); i++) await page.keyboard.press('ArrowDown');
    await expect(teach.getByRole('status').first()).toContainText(boxText);
    await page.keyboard.press('Enter');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Where the button goes' })).toContainText('here: div');
    await teach.getByRole('button', { name: 'Save recipe' }).click();
    await expect(teach.getByText('Saved: pages of recruit.zoho.eu/recruit/*/EntityInfo.do?module=Candidates&id=:id are read with this recipe.')).toBeVisible();

    // Every record of that shape, on its next load: another candidate's, another org's link form with its
    // parameters in another order.
    await page.goto(`https://recruit.zoho.eu/recruit/org7755/EntityInfo.do?submodule=Candidates&id=${ben.id}&module=Candidates`);
    await expect(page.locator('.detail-header-box').getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();

    // The team setup file carries the recipe (version 3: it holds a query pattern).
    const { path: setupPath, setup } = await exportTeamSetupFile(options, PASSPHRASE);
    expect(setup.version).toBe(3);
    expect(setup.siteRecipes).toEqual([expect.objectContaining({ host: 'recruit.zoho.eu', path: '/recruit/*/EntityInfo.do?module=Candidates&id=:id' })]);

    // A recruiter's clean browser: the team setup, the host allowed; then another candidate's record of that shape.
    const { recruiter, theirOptions } = await recruiterWithTeamSetup(setupPath, PASSPHRASE);
    try {
      await expect(theirOptions.getByRole('region', { name: 'Sites' }).getByRole('list', { name: 'Taught pages' }).getByRole('listitem')).toContainText('recruit.zoho.eu');
      await serveZoho(recruiter.context);
      // Sites asks the recruiter to allow the taught host (approved first, as for the admin).
      const theirRecipe = theirOptions.getByRole('region', { name: 'Sites' }).getByRole('list', { name: 'Taught pages' }).getByRole('listitem');
      await grantHostPermission(recruiter.context, recruiter.extensionId, 'https://recruit.zoho.eu/*');
      await theirRecipe.getByRole('button', { name: 'Allow Hirebridge on recruit.zoho.eu' }).click();
      await expect(theirRecipe.getByRole('button', { name: 'Allow Hirebridge on recruit.zoho.eu' })).toHaveCount(0);

      const theirPage = await recruiter.context.newPage();
      // Another org's link form, with the parameters in another order and one more: the same shape.
      await theirPage.goto(`https://recruit.zoho.eu/recruit/org7755/EntityInfo.do?submodule=Candidates&id=${ben.id}&module=Candidates`);
      const exportButton = theirPage.locator('.detail-header-box').getByRole('button', { name: 'Export to FactorialHR' });
      await expect(exportButton).toBeEnabled();
      await expect(theirPage.locator('hirebridge-action[data-floating]')).toHaveCount(0);
      await exportButton.click();
      const dialog = dialogFrame(theirPage).getByRole('dialog', { name: 'Export to FactorialHR' });
      await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Ben');
      await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Okafor');
      await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(ben.email);
    } finally {
      await recruiter.context.close();
    }
  });

  test('Loxo (agency in the path, ?person_id= drawer over the people list): the admin picks the drawer, then the name inside it; the button acts on the drawer’s person', async ({
    context,
    extensionId,
    options,
    sandbox,
  }) => {
    const people = [ben, ana].map((p, i) => ({ ...p, id: `8812340${i}` }));
    await connectFactorial(options, context, extensionId, sandbox.url);
    await context.route('https://app.loxo.co/**', async (route) => {
      const url = new URL(route.request().url());
      if (!/^\/agencies\/\d+\/people$/.test(url.pathname)) return route.fulfill({ status: 404, body: 'Not found' });
      const open = people.find((p) => p.id === url.searchParams.get('person_id'));
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><head><title>People - Loxo</title></head><body>${loxoPeopleBody(people, open)}</body></html>` });
    });
    await allowHost(options, context, extensionId, 'app.loxo.co');
    const page = await context.newPage();
    await page.goto(loxoPersonUrl(people[1].id));
    const drawer = page.getByRole('complementary', { name: 'Person profile' });
    await expect(drawer.getByRole('heading', { name: people[1].name })).toBeVisible();

    const teach = await openTeacher(context, extensionId, page);
    await expect(teach.getByRole('textbox', { name: 'Pages' })).toHaveValue('/agencies/*/people?person_id=:id');
    const preview = teach.getByRole('list', { name: 'What Hirebridge reads' });
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate id' })).toHaveText(`Candidate id: ${people[1].id} (from the URL)`);
    // The drawer itself (its children cover it): with the keyboard, the arrow keys walk the page until it is pointed at.
    const pickPanel = teach.getByRole('button', { name: 'Pick Candidate panel' });
    await pickPanel.focus();
    await page.keyboard.press('Enter');
    await expect(pickPanel).toHaveAttribute('aria-pressed', 'true');
    const drawerText = `aside “${people[1].name} Details`;
    for (let i = 0; i < 40 && !((await teach.getByRole('status').first().textContent()) ?? '').includes(drawerText); i++) await page.keyboard.press('ArrowDown');
    await expect(teach.getByRole('status').first()).toContainText(drawerText);
    await page.keyboard.press('Enter');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate panel' })).toContainText('here: aside');
    // A card of the list behind the drawer is not the drawer's person: refused, with the reason.
    await teach.getByRole('button', { name: 'Pick Candidate name' }).click();
    await page.getByTestId('candidateCard_name').first().click();
    await expect(teach.getByRole('alert')).toHaveText('That is outside the candidate panel: pick inside it, or clear the panel.');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate name' })).toHaveText('Candidate name: not picked');
    await teach.getByRole('button', { name: 'Pick Candidate name' }).click();
    await drawer.getByRole('heading', { name: people[1].name }).click();
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate name' })).toHaveText(`Candidate name: ${people[1].name}`);
    await teach.getByRole('button', { name: 'Save recipe' }).click();
    await expect(teach.getByText('Saved: pages of app.loxo.co/agencies/*/people?person_id=:id are read with this recipe.')).toBeVisible();
    await teach.getByRole('button', { name: 'Close' }).click();

    // Another person's drawer, on a fresh load: the button sits in the drawer and acts on that person.
    await page.goto(loxoPersonUrl(people[0].id));
    const button = page.getByRole('complementary', { name: 'Person profile' }).getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeEnabled();
    await button.click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Ben');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(people[0].email);
  });

  test('SmartRecruiters (a table in a shadow root, rows linked by <sr-link href>): the admin picks one row inside the shadow root; every row gets its button, acting on its own person', async ({
    context,
    extensionId,
    options,
    sandbox,
  }) => {
    const JOB = '3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60';
    const people = [
      { id: '0e6b06f7-b56c-4507-8da1-9567a7bf6d24', name: 'Lucas Moreau', status: 'Hired' },
      { id: 'a6d2e51f-a2ac-4b4a-a062-834cec0bab66', name: 'Ana Ruiz', status: 'Hired' },
    ];
    await connectFactorial(options, context, extensionId, sandbox.url);
    await context.route('https://www.smartrecruiters.com/**', (route) =>
      new URL(route.request().url()).pathname === `/app/jobs/details/${JOB}/people`
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: smartRecruitersPeoplePage(people) })
        : route.fulfill({ status: 404, body: 'Not found' }),
    );
    const page = await context.newPage();
    await page.goto(`https://www.smartrecruiters.com/app/jobs/details/${JOB}/people`);
    const table = page.getByRole('table', { name: 'People' });
    await expect(table.getByText('Ana Ruiz')).toBeVisible();
    // The built-in adapter already gives each applicant's <sr-link> its button (lib/sites/adapters/smartrecruiters.ts);
    // the recipe taught below replaces how this list is read.
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(2);

    const teach = await openTeacher(context, extensionId, page);
    await teach.getByRole('button', { name: 'Pick List row' }).click();
    // Pointing inside the shadow root says what is there, not its host.
    await table.getByText('Ana Ruiz').hover();
    await expect(teach.getByRole('status').first()).toContainText('sr-link “Ana Ruiz”');
    await table.getByText('Ana Ruiz').click();
    await expect(teach.locator('code')).toHaveText(['job-people-table >>> tbody > tr']);
    const preview = teach.getByRole('list', { name: 'What Hirebridge reads' });
    await expect(preview.getByRole('listitem').filter({ hasText: 'List row' })).toHaveText('List row: 2 rows');
    await expect(teach.getByRole('textbox', { name: 'Pages' })).toHaveValue('/app/jobs/details/*/people');
    await teach.getByRole('button', { name: 'Save recipe' }).click();
    await expect(teach.getByText('Saved: pages of www.smartrecruiters.com/app/jobs/details/*/people are read with this recipe.')).toBeVisible();

    await page.reload();
    const rows = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Export to FactorialHR' }) });
    await expect(rows).toHaveCount(2);
    const anaButton = table.getByRole('row').filter({ hasText: 'Ana Ruiz' }).getByRole('button', { name: 'Export to FactorialHR' });
    await expect(anaButton).toBeEnabled();
    await anaButton.click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Ana');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Ruiz');
  });
});
