import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, test, dialogFrame } from './fixtures';

/**
 * Sync to ATS opened (toolbar popup) on real saved pages (tests/fixtures/profiles, tests/fixtures/microformats; see
 * their SOURCE.md), served at a path of the sandbox's host: the form shows the page's subject and only theirs.
 */

const fixture = (path: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures', path), 'utf8');

async function connectKombo(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

/** The saved page at `${sandbox.url}/saved/<name>`, then Sync this page from the popup: the dialog on it. */
async function syncSaved(context: BrowserContext, extensionId: string, sandbox: Sandbox, name: string, html: string) {
  await context.route(`${sandbox.url}/saved/${name}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/saved/${name}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Sync to ATS' });
  await expect(dialog.getByRole('combobox', { name: 'Job' })).toBeVisible();
  return dialog;
}

test('a résumé in microformats (hResume): the person, their email and phone', async ({ context, extensionId, options, sandbox }) => {
  await connectKombo(context, extensionId, options, sandbox);
  const dialog = await syncSaved(context, extensionId, sandbox, 'hresume', fixture('microformats/microformats-v1/hresume/contact.html'));
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Tim');
  await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Berners-Lee');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('timbl@w3.org');
  await expect(dialog.getByRole('textbox', { name: 'Phone' })).toHaveValue('+1 (617) 253 5702');
});

test('a blog\'s home page with an h-card: its owner and the address the card declares', async ({ context, extensionId, options, sandbox }) => {
  await connectKombo(context, extensionId, options, sandbox);
  const dialog = await syncSaved(context, extensionId, sandbox, 'jamesg', fixture('profiles/indieweb-utils-jamesg-blog-home.html'));
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('James');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('readers@jamesg.blog');
});

test('a movie page: not its director or actors — the form stays empty for the recruiter', async ({ context, extensionId, options, sandbox }) => {
  await connectKombo(context, extensionId, options, sandbox);
  const dialog = await syncSaved(context, extensionId, sandbox, 'movie', fixture('profiles/schemaorg-eg-0017-movie-microdata.html'));
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('');
  await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('');
});
