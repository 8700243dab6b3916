import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { findBrowser } from '../../scripts/browser';

/**
 * Real Firefox ESR, headless, driven over WebDriver BiDi with puppeteer-core, with the Firefox build installed
 * as a temporary add-on. Nothing here is in the product: the switches below (a fixed moz-extension:// host, the
 * permission prompt answered, WebDriver allowed onto extension pages, automation mode for a policy) belong to
 * the test browser's profile, not to the extension.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, process.env.HIREBRIDGE_OUT_DIR ?? '.output', 'firefox-mv3');
const manifest = () => JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));

/**
 * Firefox gives each installed add-on a random moz-extension:// host; this pref fixes it for the add-on id, so
 * the test knows where the options page lives (what about:debugging shows as "Internal UUID").
 */
const EXTENSION_UUID = '6a0c2b43-6f0e-4c2b-9d0e-5b8f5c1e7a11';

export function firefoxPath(): string {
  return findBrowser('Firefox', 'FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox'], 'firefox-esr');
}

export interface FirefoxWithExtension {
  browser: Browser;
  addonId: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * `policy`: what an organisation's Firefox policies.json gives the add-on (`3rdparty` → `Extensions` → its id),
 * read by the extension through storage.managed. Firefox reads a policies.json from elsewhere than its install
 * directory only in automation mode (the pref and variable Mozilla's own test harnesses set), so a test need
 * not write to /usr/lib/firefox-esr/distribution or /etc/firefox-esr/policies.
 */
export async function launchFirefoxWithExtension(opts: { policy?: Record<string, unknown> } = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}. Run "npm run build:firefox" first.`);
  }
  const addonId: string = manifest().browser_specific_settings.gecko.id;
  let policyPrefs: Record<string, unknown> = {};
  let env: Record<string, string | undefined> | undefined;
  let policyDir: string | undefined;
  if (opts.policy) {
    policyDir = mkdtempSync(join(tmpdir(), 'hirebridge-ff-policy-'));
    const file = join(policyDir, 'policies.json');
    writeFileSync(file, JSON.stringify({ policies: { '3rdparty': { Extensions: { [addonId]: opts.policy } } } }));
    policyPrefs = { 'browser.policies.alternatePath': file, 'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true };
    // Automation mode also refuses every non-local connection: nothing here needs one.
    env = { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    // WebDriver refuses to navigate to moz-extension:// pages unless the remote agent is started with system
    // access (Firefox's own switch for testing privileged pages); with it, the test opens the options page.
    args: ['--remote-allow-system-access'],
    env,
    extraPrefsFirefox: {
      ...policyPrefs,
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      // An optional-permission request (Custom base URL → its host) is granted as if the person clicked
      // "Allow" in the doorhanger a headless browser cannot show. The extension's own request still runs.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== addonId) throw new Error(`Installed add-on id ${installed}, expected the manifest's ${addonId}`);
  const close = async () => {
    await browser.close();
    if (policyDir) rmSync(policyDir, { recursive: true, force: true });
  };
  return { browser, addonId, origin: `moz-extension://${EXTENSION_UUID}`, close };
}

/**
 * Open one of the extension's pages in a new tab. Firefox does not report load events of moz-extension://
 * documents over BiDi (the navigation never "completes" for puppeteer), so wait on the document itself.
 */
export async function openExtensionPage(firefox: FirefoxWithExtension, path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  const url = `${firefox.origin}${path}`;
  // The navigation promise is left to settle on its own (it rejects when its timer or the browser ends).
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  // Polled by hand: while the tab swaps from about:blank to the extension's document, an evaluation can fail inside
  // Firefox's BiDi ("right-hand side of 'in' should be an object, got null"); that is the navigation still under way.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const loaded = await page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url).catch(() => false);
    if (loaded) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
    await new Promise((next) => setTimeout(next, 100));
  }
}

/**
 * Serve a real ATS hostname from the test (the machine has no network): top-level documents and their
 * sub-resources for `host` are answered by `serve`; everything else goes on unchanged.
 */
export async function serveHost(page: Page, host: string, serve: (url: URL) => { status: number; body: string; contentType?: string }): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.hostname !== host) return void request.continue();
    const { status, body, contentType } = serve(url);
    void request.respond({ status, body, contentType: contentType ?? 'text/html; charset=utf-8' });
  });
}
