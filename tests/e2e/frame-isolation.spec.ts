import type { BrowserContext, Frame, Locator, Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, connectBoth, dialogFrame, expect, sandboxControl, test } from './fixtures';

/**
 * What a hostile page can get from Hirebridge's dialogs (SPEC §7: dialogs that show company or candidate data render
 * in an extension-origin frame). The page carries a script (a few lines of ordinary JavaScript, as any page could)
 * that, all the time the recruiter works, walks every shadow root it can reach (open ones; `element.shadowRoot`, and
 * `chrome.dom.openOrClosedShadowRoot`, which pages do not have), every frame (`contentDocument`, `window.frames`),
 * reads every field's value and every option, and listens to every key, input and message event on window and
 * document in the capture phase. The recruiter opens each dialog, picks the company's entries and types; then:
 * nothing of the company's (legal entities, teams, locations, employees; the ATS's other jobs and their screening
 * questions) nor of what was typed reached the script; its synthetic clicks and forged messages send nothing; a click
 * made while the page covers or fades the dialog sends nothing and says why; navigating the frame takes it away.
 * The script proves it works: it reads the page's own text and the in-page button, and hears keys typed in the page.
 */

const HOSTILE = () => {
  if (window.top !== window || !/^https?:$/.test(location.protocol)) return;
  const w = window as unknown as { __harvest: string[]; __keys: string[]; __messages: string[]; __attack(): void; __reach: string[] };
  w.__harvest = [];
  w.__keys = [];
  w.__messages = [];
  w.__reach = [];
  const seen = new Set<string>();
  const keep = (text: string | null | undefined) => {
    const value = (text ?? '').trim();
    if (value && !seen.has(value)) {
      seen.add(value);
      w.__harvest.push(value.slice(0, 20_000));
    }
  };
  const walk = (root: Document | ShadowRoot | null | undefined, where: string) => {
    if (!root) return;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) keep(el.value);
      if (el instanceof HTMLSelectElement) for (const option of Array.from(el.options)) keep(option.text);
      const open = el.shadowRoot;
      const any = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome?.dom?.openOrClosedShadowRoot?.(el);
      for (const shadow of [open, any]) {
        if (!shadow) continue;
        keep(shadow.textContent);
        walk(shadow, `${where} > ${el.tagName}`);
      }
      if (el instanceof HTMLIFrameElement) {
        try {
          const doc = el.contentDocument ?? el.contentWindow?.document;
          if (doc) {
            // The frame's initial empty about:blank (same origin as the page until the dialog loads) holds nothing.
            if (doc.URL !== 'about:blank' || doc.documentElement?.textContent) w.__reach.push(`contentDocument ${doc.URL}`);
            keep(doc.documentElement?.textContent);
            walk(doc, `${where} > iframe`);
          }
        } catch {
          // cross-origin: no document
        }
      }
    }
  };
  const harvest = () => {
    keep(document.documentElement?.textContent);
    walk(document, 'document');
    for (let i = 0; i < window.frames.length; i++) {
      try {
        const doc = window.frames[i]!.document;
        if (doc.URL !== 'about:blank' || doc.documentElement?.textContent) w.__reach.push(`frames[${i}] ${doc.URL}`);
        keep(doc.documentElement?.textContent);
        walk(doc, `frames[${i}]`);
      } catch {
        // cross-origin: no document
      }
    }
  };
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'change', 'paste', 'compositionend']) {
      target.addEventListener(
        type,
        (e) => {
          // What a person typed (its own synthetic events aside), and where: the page's probe field, or anywhere else.
          if (!e.isTrusted) return;
          const where = (e.target as Element | null)?.id === 'page-probe' ? 'probe' : 'elsewhere';
          w.__keys.push(`${where} ${type}:${(e as KeyboardEvent).key ?? (e as InputEvent).data ?? ''}`);
        },
        true,
      );
    }
  }
  window.addEventListener('message', (e) => w.__messages.push(JSON.stringify(e.data)), true);
  new MutationObserver(harvest).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  setInterval(harvest, 50);
  document.addEventListener('DOMContentLoaded', () => {
    const probe = document.createElement('input');
    probe.id = 'page-probe';
    probe.setAttribute('aria-label', 'Page probe');
    document.body.prepend(probe);
  });

  // What the page can do to a dialog it cannot read: click whatever it reaches, forge messages to every frame.
  w.__attack = () => {
    const host = document.querySelector('hirebridge-dialog');
    const frame = host?.shadowRoot?.querySelector('iframe');
    for (const target of [host, frame]) {
      if (!target) continue;
      (target as HTMLElement).click();
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: 500, clientY: 500 }));
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    for (let i = 0; i < window.frames.length; i++) {
      for (const data of [
        { type: 'submitExport' },
        { type: 'submitSync' },
        { hirebridgeDialogFrame: { op: 'close' } },
        'click',
        { type: 'closeDialogFrame', data: { token: '00000000-0000-4000-8000-000000000000' } },
      ]) {
        window.frames[i]!.postMessage(data, '*');
      }
    }
  };
};

