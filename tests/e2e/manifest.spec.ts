import { expect, test } from './fixtures';

/** What the built extension declares, as Chromium loaded it: minimal hosts, a strict page CSP, the policy schema. */
test('permissions, CSP, managed policy schema and alarms of the loaded extension', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  const hosts = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  expect(hosts).not.toContain('<all_urls>');
  expect(manifest.host_permissions).toContain('https://api.factorialhr.com/*');
  expect(manifest.host_permissions).toContain('https://app.greenhouse.io/*');
  expect(manifest.permissions).toContain('activeTab');
  // The one file a web page may load is the dialogs' frame, and only at its per-session URL (no fingerprinting).
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['dialog.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true }]);
  expect((manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages).toBe("script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors https: http:");
  expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
  const schema = await serviceWorker.evaluate(async () => (await fetch(chrome.runtime.getURL('/managed_schema.json'))).json());
  expect(Object.keys(schema.properties).sort()).toEqual(['activeJobCountries', 'activeJobIds', 'autoSync', 'autoSyncStage', 'connections', 'countries', 'disabledAdapters', 'fieldMapping', 'komboWriteWaitSeconds', 'managedBy', 'pullIntervalMinutes', 'retentionDays', 'siteRecipes', 'sourceName']);
  // A deployed key is masked in chrome://policy.
  expect(schema.properties.connections.properties.ats.properties.apiKey.sensitiveValue).toBe(true);

  // The worker is one classic script: a start fetches one file, no module chunks; and no PDF stack is in it (the
  // offscreen document builds profiles). README "What each bundle holds".
  expect(manifest.background).toEqual({ service_worker: 'background.js' });
  const workerCode = await serviceWorker.evaluate(async () => (await fetch(chrome.runtime.getURL('/background.js'))).text());
  expect(workerCode).not.toMatch(/(?:^|[;}\s])import\s*(?:[\w$\s{},*]+?\s*from\s*)?["'`]\.{1,2}\//);
  expect(workerCode).not.toMatch(/addFileToVFS|PDFDocument|FlateDecode/);

  // Created at start-up: the job pull every 3 hours, and the daily retention purge.
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => `${a.name} ${a.periodInMinutes}`).sort()))
    .toEqual(['hirebridge:job-pull 180', 'hirebridge:retention 1440']);
});

/** The icon set as Chromium loaded it: every size the manifest names is a PNG of that size, and the toolbar's. */
test('icons: the manifest and the toolbar name real PNGs of their sizes', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  const declared: Record<string, string> = { ...manifest.icons, ...Object.fromEntries(Object.entries((manifest.action?.default_icon ?? {}) as Record<string, string>).map(([s, p]) => [`action ${s}`, p])) };
  expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48', '96']);
  expect(Object.keys(manifest.action?.default_icon ?? {}).sort()).toEqual(['16', '32']);
  for (const [size, path] of Object.entries(declared)) {
    // PNG: signature, then the IHDR chunk with width and height (big-endian) at bytes 16–23.
    const header = await serviceWorker.evaluate(async (p) => Array.from(new Uint8Array(await (await fetch(chrome.runtime.getURL(p))).arrayBuffer()).slice(0, 24)), path);
    const view = new DataView(Uint8Array.from(header).buffer);
    expect(header.slice(1, 4), path).toEqual([0x50, 0x4e, 0x47]);
    const px = Number(size.replace('action ', ''));
    expect([view.getUint32(16), view.getUint32(20)], path).toEqual([px, px]);
  }
});
