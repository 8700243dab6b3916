import { chromium, type BrowserContext, type FrameLocator, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where `wxt build` puts the Chromium build of the extension. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '..', process.env.HIREBRIDGE_OUT_DIR ?? '.output', 'chrome-mv3');

/** A browser's executable: the path in `envVar` if set, else the first of the usual Debian paths that exists. */
export function findBrowser(name: string, envVar: string, paths: readonly string[], debianPackage: string): string {
  const candidates = [process.env[envVar], ...paths].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${name} was not found. Install it (Debian: apt-get install -y ${debianPackage}) or set ${envVar}.`);
  return found;
}

export function chromiumPath(): string {
  return findBrowser('Chromium', 'CHROMIUM_PATH', ['/usr/bin/chromium', '/usr/bin/chromium-browser'], 'chromium');
}

/**
 * A new empty directory under the system's temp folder, removed when this process exits. Every browser profile and
 * download a test or script makes goes here: a profile is ~5 MB, and the E2E suite makes one per test (4,406 of them,
 * 21 GB, had piled up in /tmp when each caller made its own and none removed it).
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

const scratchDirs: string[] = [];
process.once('exit', () => scratchDirs.forEach(removeDir));

/** Best effort: a browser still writing its profile as it exits can leave a file behind; the exit sweep gets it. */
function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Left for the next sweep.
  }
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

/** Chromium with the built extension loaded, in a fresh profile (removed once the browser has closed) unless given one. */
export async function launchWithExtension(opts: { headless: boolean; locale?: string; userDataDir?: string; extensionDir?: string }): Promise<LaunchedExtension> {
  // Another directory gives the unpacked extension another id (policy tests keep their policy to themselves).
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run "npm run build" first.`);
  }
  const userDataDir = opts.userDataDir ?? scratchDir('hirebridge-profile-');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless,
    locale: opts.locale,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // This machine has no network beyond the sandbox: keep Chromium's own background traffic quiet.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // A profile of its own goes with the browser (the process's exit removes whatever is left, see scratchDir).
  if (!opts.userDataDir) context.once('close', () => removeDir(userDataDir));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}

/**
 * Grant an optional host permission the way an admin would in chrome://extensions (Site access). A headless
 * browser cannot click the permission prompt that `permissions.request` shows, so tests and `npm start` grant
 * the sandbox's host here first; the extension's own request then resolves at once.
 */
export async function grantHostPermission(context: BrowserContext, extensionId: string, pattern: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(
      ([id, host]) =>
        new Promise<void>((done, failed) =>
          // developerPrivate is the API behind chrome://extensions' "Site access" settings.
          (globalThis as any).chrome.developerPrivate.addHostPermission(id, host, () => {
            const error = (globalThis as any).chrome.runtime.lastError;
            if (error) failed(new Error(error.message));
            else done();
          }),
        ),
      [extensionId, pattern] as const,
    );
  } finally {
    await page.close();
  }
}

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

export interface ConnectFields {
  environment: string;
  baseUrl?: string;
  apiKey: string;
  provider?: 'Factorial ATS' | 'Kombo';
  integrationId?: string;
}

/**
 * Connect the ATS card to a direct ATS (Greenhouse, Teamtailor, …) through its form, as its admin would: `fields` by
 * the labels the vendor's admin screen uses (e.g. { 'Client ID': …, 'Client secret': … }); `environment` by label
 * (default: the vendor's first), `baseUrl` for Custom.
 */
export async function connectDirectAts(options: Page, provider: string, fields: Record<string, string>, opts: { environment?: string; baseUrl?: string } = {}): Promise<void> {
  const region = options.getByRole('region', { name: 'ATS' });
  await region.getByRole('combobox', { name: 'Provider' }).selectOption({ label: provider });
  if (opts.environment) await region.getByRole('combobox', { name: 'Environment' }).selectOption({ label: opts.environment });
  if (opts.baseUrl !== undefined) await region.getByRole('textbox', { name: 'Base URL' }).fill(opts.baseUrl);
  for (const [label, value] of Object.entries(fields)) await region.getByRole('textbox', { name: label, exact: true }).fill(value);
  await region.getByRole('button', { name: 'Connect' }).click();
}

/** Connect one card on the options page through its form, as an admin would. */
export async function connectCard(options: Page, card: 'Factorial HR' | 'ATS', fields: ConnectFields): Promise<void> {
  const region = options.getByRole('region', { name: card });
  if (fields.provider) await region.getByRole('combobox', { name: 'Provider' }).selectOption({ label: fields.provider });
  await region.getByRole('combobox', { name: 'Environment' }).selectOption({ label: fields.environment });
  if (fields.baseUrl !== undefined) await region.getByRole('textbox', { name: 'Base URL' }).fill(fields.baseUrl);
  await region.getByRole('textbox', { name: 'API key' }).fill(fields.apiKey);
  if (fields.integrationId !== undefined) await region.getByRole('textbox', { name: 'Integration ID' }).fill(fields.integrationId);
  await region.getByRole('button', { name: 'Connect' }).click();
}

/**
 * The Export and Sync dialogs on a web page render in Hirebridge's own frame (dialog.html, inside the page's
 * <hirebridge-dialog>): find them, their fields and buttons inside it, e.g. `dialogFrame(page).getByRole('dialog')`.
 */
export function dialogFrame(page: Page): FrameLocator {
  return page.frameLocator('hirebridge-dialog iframe');
}