type Hostile = { harvest: string; keys: string[]; messages: string[]; reach: string[] };
const hostile = async (page: Page): Promise<Hostile> => {
  const got = await page.evaluate(() => {
    const w = window as unknown as { __harvest: string[]; __keys: string[]; __messages: string[]; __reach: string[] };
    return { harvest: w.__harvest.join('\n'), keys: w.__keys, messages: w.__messages, reach: w.__reach };
  });
  return got;
};

/**
 * The recruiter's click once the cover is gone. The dialog's own watcher reports at most every 100 ms (and later on
 * a busy machine), so a click right after the cover is lifted may still be refused as covered, as it should be: the
 * person then clicks again. Each refused click sends nothing; the callers count what reached the vendor.
 */
async function clickOnceUncovered(button: Locator, status: Locator, done: string) {
  await expect(async () => {
    const shown = await status.textContent({ timeout: 500 }).catch(() => null);
    if (!shown?.includes(done)) await button.click({ timeout: 5_000 });
    await expect(status).toContainText(done, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/** The dialog's frame, for watching what the person sees (Playwright may enter it; the page may not). */
const dialogFrameOf = (page: Page): Frame => page.frames().find((f) => f.url().includes('/dialog.html'))!;

/** Whether the dialog is shown unobstructed, as the browser's IntersectionObserver v2 sees it from inside the frame. */
const shownUnobstructed = (page: Page) =>
  dialogFrameOf(page).evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const io = new IntersectionObserver(
          (entries) => {
            io.disconnect();
            resolve((entries[entries.length - 1] as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
          },
          { trackVisibility: true, delay: 100, threshold: [0] } as IntersectionObserverInit,
        );
        io.observe(document.querySelector('[role="dialog"]')!);
      }),
  );

/** The page covers everything with a faint layer in the top layer that lets clicks through (a decoy over the dialog). */
const coverWithDecoy = (page: Page) =>
  page.evaluate(() => {
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.popover = 'manual';
    decoy.textContent = 'Click the button to claim your prize';
    decoy.setAttribute('style', 'pointer-events:none;inset:0;width:100vw;height:100vh;margin:0;border:0;background:rgba(255,255,255,0.02)');
    document.body.append(decoy);
    decoy.showPopover();
  });

const SECRET_COMPANY = ['Hirebridge Demo S.L.', 'Hirebridge Demo GmbH', 'Engineering', 'Barcelona HQ', 'Berlin Office', 'Lisbon Hub', 'London Office', 'Jonas Becker'];

async function typeInto(page: Page, locator: ReturnType<Page['getByRole']>, text: string) {
  await locator.click();
  await locator.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

const installHostile = async (context: BrowserContext) => context.addInitScript(HOSTILE);

test('Export on an ATS page: the page reads nothing of the company or the typed data, and cannot submit or clickjack', async ({ context, extensionId, options, sandbox }) => {
  test.setTimeout(90_000);
  await connectBoth(context, extensionId, options, sandbox);
  await installHostile(context);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-ats/candidates/40112234`);
  const button = page.getByRole('button', { name: 'Export to FactorialHR' });
  await expect(button).toBeEnabled();

  // The script works: it hears keys typed in the page, reads the page and the button in its open shadow root.
  await page.getByRole('textbox', { name: 'Page probe' }).pressSequentially('probe');
  await expect.poll(async () => (await hostile(page)).keys).toContain('probe keydown:p');
  await expect.poll(async () => (await hostile(page)).harvest).toContain('Export to FactorialHR');
  expect((await hostile(page)).harvest).toContain('Lucas Moreau');
  const keysBefore = (await hostile(page)).keys.length;

  await button.click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
  await dialog.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Engineering' });
  await typeInto(page, dialog.getByRole('textbox', { name: 'Job title' }), 'Staff Quantum Wrangler');
  await typeInto(page, dialog.getByRole('textbox', { name: 'Phone' }), '+34 699 000 111');

  // The page's synthetic clicks and forged messages: nothing sent, the dialog still open.
  await page.evaluate(() => (window as unknown as { __attack(): void }).__attack());
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  await expect(exportButton).toBeEnabled();

  // The page fades the dialog (it cannot read it, but it could hide it and get a click on it). Its own styles on the
  // dialog's element lose to the dialog's; on its own body, they fade everything in it: refused, and why.
  await page.evaluate(() => document.body.style.setProperty('opacity', '0.05', 'important'));
  await exportButton.click();
  await expect(dialog.getByRole('alert')).toContainText('Not sent: the page had made this form transparent');
  await page.evaluate(() => document.body.style.removeProperty('opacity'));

  // A decoy over the dialog that lets the click through: the browser says the dialog is covered; refused.
  await coverWithDecoy(page);
  await expect.poll(() => shownUnobstructed(page)).toBe(false);
  await exportButton.click();
  await expect(dialog.getByRole('alert')).toContainText('something on the page was covering this form');
  expect((await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com')).toHaveLength(0);

  // Uncovered, the recruiter's own click exports, once.
  await page.evaluate(() => document.getElementById('decoy')!.remove());
  await expect.poll(() => shownUnobstructed(page)).toBe(true);
  await clickOnceUncovered(exportButton, dialog.getByRole('status'), 'Exported');
  const employees = (await sandboxControl<{ factorial: { employees: { email: string; job_title?: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees;
  expect(employees.filter((e) => e.email === 'lucas.moreau@example.com')).toHaveLength(1);

  const got = await hostile(page);
  for (const secret of [...SECRET_COMPANY, 'Staff Quantum Wrangler', '699 000 111']) expect(got.harvest, secret).not.toContain(secret);
  expect(got.reach).toEqual([]);
  expect(got.messages).toEqual([]);
  // Not one key, input or change event of the dialog's typing reached the page.
  expect(got.keys.slice(keysBefore).filter((key) => !key.startsWith('probe '))).toEqual([]);

  // Closed by the recruiter: the frame goes; the page's button says what happened.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible();
});

test('Sync on any page (toolbar icon): the page reads none of the ATS jobs, questions or typed answers, and cannot submit or clickjack', async ({ context, extensionId, options, sandbox }) => {
  test.setTimeout(90_000);
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  const jobs = options.getByRole('region', { name: 'Jobs' });
  for (const name of ['Senior Backend Engineer', 'Frontend Engineer']) {
    const row = jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name, exact: true }) });
    await row.getByRole('button', { name: 'Activate' }).click();
    await expect(row).toContainText('Active');
  }
  await installHostile(context);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-sourcing/people/sp-1001`);
  await page.getByRole('textbox', { name: 'Page probe' }).pressSequentially('probe');
  await expect.poll(async () => (await hostile(page)).keys).toContain('probe keydown:p');
  expect((await hostile(page)).harvest).toContain('Zoë');
  const keysBefore = (await hostile(page)).keys.length;

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Sync to ATS' });
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.nunez@example.com');
  await page.bringToFront();
  await expect(dialog.getByText('Resume from the page: resume.pdf')).toBeVisible();
  await typeInto(page, dialog.getByRole('textbox', { name: 'Phone' }), '+34 611 998 877');
  await dialog.getByRole('combobox', { name: 'Job' }).selectOption({ label: 'Senior Backend Engineer — Barcelona' });
  await dialog.getByRole('group', { name: 'Do you have the right to work in the EU? (required)' }).getByRole('radio', { name: 'Yes' }).check();
  await typeInto(page, dialog.getByRole('textbox', { name: 'Years of professional experience (required)' }), '9');
  await typeInto(page, dialog.getByRole('textbox', { name: 'Earliest start date (required)' }), '2027-01-15');

  await page.evaluate(() => (window as unknown as { __attack(): void }).__attack());
  const syncButton = dialog.getByRole('button', { name: 'Sync', exact: true });
  await expect(syncButton).toBeEnabled();

  const applications = async () => (await sandboxControl<{ kombo: { applications: unknown[] } }>(sandbox, 'GET', 'state')).kombo.applications.length;
  const before = await applications();
  await coverWithDecoy(page);
  await expect.poll(() => shownUnobstructed(page)).toBe(false);
  await syncButton.click();
  await expect(dialog.getByRole('alert')).toContainText('something on the page was covering this form');
  expect(await applications()).toBe(before);
  await page.evaluate(() => document.getElementById('decoy')!.remove());
  await expect.poll(() => shownUnobstructed(page)).toBe(true);
  await clickOnceUncovered(syncButton, dialog.getByRole('status'), 'Synced to Senior Backend Engineer');

  const got = await hostile(page);
  for (const secret of ['Frontend Engineer', 'Years of professional experience', 'right to work in the EU', 'Earliest start date', '611 998 877', '2027-01-15']) {
    expect(got.harvest, secret).not.toContain(secret);
  }
  expect(got.reach).toEqual([]);
  expect(got.messages).toEqual([]);
  expect(got.keys.slice(keysBefore).filter((key) => !key.startsWith('probe '))).toEqual([]);

  expect(await applications()).toBe(before + 1);

  // The page navigates the frame (it reaches the element, not its document): the dialog is taken away at once.
  await page.evaluate(() => {
    document.querySelector('hirebridge-dialog')!.shadowRoot!.querySelector('iframe')!.src = 'about:blank';
  });
  await expect(page.locator('hirebridge-dialog')).toHaveCount(0);
});
