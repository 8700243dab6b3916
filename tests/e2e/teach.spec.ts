import type { BrowserContext } from '@playwright/test';
import { grantHostPermission } from '../../scripts/browser';
import { dialogFrame, expect, test } from './fixtures';
import { connectFactorial } from './teach-steps';

/**
 * "Teach this page" and adapter health, in real Chromium on real hostnames (served by context.route): an admin points
 * at a page's elements, the recipe is saved (data, never code) and applied on the next visit; recipes are listed,
 * exported and imported in options → Sites; the Sites region shows what each site's last page yielded.
 */

/** Breezy HR: a real ATS Hirebridge ships no adapter for. Its page here is ours (the shape of a candidate page). */
const BREEZY = 'https://app.breezy.hr';
const ANA = '8842719';
const breezyPage = (id: string) => `<!doctype html><html><head><title>Candidate - Breezy HR</title></head><body>
  <header class="app-header"><span class="brand">Breezy</span><h1 class="page-title">Candidates</h1></header>
  <main><section class="candidate-card">
    <h2 class="cand-name">Ana Ruiz</h2>
    <p>Contact: <a href="mailto:ana.ruiz@example.com" data-qa="candidate-email">ana.ruiz@example.com</a></p>
    <p>Stage: <span class="stage-pill">Hired</span></p>
    <div class="toolbar" aria-label="Candidate actions"><button type="button">Move</button></div>
    <p>Candidate ${id}</p>
  </section></main></body></html>`;

async function serveBreezy(context: BrowserContext) {
  await context.route(`${BREEZY}/**`, async (route) => {
    const match = /^\/candidates\/(\d+)$/.exec(new URL(route.request().url()).pathname);
    if (!match) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: breezyPage(match[1]) });
  });
}

