/**
 * `npm run screenshots`: the README's pictures (docs/screenshots/), taken on the built extension in headless
 * Chromium against the sandbox, as a user would see each screen. Run it by hand when the UI changes; `npm test`
 * never writes these files.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { dialogFrame, launchWithExtension } from './browser';
import { buttonsSettled, connectToSandbox, screenshotDialog } from './demo';

const DIR = resolve(import.meta.dirname, '..', 'docs', 'screenshots');

async function main() {
  mkdirSync(DIR, { recursive: true });
  const sandbox = await startSandbox({ port: 0 });
  const { context, extensionId } = await launchWithExtension({ headless: true });
  const saved: string[] = [];
  const at = (name: string) => {
    const path = resolve(DIR, `${name}.png`);
    saved.push(path);
    return path;
  };
  try {
    // The ATS card before connecting: a team picks its ATS by name and sees what its admin screen gives.
    const fresh = await context.newPage();
    await fresh.setViewportSize({ width: 1100, height: 900 });
    await fresh.goto(`chrome-extension://${extensionId}/options.html`);
    const atsCard = fresh.getByRole('region', { name: 'ATS', exact: true });
    await atsCard.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Greenhouse' });
    await atsCard.getByRole('textbox', { name: 'Client Secret' }).waitFor();
    await atsCard.screenshot({ path: at('connect-direct') });
    await fresh.close();

    const options = await connectToSandbox(context, extensionId, sandbox);

    // Options: the two connection cards, connected, the ATS's details open (the key masked).
    await options.setViewportSize({ width: 1100, height: 760 });
    const ats = options.getByRole('region', { name: 'ATS', exact: true });
    await ats.getByRole('button', { name: 'View', exact: true }).click();
    await ats.getByRole('button', { name: 'Check again' }).waitFor();
    await options.evaluate(() => window.scrollTo(0, 0));
    const cards = await ats.boundingBox();
    await options.screenshot({ path: at('options'), clip: { x: 0, y: 0, width: 1100, height: Math.ceil(cards!.y + cards!.height + 24) } });
    // Jobs: the table, two of them activated.
    await options.getByRole('region', { name: 'Jobs' }).screenshot({ path: at('jobs') });

    // An ATS page: the demo ATS's candidate list, a button on every row.
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`${sandbox.url}/demo-ats/candidates`);
    await buttonsSettled(page);
    await page.screenshot({ path: at('ats-page') });

    // Export to FactorialHR from Lucas's page: pre-filled, a legal entity chosen from Factorial's list.
    await page.goto(`${sandbox.url}/demo-ats/candidates/40112234`);
    await page.getByRole('button', { name: 'Export to FactorialHR', disabled: false }).click();
    const exportDialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await exportDialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await exportDialog.getByRole('button', { name: 'Export', exact: true, disabled: false }).waitFor();
    await screenshotDialog(page, exportDialog, at('export-dialog'));
    await exportDialog.getByRole('button', { name: 'Cancel' }).click();

    // The popup, over a sourcing profile (what "Sync this page to ATS" acts on).
    await page.goto(`${sandbox.url}/demo-sourcing/people/sp-1001`);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('list', { name: 'Hired candidates waiting for export' }).waitFor();
    await popup.getByRole('region', { name: 'Recent activity' }).getByRole('listitem').first().waitFor();
    await popup.screenshot({ path: at('popup'), fullPage: true });

    // Sync to ATS on that profile: the person's own Active job comes chosen, with its screening questions.
    await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
    const syncDialog = dialogFrame(page).getByRole('dialog', { name: 'Sync to ATS' });
    await syncDialog.getByText('Resume from the page: resume.pdf').waitFor();
    await page.bringToFront();
    await screenshotDialog(page, syncDialog, at('sync-dialog'));

    console.log('README screenshots written:');
    for (const path of saved) console.log(`  ${path}`);
  } finally {
    await context.close().catch(() => {});
    await sandbox.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
