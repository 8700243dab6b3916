import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, openOptions, scratchDir } from '../../scripts/browser';
import { expect, test } from './fixtures';

/**
 * Site recipes deployed by managed policy, with a REAL policy file (the pattern of team-policy.spec.ts): its own copy
 * of the build (another path, so another id no other test's extension has) and its own uniquely named policy file,
 * removed afterwards.
 */

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_COPY = resolve(EXTENSION_DIR, '..', 'chrome-mv3-teach-policy-test');

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.describe('Site recipes deployed by managed policy (real Chromium policy file)', () => {
  let extensionId = '';
  let policyFile = '';

  test.beforeAll(async () => {
    rmSync(POLICY_COPY, { recursive: true, force: true });
    cpSync(EXTENSION_DIR, POLICY_COPY, { recursive: true });
    const first = await launchWithExtension({ headless: true, extensionDir: POLICY_COPY });
    extensionId = first.extensionId;
    await first.context.close();
    policyFile = join(POLICY_DIR, `hirebridge-teach-test-${extensionId}.json`);
  });

  test.afterAll(() => {
    if (policyFile) rmSync(policyFile, { force: true });
    rmSync(POLICY_COPY, { recursive: true, force: true });
  });

  test('a policy recipe is applied on its pages and shown read-only with who manages it; a wrong one is noted and left out', async () => {
    mkdirSync(POLICY_DIR, { recursive: true });
    const policy = {
      managedBy: 'Acme IT',
      siteRecipes: [
        { host: 'app.greenhouse.io', path: '/people/:id', fields: { name: '[data-testid="profile-name"]', anchor: 'nav.profile-tools' } },
        { host: 'app.breezy.hr', fields: { name: 'h1 { color: red }' } },
      ],
    };
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
    const launched = await launchWithExtension({ headless: true, extensionDir: POLICY_COPY, userDataDir: scratchDir('hirebridge-teach-managed-') });
    try {
      expect(launched.extensionId).toBe(extensionId);
      const options = await openOptions(launched.context, extensionId);
      const sites = options.getByRole('region', { name: 'Sites' });
      const list = sites.getByRole('list', { name: 'Taught pages' });
      await expect(list.getByRole('listitem')).toHaveCount(1);
      await expect(list.getByRole('listitem')).toContainText('app.greenhouse.io /people/:id');
      await expect(list.getByRole('listitem')).toContainText('Managed by Acme IT: read-only.');
      await expect(list.getByRole('button', { name: /Edit recipe|Delete recipe/ })).toHaveCount(0);
      await expect(options.getByRole('region', { name: 'Team setup' }).getByRole('note')).toContainText('“siteRecipes” was ignored: siteRecipes[1]: fields.name: Not a CSS selector.');

      // A file cannot replace it (and a managed browser's recipes are the admin's to change).
      const file = { format: 'hirebridge-site-recipes', version: 1, recipes: [{ host: 'app.greenhouse.io', path: '/people/:id', fields: { name: 'h1' } }] };
      await sites.getByLabel('Import recipes').setInputFiles({ name: 'recipes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect(sites.getByRole('alert')).toHaveText('This browser follows your team’s setup, so this is done by your admin.');
      await expect(list.getByRole('listitem')).toContainText('Managed by Acme IT: read-only.');

      await launched.context.route('https://app.greenhouse.io/**', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html><body><span data-testid="profile-name">Lucas Moreau</span><nav class="profile-tools" aria-label="Profile tools"></nav></body></html>`,
        }),
      );
      const page = await launched.context.newPage();
      await page.goto('https://app.greenhouse.io/people/40112234');
      await expect(page.getByRole('navigation', { name: 'Profile tools' }).getByRole('button', { name: 'Export to FactorialHR' })).toBeVisible();
      // A browser the organisation manages is a recruiter's: no Teach this page, on the page or in the popup.
      await expect(page.getByRole('button', { name: 'Teach this page' })).toHaveCount(0);
      const popup = await launched.context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(popup.getByRole('button', { name: 'Sync this page to ATS' })).toBeVisible();
      await expect(popup.getByRole('button', { name: 'Teach this page' })).toHaveCount(0);
    } finally {
      await launched.context.close();
    }
  });
});