test.describe('Teach this page', () => {
  test('an admin teaches an ATS Hirebridge does not ship (a granted host): picked with the mouse and the keyboard, previewed, saved; the next visit gets the button, the dialog is pre-filled', async ({
    context,
    extensionId,
    options,
    sandbox,
  }) => {
    await connectFactorial(options, context, extensionId, sandbox.url);
    await serveBreezy(context);
    // The admin allows Hirebridge on the host (headless Chromium cannot click the prompt: it is approved first, as in
    // chrome://extensions, so the panel's own request resolves at once).
    await grantHostPermission(context, extensionId, `${BREEZY}/*`);
    const sites = options.getByRole('region', { name: 'Sites' });
    await sites.getByRole('textbox', { name: 'Another ATS’s address (to teach)' }).fill('app.greenhouse.io');
    await sites.getByRole('button', { name: 'Allow this ATS' }).click();
    await expect(sites.getByRole('textbox', { name: 'Another ATS’s address (to teach)' })).toHaveAccessibleDescription(/is an ATS Hirebridge knows/);
    await sites.getByRole('textbox', { name: 'Another ATS’s address (to teach)' }).fill('https://app.breezy.hr/signin');
    await sites.getByRole('button', { name: 'Allow this ATS' }).click();
    await expect(sites.getByRole('status')).toHaveText('Allowed: open a page of app.breezy.hr, then Teach this page in the toolbar popup.');
    const page = await context.newPage();
    await page.goto(`${BREEZY}/candidates/${ANA}`);
    await expect(page.getByRole('heading', { name: 'Ana Ruiz' })).toBeVisible();
    // No adapter knows this host: nothing is placed.
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(0);

    // The popup (for the page in the current tab), shown in a tab of its own.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Teach this page' }).click();

    await page.bringToFront();
    const teach = page.getByRole('dialog', { name: 'Teach this page' });
    await expect(teach).toBeVisible();
    const preview = teach.getByRole('list', { name: 'What Hirebridge reads' });
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate id' })).toHaveText(`Candidate id: ${ANA} (from the URL)`);

    // With the mouse: hover highlights (the live status says what is pointed at), a click chooses.
    await teach.getByRole('button', { name: 'Pick Candidate name' }).click();
    await page.getByRole('heading', { name: 'Ana Ruiz' }).hover();
    await expect(teach.getByRole('status').first()).toContainText('Ana Ruiz');
    await page.getByRole('heading', { name: 'Ana Ruiz' }).click();
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate name' })).toHaveText('Candidate name: Ana Ruiz');

    // A click on a link is the picker's, not the page's (no mail client, no navigation).
    await teach.getByRole('button', { name: 'Pick Email' }).click();
    await page.getByRole('link', { name: 'ana.ruiz@example.com' }).click();
    await expect(preview.getByRole('listitem').filter({ hasText: 'Email' })).toHaveText('Email: ana.ruiz@example.com');
    expect(page.url()).toBe(`${BREEZY}/candidates/${ANA}`);

    await teach.getByRole('button', { name: 'Pick Where the button goes' }).click();
    await page.getByRole('main').getByText('Stage: Hired').hover();
    await expect(teach.getByRole('status').first()).toContainText('Stage: Hired');
    await page.locator('.toolbar').click({ position: { x: 300, y: 5 } });
    await expect(preview.getByRole('listitem').filter({ hasText: 'Where the button goes' })).toContainText('here: div');

    // With the keyboard: arrows move the highlight, Enter chooses.
    const pickStage = teach.getByRole('button', { name: 'Pick Stage' });
    await pickStage.focus();
    await page.keyboard.press('Enter');
    await expect(pickStage).toHaveAttribute('aria-pressed', 'true');
    for (let i = 0; i < 40 && !((await teach.getByRole('status').first().textContent()) ?? '').includes('span “Hired”'); i++) await page.keyboard.press('ArrowDown');
    await expect(teach.getByRole('status').first()).toContainText('span “Hired”');
    await page.keyboard.press('Enter');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Stage' })).toHaveText('Stage: Hired');
    await expect(pickStage).toBeFocused();

    // Esc cancels a pick: nothing is chosen.
    await teach.getByRole('button', { name: 'Pick Job' }).click();
    await page.keyboard.press('Escape');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Job' })).toHaveText('Job: not picked');

    await expect(teach.getByRole('textbox', { name: 'Pages' })).toHaveValue('/candidates/:id');
    await teach.getByRole('button', { name: 'Save recipe' }).click();
    await expect(teach.getByText('Saved: pages of app.breezy.hr/candidates/:id are read with this recipe.')).toBeVisible();

    await page.reload();
    const exportButton = page.locator('.toolbar').getByRole('button', { name: 'Export to FactorialHR' });
    await expect(exportButton).toBeEnabled();
    await exportButton.click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Ana');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Ruiz');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('ana.ruiz@example.com');

    // Sites lists the recipe and shows what the page yielded.
    await options.reload();
    await expect(sites.getByRole('list', { name: 'Taught pages' }).getByRole('listitem')).toContainText('app.breezy.hr');
    const health = sites.getByRole('table', { name: 'Adapter health' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'app.breezy.hr' }) });
    await expect(health.getByRole('cell')).toHaveText([`/candidates/${ANA}`, 'yes', 'yes', 'in place', 'app.breezy.hr/candidates/:id', /\d/]);
  });

  test('a recipe overrides a built-in adapter: on a Greenhouse page it cannot read, the admin teaches it from the floating button', async ({ context, options }) => {
    // A redesigned Greenhouse person page: the built-in selectors find no header actions and no name.
    await context.route('https://app.greenhouse.io/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><title>Greenhouse</title></head><body>
          <div class="profile-top"><span data-testid="profile-name">Lucas Moreau</span><span class="status-chip">Offer</span></div>
          <nav class="profile-tools" aria-label="Profile tools"><button type="button">Reject</button></nav></body></html>`,
      }),
    );
    const page = await context.newPage();
    await page.goto('https://app.greenhouse.io/people/40112234');
    const floating = page.locator('hirebridge-action[data-floating]');
    await expect(floating.getByRole('button', { name: 'Export to FactorialHR' })).toBeVisible();
    await floating.getByRole('button', { name: 'Teach this page' }).click();

    const teach = page.getByRole('dialog', { name: 'Teach this page' });
    await expect(teach.getByRole('button', { name: 'Pick Candidate name' })).toBeFocused();
    await teach.getByRole('button', { name: 'Move panel left' }).click();
    await teach.getByRole('button', { name: 'Pick Candidate name' }).click();
    await page.getByText('Lucas Moreau').click();
    await expect(teach.locator('code')).toHaveText(['span[data-testid="profile-name"]']);
    await teach.getByRole('button', { name: 'Pick Where the button goes' }).click();
    await page.getByRole('navigation', { name: 'Profile tools' }).click({ position: { x: 400, y: 5 } });
    const preview = teach.getByRole('list', { name: 'What Hirebridge reads' });
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate name' })).toHaveText('Candidate name: Lucas Moreau');
    await expect(preview.getByRole('listitem').filter({ hasText: 'Candidate id' })).toHaveText('Candidate id: 40112234 (from the URL)');
    await expect(teach.getByRole('textbox', { name: 'Pages' })).toHaveValue('/people/:id');
    await teach.getByRole('button', { name: 'Save recipe' }).click();
    await expect(teach.getByRole('status').last()).toHaveText('Saved: pages of app.greenhouse.io/people/:id are read with this recipe.');
    await teach.getByRole('button', { name: 'Close' }).click();
    await expect(teach).toHaveCount(0);

    // Applied at once, and on the next visit: the button sits in the taught place, no longer floating.
    await expect(page.getByRole('navigation', { name: 'Profile tools' }).getByRole('button', { name: 'Export to FactorialHR' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Profile tools' }).getByRole('button', { name: 'Export to FactorialHR' })).toBeVisible();
    await expect(page.locator('hirebridge-action[data-floating]')).toHaveCount(0);

    await options.reload();
    const health = options.getByRole('region', { name: 'Sites' }).getByRole('table', { name: 'Adapter health' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'app.greenhouse.io' }) });
    await expect(health.getByRole('cell')).toHaveText(['/people/40112234', 'yes', 'no', 'in place', 'app.greenhouse.io/people/:id', /\d/]);
  });

  test('Sites shows a page that reads nothing: floating fallback, no stage, no recipe', async ({ context, options }) => {
    await context.route('https://hire.lever.co/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html><body><p>A Lever page the adapter cannot read</p></body></html>' }),
    );
    const page = await context.newPage();
    await page.goto('https://hire.lever.co/candidates/1f0c6a52-9d4e-4b8c-a1f2-3c4d5e6f7a8b');
    await expect(page.locator('hirebridge-action[data-floating]').getByRole('button', { name: 'Export to FactorialHR' })).toBeVisible();
    const health = options.getByRole('region', { name: 'Sites' }).getByRole('table', { name: 'Adapter health' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'hire.lever.co' }) });
    // The table follows the worker's writes (no reload).
    await expect(health.getByRole('cell')).toHaveText(['/candidates/1f0c6a52-9d4e-4b8c-a1f2-3c4d5e6f7a8b', 'yes', 'no', 'floating fallback', 'built-in', /\d/]);
  });

  test('recipes are exported to a file and imported back; a corrupt file says why and changes nothing; edit and delete', async ({ options }) => {
    const sites = options.getByRole('region', { name: 'Sites' });
    const list = sites.getByRole('list', { name: 'Taught pages' });
    const file = { format: 'hirebridge-site-recipes', version: 1, recipes: [{ host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2.cand-name', anchor: '.toolbar' } }] };
    const importInput = sites.getByLabel('Import recipes');
    await importInput.setInputFiles({ name: 'recipes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(sites.getByRole('status')).toHaveText('1 recipes imported.');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText('app.breezy.hr /candidates/:id');

    const download = options.waitForEvent('download');
    await sites.getByRole('button', { name: 'Export recipes' }).click();
    const saved = await download;
    const exported = JSON.parse(await (await saved.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(exported).toMatchObject({ format: 'hirebridge-site-recipes', version: 1, recipes: [{ host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2.cand-name', anchor: '.toolbar' } }] });

    // Corrupt: one recipe's selector is style-sheet text. The whole file is refused.
    const corrupt = { ...file, recipes: [{ host: 'other.example', fields: { name: 'h1' } }, { host: 'x.example', fields: { name: 'h1 { display: none }' } }] };
    await importInput.setInputFiles({ name: 'corrupt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrupt)) });
    await expect(sites.getByRole('alert')).toHaveText('This recipes file is damaged (recipes.1.fields.name: Not a CSS selector.). Nothing was changed.');
    await importInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "hirebridge-site-recipes", ') });
    await expect(sites.getByRole('alert')).toHaveText('This file is not a recipes file (it is not JSON).');
    await expect(list.getByRole('listitem')).toHaveCount(1);

    await sites.getByRole('button', { name: 'Edit recipe for app.breezy.hr/candidates/:id' }).click();
    await list.getByRole('textbox', { name: 'Stage' }).fill('span.stage[');
    await list.getByRole('button', { name: 'Save recipe' }).click();
    await expect(list.getByRole('alert')).toHaveText('Stage: not a CSS selector.');
    await list.getByRole('textbox', { name: 'Stage' }).fill('.stage-pill');
    await list.getByRole('button', { name: 'Save recipe' }).click();
    await expect(sites.getByRole('status')).toHaveText('Recipe for app.breezy.hr/candidates/:id saved.');
    await expect(list.getByRole('listitem')).toContainText('Candidate name, Stage, Where the button goes');

    await sites.getByRole('button', { name: 'Delete recipe for app.breezy.hr/candidates/:id' }).click();
    await expect(sites.getByRole('status')).toHaveText('Recipe for app.breezy.hr/candidates/:id deleted.');
    await expect(sites.getByText('No recipes yet.')).toBeVisible();
  });
});
