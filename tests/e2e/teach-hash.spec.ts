import type { BrowserContext, Page } from '@playwright/test';
import { grantHostPermission } from '../../scripts/browser';
import { drawerApp, drawerAppUrl, jobAdderApp, jobAdderUrl, type HashPerson } from '../fixtures/teach/hash-pages';
import { dialogFrame, expect, test } from './fixtures';
import { allowHost, connectFactorial, exportTeamSetupFile, openTeacher, recruiterWithTeamSetup } from './teach-steps';

/**
 * "Teach this page" on apps that route in the fragment, in real Chromium on their hostnames (served by context.route
 * from tests/fixtures/teach/hash-pages.ts; shapes in tests/fixtures/teach/SOURCES.md, "Hash-routed apps"): JobAdder's
 * `#/candidates/<id>` and the list with a candidate open, `#/candidates?candidate=<id>`. The app is one document:
 * moving to another candidate changes only the fragment. An admin teaches one page; the next page of that shape gets
 * its button, for the admin on the next hash route and for a recruiter who imports the team setup.
 */

const PASSPHRASE = 'team passphrase 2026';
const EXPORT = { name: 'Export to FactorialHR' } as const;
const ana: HashPerson = { id: '4471203', name: 'Ana Ruiz', email: 'ana.ruiz@example.com' };
const ben: HashPerson = { id: '4471388', name: 'Ben Okafor', email: 'ben.okafor@example.com' };
const chen: HashPerson = { id: 'Y2FuZGlkYXRlOjQ0Mg==', name: 'Chen Wei', email: 'chen.wei@example.com' };

/** One document at `/` (the app), 404 for any other path: every page of the app is a fragment of it. */
async function serveApp(context: BrowserContext, origin: string, body: string) {
  await context.route(`${origin}/**`, (route) =>
    new URL(route.request().url()).pathname === '/' ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }) : route.fulfill({ status: 404, body: 'Not found' }),
  );
}

/** Walks the page's elements with the arrow keys while picking, until the status names `described`; then picks it. */
async function pickWithKeyboard(page: Page, teach: ReturnType<Page['getByRole']>, field: string, described: string) {
  const pick = teach.getByRole('button', { name: `Pick ${field}` });
  await pick.focus();
  await page.keyboard.press('Enter');
  await expect(pick).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < 40 && !((await teach.getByRole('status').first().textContent()) ?? '').includes(described); i++) await page.keyboard.press('ArrowDown');
  await expect(teach.getByRole('status').first()).toContainText(described);
  await page.keyboard.press('Enter');
}

async function expectPrefilled(page: Page, person: HashPerson) {
  const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
  const [first, last] = person.name.split(' ');
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue(first);
  await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue(last);
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(person.email);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
}

test.describe.configure({ timeout: 120_000 });

