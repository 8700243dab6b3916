import { BenchSandbox, launchBenchBrowser, allowSandboxHost, openOptionsPage, connectFactorialHr, connectKombo, waitFor, sleep } from './lib/harness';
const sb = await BenchSandbox.start();
const browser = await launchBenchBrowser();
try {
  await allowSandboxHost(browser);
  const options = await openOptionsPage(browser);
  await connectFactorialHr(options, sb);
  await connectKombo(options, sb);
  await waitFor('cs', () => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0), 10_000);
  const page = await browser.context.newPage();
  page.on('console', (m) => console.log('console', m.text()));
  page.on('pageerror', (m) => console.log('pageerror', m.message));
  await page.goto(`${sb.url}/demo-ats/candidates/40112234`);
  const button = page.getByRole('button', { name: 'Export to FactorialHR' });
  await button.and(page.locator(':enabled')).waitFor();
  await button.hover();
  await sleep(1500);
  await button.click();
  await sleep(2000);
  console.log(await page.evaluate(() => { const h = document.querySelector('hirebridge-dialog'); const r = h?.shadowRoot; const i = r?.querySelector('input'); return { host: !!h, html: r?.innerHTML.slice(0, 300), inputId: i?.id, value: (i as HTMLInputElement)?.value, active: (r?.activeElement as HTMLElement)?.id ?? r?.activeElement?.tagName, docActive: document.activeElement?.tagName }; }));
  await page.close();
} finally { await browser.close(); await sb.close(); }
