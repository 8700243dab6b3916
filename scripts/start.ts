/**
 * `npm start`: the sandbox, and Chromium with the built extension connected to it, on the demo ATS.
 * With a display the browser stays open for you; without one it runs headless, walks the main screens,
 * saves screenshots and tells you where.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { describeStandIns } from '../sandbox/stand-ins';
import { dialogFrame, launchWithExtension } from './browser';
import { buttonsSettled, connectToSandbox, DEMO_JOBS, screenshotDialog } from './demo';

const SHOTS = resolve(import.meta.dirname, '..', 'screenshots', 'start');
const headless = process.env.HEADLESS === '1' || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

async function startSandboxOnFreePort(): Promise<Sandbox> {
  const preferred = Number(process.env.SANDBOX_PORT ?? 4780);
  try {
    return await startSandbox({ port: preferred });
  } catch {
    return startSandbox({ port: 0 });
  }
}

async function shot(page: Page, name: string, saved: string[]) {
  const path = resolve(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  saved.push(path);
}

/** An open dialog, whole (the window grows to fit it), not a full page: its backdrop is fixed to the window. */
async function dialogShot(page: Page, dialog: Locator, name: string, saved: string[]) {
  const path = resolve(SHOTS, `${name}.png`);
  await screenshotDialog(page, dialog, path);
  saved.push(path);
}

async function main() {
  const sandbox = await startSandboxOnFreePort();
  console.log(`Sandbox running at ${sandbox.url}`);
  console.log(`  demo ATS:       ${sandbox.url}/demo-ats/candidates`);
  console.log(`  demo sourcing:  ${sandbox.url}/demo-sourcing/people  (open a person, then the toolbar icon → Sync this page to ATS)`);

  const { context, extensionId } = await launchWithExtension({ headless });
  console.log(`Chromium started ${headless ? 'headless (no display found)' : 'with a window'}; extension id ${extensionId}`);

  const options = await connectToSandbox(context, extensionId, sandbox);
  console.log('Connected Factorial HR and the ATS (Kombo) to the sandbox.');
  console.log(`Activated the jobs ${DEMO_JOBS.map((job) => `"${job}"`).join(' and ')}.`);
  console.log('To try a direct ATS instead: Options → ATS → Remove integration, then Provider by name, Environment Custom:');
  console.log(describeStandIns(sandbox.url));

  const demo = await context.newPage();
  await demo.goto(`${sandbox.url}/demo-ats/candidates`);

  if (!headless) {
    await demo.bringToFront();
    console.log('Chromium is open on the demo ATS. Close the browser window or press Ctrl+C to stop.');
    await new Promise<void>((done) => {
      context.on('close', () => done());
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
  } else {
    mkdirSync(SHOTS, { recursive: true });
    const saved: string[] = [];
    await shot(options, '01-options-connected', saved);
    for (const card of ['Factorial HR', 'ATS'] as const) {
      await options.getByRole('region', { name: card }).getByRole('button', { name: 'View', exact: true }).click();
    }
    await shot(options, '02-options-connection-details', saved);
    await buttonsSettled(demo);
    await shot(demo, '03-demo-ats-candidates', saved);
    const firstCandidate = demo.locator('a[href*="/demo-ats/candidates/"]').first();
    if (await firstCandidate.count()) {
      await firstCandidate.click();
      await demo.waitForLoadState();
      await buttonsSettled(demo);
      await shot(demo, '04-demo-ats-candidate', saved);
    }
    await demo.goto(`${sandbox.url}/demo-ats/candidates/40112234`);
    await demo.getByRole('button', { name: 'Export to FactorialHR' }).click();
    await dialogFrame(demo).getByRole('dialog', { name: 'Export to FactorialHR' }).getByRole('textbox', { name: 'Email' }).waitFor();
    await dialogShot(demo, dialogFrame(demo).getByRole('dialog', { name: 'Export to FactorialHR' }), '05-export-dialog', saved);
    await dialogFrame(demo).getByRole('dialog', { name: 'Export to FactorialHR' }).getByRole('button', { name: 'Cancel' }).click();

    await demo.goto(`${sandbox.url}/demo-sourcing/people/sp-1001`);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('heading', { name: 'Hired candidates' }).waitFor();
    await popup.getByRole('region', { name: 'Recent activity' }).getByRole('listitem').first().waitFor();
    await shot(popup, '06-popup', saved);
    await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
    await dialogFrame(demo).getByRole('dialog', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Email' }).waitFor();
    await demo.bringToFront();
    await dialogShot(demo, dialogFrame(demo).getByRole('dialog', { name: 'Sync to ATS' }), '07-sync-dialog-on-demo-sourcing', saved);
    console.log(`\nNo display, so Chromium ran headless. Screenshots of each screen are in ${SHOTS}:`);
    for (const path of saved) console.log(`  ${path}`);
    console.log('\nKeep the sandbox running with "npm run sandbox" to try the APIs yourself.');
  }

  await context.close().catch(() => {});
  await sandbox.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