test.describe('Teach this page: hash-routed apps', () => {
  test('JobAdder (#/candidates/<id>): the admin teaches one record; the next record opened in the app, and a recruiter’s, get the button in place, pre-filled', async ({
    context,
    extensionId,
    options,
    sandbox,
  }) => {
    await connectFactorial(options, context, extensionId, sandbox.url);
    await serveApp(context, 'https://recruit.jobadder.com', jobAdderApp([ana, ben, chen]));
    await allowHost(options, context, extensionId, 'recruit.jobadder.com');
    const page = await context.newPage();
    await page.goto(jobAdderUrl(ana.id));
    await expect(page.getByRole('heading', { name: ana.name })).toBeVisible();
    await expect(page.getByRole('button', EXPORT)).toHaveCount(0);

    const teach = await openTeacher(context, extensionId, page);
    // The suggestion reads the fragment: before, it was "/" (the pathname of every page of the app) and named no id.
    await expect(teach.getByRole('textbox', { name: 'Pages' })).toHaveValue('/#/candidates/:id');
    const preview = teach.getByRole('list', { name: 'What Hirebridge reads' });
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate id' })).toHaveText(`Candidate id: ${ana.id} (from the URL)`);
    await teach.getByRole('button', { name: 'Pick Candidate name' }).click();
    await page.getByRole('heading', { name: ana.name }).click();
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate name' })).toHaveText(`Candidate name: ${ana.name}`);
    // The record's actions bar (its own button covers part of it): walked to with the keyboard.
    await pickWithKeyboard(page, teach, 'Where the button goes', 'div “Add note”');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Where the button goes' })).toContainText('here: div');
    await teach.getByRole('button', { name: 'Save recipe' }).click();
    await expect(teach.getByText('Saved: pages of recruit.jobadder.com/#/candidates/:id are read with this recipe.')).toBeVisible();
    await teach.getByRole('button', { name: 'Close' }).click();

    // In the same document: the list (nothing taught for it, no candidate named), then another record by its link.
    await page.getByRole('navigation').getByRole('link', { name: 'Candidates' }).click();
    await expect(page.getByRole('table', { name: 'Candidates' })).toBeVisible();
    await expect(page.getByRole('button', EXPORT)).toHaveCount(0);
    await page.getByRole('link', { name: chen.name }).click();
    await expect(page).toHaveURL(jobAdderUrl(chen.id));
    const chenButton = page.locator('.record-actions').getByRole('button', EXPORT);
    await expect(chenButton).toBeEnabled();
    await expect(page.getByRole('button', EXPORT)).toHaveCount(1);
    await chenButton.click();
    await expectPrefilled(page, chen);
    // A page of the app that is not a record: no button.
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('button', EXPORT)).toHaveCount(0);

    // The team setup file carries the recipe, in the version that holds patterns beyond format 1.
    const { path: setupPath, setup } = await exportTeamSetupFile(options, PASSPHRASE);
    expect(setup.version).toBe(3);
    expect(setup.siteRecipes).toEqual([expect.objectContaining({ host: 'recruit.jobadder.com', path: '/#/candidates/:id' })]);

    // A recruiter's clean browser: the team setup, the host allowed; then another record of that shape, loaded fresh.
    const { recruiter, theirOptions } = await recruiterWithTeamSetup(setupPath, PASSPHRASE);
    try {
      const theirRecipe = theirOptions.getByRole('region', { name: 'Sites' }).getByRole('list', { name: 'Taught pages' }).getByRole('listitem');
      await expect(theirRecipe).toContainText('recruit.jobadder.com');
      await serveApp(recruiter.context, 'https://recruit.jobadder.com', jobAdderApp([ana, ben, chen]));
      await grantHostPermission(recruiter.context, recruiter.extensionId, 'https://recruit.jobadder.com/*');
      await theirRecipe.getByRole('button', { name: 'Allow Hirebridge on recruit.jobadder.com' }).click();
      await expect(theirRecipe.getByRole('button', { name: 'Allow Hirebridge on recruit.jobadder.com' })).toHaveCount(0);

      const theirPage = await recruiter.context.newPage();
      await theirPage.goto(jobAdderUrl(ben.id));
      const benButton = theirPage.locator('.record-actions').getByRole('button', EXPORT);
      await expect(benButton).toBeEnabled();
      await expect(theirPage.locator('hirebridge-action[data-floating]')).toHaveCount(0);
      await benButton.click();
      await expectPrefilled(theirPage, ben);
      // Sites → health names the page by its hash route (it was "/" for every page of the app).
      const health = theirOptions.getByRole('region', { name: 'Sites' }).getByRole('table', { name: 'Adapter health' }).getByRole('row').filter({ has: theirOptions.getByRole('rowheader', { name: 'recruit.jobadder.com' }) });
      await expect(async () => {
        await theirOptions.reload();
        await expect(health.getByRole('cell')).toHaveText([`/#/candidates/${ben.id}`, 'yes', 'no', 'in place', 'recruit.jobadder.com/#/candidates/:id', /\d/], { timeout: 2_000 });
      }).toPass();
    } finally {
      await recruiter.context.close();
    }
  });

  test('the list with the candidate open (#/candidates?candidate=<id>): the panel follows the admin from the list to a candidate; the admin picks the drawer; each candidate opened from the list gets the button in its drawer, an id with = included', async ({
    context,
    extensionId,
    options,
    sandbox,
  }) => {
    await connectFactorial(options, context, extensionId, sandbox.url);
    await serveApp(context, 'https://app.example-ats.com', drawerApp([ana, ben, chen]));
    await allowHost(options, context, extensionId, 'app.example-ats.com');
    const page = await context.newPage();
    await page.goto(drawerAppUrl());
    await expect(page.getByRole('heading', { name: 'Candidates' })).toBeVisible();

    // The admin opens the panel on the list, then opens a candidate from it: only the fragment changes, and the
    // suggestion and the id preview follow it (the id is the hash route's candidate= parameter).
    const teach = await openTeacher(context, extensionId, page);
    const pages = teach.getByRole('textbox', { name: 'Pages' });
    const preview = teach.getByRole('list', { name: 'What Hirebridge reads' });
    await expect(pages).toHaveValue('/#/candidates');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate id' })).toHaveText('Candidate id: none in this URL — put :id in Pages where the id is');
    await page.getByRole('link', { name: ana.name }).click();
    const drawer = page.getByRole('complementary', { name: 'Candidate' });
    await expect(drawer.getByRole('heading', { name: ana.name })).toBeVisible();
    await expect(pages).toHaveValue('/#/candidates?candidate=:id');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate id' })).toHaveText(`Candidate id: ${ana.id} (from the URL)`);
    await pickWithKeyboard(page, teach, 'Candidate panel', `aside “${ana.name}`);
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate panel' })).toContainText('here: aside');
    await teach.getByRole('button', { name: 'Pick Candidate name' }).click();
    await drawer.getByRole('heading', { name: ana.name }).click();
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate name' })).toHaveText(`Candidate name: ${ana.name}`);
    await teach.getByRole('button', { name: 'Save recipe' }).click();
    await expect(teach.getByText('Saved: pages of app.example-ats.com/#/candidates?candidate=:id are read with this recipe.')).toBeVisible();
    await teach.getByRole('button', { name: 'Close' }).click();

    // Another candidate opened from the list (only the fragment changes): the button in the drawer, for that person.
    await page.getByRole('link', { name: ben.name }).click();
    await expect(drawer.getByRole('heading', { name: ben.name })).toBeVisible();
    const benButton = drawer.getByRole('button', EXPORT);
    await expect(benButton).toBeEnabled();
    await expect(page.getByRole('button', EXPORT)).toHaveCount(1);
    await benButton.click();
    await expectPrefilled(page, ben);
    // A base64 id (ending in "=", encoded in the link): the same.
    await page.getByRole('link', { name: chen.name }).click();
    await expect(drawer.getByRole('heading', { name: chen.name })).toBeVisible();
    await expect(page.getByRole('button', EXPORT)).toHaveCount(1);
    await drawer.getByRole('button', EXPORT).click();
    await expectPrefilled(page, chen);
    // The list with no one open: no button anywhere.
    await page.goto(drawerAppUrl());
    await expect(page.getByRole('heading', { name: 'Candidates' })).toBeVisible();
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page.getByRole('button', EXPORT)).toHaveCount(0);
  });
});
