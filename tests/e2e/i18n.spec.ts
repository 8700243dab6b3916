import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { EXTENSION_DIR } from '../../scripts/browser';
import { dialogFrame, allowSandboxHost, expect, stopServiceWorker, test } from './fixtures';

/**
 * The whole UI in Spanish when the browser's language is Spanish (Playwright's `locale` sets `navigator.language`
 * in every extension context): the options page, the buttons and dialogs on ATS pages, the popup, and the
 * service worker's own messages. English names must not leak onto these screens.
 */

// Seeded demo-ATS people (Greenhouse ids, known to Kombo as remote_ids).
const MARTA = '40112233'; // Hired, already an employee in Factorial
const LUCAS = '40112234'; // Hired
const DANIEL = '40112237'; // Interview

const LEVER_ID = '8f1c2a7e-5d3b-4c1e-9a2f-6b7c8d9e0f1a';
const PERSON = { name: 'Zoë Ñúñez', email: 'zoe.nunez@example.com', phone: '+34 611 22 33 44' };

interface CardFields {
  provider?: 'Factorial ATS' | 'Kombo';
  environment: string;
  baseUrl?: string;
  apiKey: string;
  integrationId?: string;
}

/** Connect a card the way a Spanish-speaking admin does: by the Spanish labels. */
async function conectar(options: Page, card: 'Factorial HR' | 'ATS', fields: CardFields): Promise<void> {
  const region = options.getByRole('region', { name: card });
  if (fields.provider) await region.getByRole('combobox', { name: 'Proveedor' }).selectOption({ label: fields.provider });
  await region.getByRole('combobox', { name: 'Entorno' }).selectOption({ label: fields.environment });
  if (fields.baseUrl !== undefined) await region.getByRole('textbox', { name: 'URL base' }).fill(fields.baseUrl);
  await region.getByRole('textbox', { name: 'Clave de API' }).fill(fields.apiKey);
  if (fields.integrationId !== undefined) await region.getByRole('textbox', { name: 'ID de integración' }).fill(fields.integrationId);
  await region.getByRole('button', { name: 'Conectar' }).click();
}

async function conectarTodo(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  await allowSandboxHost(context, extensionId);
  await conectar(options, 'Factorial HR', { environment: 'Personalizado', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Conectado', { exact: true })).toBeVisible();
  await conectarAts(options, sandbox);
}

async function conectarAts(options: Page, sandbox: Sandbox) {
  await conectar(options, 'ATS', { provider: 'Kombo', environment: 'Personalizado', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Conectado', { exact: true })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Ofertas de empleo' }).getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true })).toBeVisible();
}

/** None of these English words or phrases is shown (whole words: Spanish text and people's names may contain parts). */
async function expectNoEnglish(scope: Locator, phrases: string[]) {
  const text = await scope.innerText();
  for (const phrase of phrases) expect(text, `"${phrase}" leaked in English`).not.toMatch(new RegExp(`\\b${phrase}\\b`));
}

const jobRow = (options: Page, name: string) =>
  options.getByRole('region', { name: 'Ofertas de empleo' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name, exact: true }) });

/**
 * Where a text of lib/'s dictionaries is in the build: the extension pages' and worker's files (the worker carries
 * English only, lib/i18n/build.ts), the JSON a Spanish browser fetches, the content scripts (which keep theirs inline).
 */
function whereInBuild(text: string) {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const holding = files(EXTENSION_DIR).filter((file) => /\.(js|json)$/.test(file) && readFileSync(file, 'utf8').includes(text));
  return holding.map((file) => relative(EXTENSION_DIR, file).replace(/-[\w-]{8}\.js$/, '.js')).sort();
}

test.describe('Spanish UI (browser language es-ES)', () => {
  test.use({ locale: 'es-ES' });

  test('an admin connects the integrations, reads the errors and manages the jobs in Spanish', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await expect(options.getByRole('heading', { name: 'Configuración de Hirebridge', level: 1 })).toBeVisible();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('es');
    await expect(options).toHaveTitle('Configuración de Hirebridge');

    // Checked in the form, in Spanish, before anything is sent.
    const hr = options.getByRole('region', { name: 'Factorial HR' });
    await hr.getByRole('button', { name: 'Conectar' }).click();
    await expect(hr.getByRole('textbox', { name: 'Clave de API' })).toHaveAccessibleDescription('Pega la clave de API.');

    // A wrong key: the vendor's refusal, in Spanish, naming the API key.
    await conectar(options, 'Factorial HR', { environment: 'Personalizado', baseUrl: `${sandbox.url}/factorial`, apiKey: 'sbx-factorial-wrong-key' });
    await expect(hr.getByRole('alert')).toHaveText('Factorial ha rechazado la clave de API. Comprueba que la has copiado entera y que no ha caducado.');
    // Words the worker's bundle does not hold: data it fetched from its own package (English stays in its code).
    expect(whereInBuild('ha rechazado la clave de API')).toEqual(['i18n/es.json']);
    const english = whereInBuild('was rejected by {vendor}');
    expect(english.length).toBeGreaterThan(0);
    expect(english).not.toContain('i18n/es.json');

    await hr.getByRole('textbox', { name: 'Clave de API' }).fill(SANDBOX_KEYS.factorial);
    await hr.getByRole('button', { name: 'Conectar' }).click();
    await expect(hr.getByText('Conectado', { exact: true })).toBeVisible();
    await hr.getByRole('button', { name: 'Ver' }).click();
    const details = hr.getByRole('definition');
    await expect(details.filter({ hasText: 'Personalizado' })).toHaveCount(1);
    await expect(hr.getByRole('button', { name: 'Eliminar integración' })).toBeVisible();

    // The ATS card: a malformed integration ID is explained in Spanish; then Kombo connects.
    const ats = options.getByRole('region', { name: 'ATS' });
    await conectar(options, 'ATS', { provider: 'Kombo', environment: 'Personalizado', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: 'sin-prefijo' });
    await expect(ats.getByRole('textbox', { name: 'ID de integración' })).toHaveAccessibleDescription(/El ID de integración tiene este formato/);
    await ats.getByRole('textbox', { name: 'ID de integración' }).fill(SANDBOX_KEYS.komboIntegrationId);
    await ats.getByRole('button', { name: 'Conectar' }).click();
    await expect(ats.getByText('Conectado', { exact: true })).toBeVisible();

    // The jobs: statuses, actions and the last pull, in Spanish.
    const jobs = options.getByRole('region', { name: 'Ofertas de empleo' });
    await expect(jobRow(options, 'Senior Backend Engineer')).toContainText('Desactivado');
    await expect(jobRow(options, 'Office Manager')).toContainText('Archivado');
    await expect(jobs.getByText(/^Última importación \(\d{1,2} \S+ \d{4}, \d{1,2}:\d{2}\): 15 nuevas, 0 actualizadas, 0 archivadas\.$/)).toBeVisible();
    await jobRow(options, 'Frontend Engineer').getByRole('button', { name: 'Activar' }).click();
    await expect(jobRow(options, 'Frontend Engineer')).toContainText('Activo');
    await expect(jobRow(options, 'Frontend Engineer').getByRole('button', { name: 'Desactivar' })).toBeVisible();
    await expect(jobRow(options, 'Office Manager').getByRole('button', { name: 'Activar' })).toBeDisabled();
    await jobs.getByRole('combobox', { name: 'Estado' }).selectOption({ label: 'Activo' });
    await expect(jobs.getByRole('row')).toHaveCount(2);
    await jobs.getByRole('combobox', { name: 'Estado' }).selectOption({ label: 'Todos' });
    await jobs.getByRole('button', { name: 'Sincronizar ahora' }).click();
    await expect(jobs.getByText(/^Última importación .*: 0 nuevas, 0 actualizadas, 0 archivadas\.$/)).toBeVisible();
    await expect(options.getByRole('region', { name: 'Seguridad' }).getByRole('button', { name: 'Establecer frase de contraseña' })).toBeDisabled();

    await expectNoEnglish(options.locator('body'), ['Connect', 'Connected', 'API key', 'View', 'Remove integration', 'Jobs', 'Disabled', 'Active', 'Archived', 'Activate', 'Deactivate', 'Sync now', 'Last pull', 'Activity', 'Settings']);
    const serious = (await new AxeBuilder({ page: options }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
  });

  test("a worker stopped and woken by the page's next request answers in Spanish from its first answer", async ({ context, extensionId, options, sandbox, serviceWorker }) => {
    await allowSandboxHost(context, extensionId);
    await expect(options.getByRole('heading', { name: 'Configuración de Hirebridge', level: 1 })).toBeVisible();
    // The page's request wakes a fresh worker, whose bundle holds English only: it answers once its Spanish is in.
    await serviceWorker.evaluate(() => Object.assign(globalThis, { beforeTheStop: true }));
    await stopServiceWorker(context, options, extensionId);
    await conectar(options, 'ATS', { provider: 'Kombo', environment: 'Personalizado', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: 'sbx-kombo-wrong-key', integrationId: SANDBOX_KEYS.komboIntegrationId });
    await expect(options.getByRole('region', { name: 'ATS' }).getByRole('alert')).toHaveText(/^Kombo ha rechazado la clave de API\./);
    // Answered by a worker started after the stop.
    expect(await serviceWorker.evaluate(() => 'beforeTheStop' in globalThis)).toBe(false);
  });

  test('a recruiter exports from the ATS page and from the popup in Spanish', async ({ context, extensionId, options, sandbox }) => {
    await conectarTodo(context, extensionId, options, sandbox);

    // The popup: hired candidates, their origin, Export all, the last pull.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { name: 'Candidatos contratados', level: 1 })).toBeVisible();
    const hired = popup.getByRole('list', { name: 'Candidatos contratados pendientes de exportar' }).getByRole('listitem');
    await expect(hired).toHaveCount(3);
    await expect(hired.filter({ hasText: 'Lucas Moreau' })).toContainText('Origen: Greenhouse a través de Kombo');
    await expect(hired.filter({ hasText: 'Lucas Moreau' }).getByRole('button', { name: 'Exportar', exact: true })).toBeEnabled();
    await expect(popup.getByText('Otro candidato contratado ya está en Factorial HR.')).toBeVisible();
    const jobs = popup.getByRole('region', { name: 'Ofertas de empleo' });
    await expect(jobs).toContainText(/Última importación de ofertas a las \d{2}:\d{2}: 15 nuevas/);
    await expect(jobs.getByRole('button', { name: 'Sincronizar ahora' })).toBeEnabled();
    await popup.getByRole('button', { name: 'Exportar todo' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Exportar todos los candidatos contratados' });
    await expect(confirm.getByRole('combobox', { name: 'Entidad legal para todos' })).toBeFocused();
    // Lucas's start date comes from his accepted offer; Aisha's accepted offer has none: left out with the reason
    // and why, in Spanish.
    await expect(confirm.getByRole('list', { name: 'Se exportarán (1)' })).toContainText('Lucas Moreau');
    await expect(confirm.getByRole('list', { name: 'Excluidos (2)' }).getByRole('listitem').filter({ hasText: 'Aisha Khan' })).toHaveText(
      'Aisha Khan: Falta: fecha de incorporación. La oferta aceptada en Greenhouse no tiene fecha de incorporación.',
    );
    await expectNoEnglish(popup.locator('body'), ['Hired candidates', 'Export', 'Export all', 'Sync now', 'Jobs', 'Recent activity', 'Settings', 'Cancel', 'Legal entity']);
    await popup.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await popup.close();

    // On the ATS page: the buttons, and why someone cannot be exported, in Spanish.
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${DANIEL}`);
    const danielButton = page.getByRole('button', { name: 'Exportar a FactorialHR' });
    await expect(danielButton).toBeDisabled();
    await expect(danielButton).toHaveAccessibleDescription('Solo se pueden exportar candidatos contratados. Daniel Weber está en la fase «Interview».');
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(0);

    // The dialog, with a Spanish validation message, then an export.
    await page.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS}`);
    await page.getByRole('button', { name: 'Exportar a FactorialHR' }).click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Exportar a FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'Nombre' })).toHaveValue('Lucas');
    await expect(dialog.getByRole('textbox', { name: 'Apellidos' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Teléfono' })).toHaveValue('+33 6 12 34 56 78');
    await expect(dialog.getByRole('textbox', { name: 'Fecha de incorporación' })).toHaveValue('2026-12-01');
    await expect(dialog.getByRole('textbox', { name: 'Puesto' })).toHaveValue('Product Manager');
    const email = dialog.getByRole('textbox', { name: 'Correo electrónico' });
    await email.fill('lucas.moreau@');
    await expect(email).toHaveAccessibleDescription('Introduce un correo electrónico válido, como nombre@example.com.');
    const exportButton = dialog.getByRole('button', { name: 'Exportar', exact: true });
    await expect(exportButton).toBeDisabled();
    await expect(exportButton).toHaveAccessibleDescription('Para exportar, completa: Correo electrónico, Entidad legal.');
    await expectNoEnglish(dialog, ['Export', 'First name', 'Last name', 'Email', 'Phone', 'Start date', 'Job title', 'Legal entity', 'Team', 'Location', 'Cancel', 'Choose']);
    await email.fill('lucas.moreau@example.com');
    await dialog.getByRole('combobox', { name: 'Entidad legal' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await dialog.getByRole('combobox', { name: 'Equipo' }).selectOption({ label: 'Sales' });
    await exportButton.click();
    await expect(dialog.getByRole('status')).toContainText('Exportado a Factorial HR.');
    await expect(dialog.getByRole('link', { name: 'Abrir en Factorial' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await expect(page.getByRole('button', { name: 'Exportado a FactorialHR' })).toBeDisabled();
    await expect(page.getByRole('link', { name: 'Ver en Factorial' })).toBeVisible();

    // Someone already in Factorial HR.
    await page.goto(`${sandbox.url}/demo-ats/candidates/${MARTA}`);
    await expect(page.getByRole('button', { name: 'Ya está en Factorial HR' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Exportar a FactorialHR' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Ver en Factorial' })).toBeVisible();
  });

  test('a recruiter syncs a sourced candidate into the ATS in Spanish', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await conectarAts(options, sandbox);
    await jobRow(options, 'Senior Backend Engineer').getByRole('button', { name: 'Activar' }).click();
    await expect(jobRow(options, 'Senior Backend Engineer')).toContainText('Activo');

    await serveLever(context);
    const page = await context.newPage();
    await page.goto(`https://hire.lever.co/candidates/${LEVER_ID}`);
    await page.getByRole('button', { name: 'Sincronizar con el ATS' }).click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Sincronizar con el ATS' });
    await expect(dialog.getByRole('textbox', { name: 'Nombre' })).toHaveValue('Zoë');
    await expect(dialog.getByRole('textbox', { name: 'Apellidos' })).toHaveValue('Ñúñez');
    await expect(dialog.getByRole('textbox', { name: 'Correo electrónico' })).toHaveValue(PERSON.email);
    await expect(dialog.getByText('CV de la página: resume.pdf')).toBeVisible();
    await expect(dialog).toContainText('De Lever a Greenhouse (a través de Kombo), con la etiqueta «Hirebridge».');

    const job = dialog.getByRole('combobox', { name: 'Oferta' });
    await expect(job.getByRole('option')).toHaveText(['Elige una oferta activa…', 'Senior Backend Engineer — Barcelona']);
    // The only active job comes chosen; its required questions hold Sync back, and it says which.
    await expect(job).toHaveValue(/Senior|KJ000001/);
    const sync = dialog.getByRole('button', { name: 'Sincronizar', exact: true });
    await expect(sync).toBeDisabled();
    await expect(sync).toHaveAccessibleDescription(/^Para sincronizar, completa: Do you have the right to work in the EU\?, Years of professional experience, Earliest start date\.$/);
    await dialog.getByRole('group', { name: 'Do you have the right to work in the EU? (obligatoria)' }).getByRole('radio', { name: 'Sí' }).check();
    const years = dialog.getByRole('textbox', { name: 'Years of professional experience (obligatoria)' });
    await years.fill('siete');
    await expect(years).toHaveAccessibleDescription('Introduce un número.');
    await years.fill('7');
    await dialog.getByRole('textbox', { name: 'Earliest start date (obligatoria)' }).fill('2027-02-01');
    await dialog.getByRole('radio', { name: '4 de 5 estrellas' }).check();
    await dialog.getByRole('textbox', { name: 'Resumen de la valoración' }).fill('Muy buena ingeniera de backend.');
    await expectNoEnglish(dialog, ['Sync', 'Sync to ATS', 'Job', 'First name', 'Last name', 'Email', 'Phone', 'Assessment', 'Screening transcript', 'Resume', 'required', 'Cancel']);
    await sync.click();
    await expect(dialog.getByRole('status')).toContainText('Sincronizado con Senior Backend Engineer en Greenhouse (a través de Kombo).');

    // The same job again: "Ya sincronizado", nothing to send.
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await page.getByRole('button', { name: 'Sincronizar con el ATS' }).click();
    const again = dialogFrame(page).getByRole('dialog', { name: 'Sincronizar con el ATS' });
    await again.getByRole('combobox', { name: 'Oferta' }).selectOption({ label: 'Senior Backend Engineer — Barcelona (ya sincronizado)' });
    await expect(again.getByText(/^Ya sincronizado con esta oferta el .+: no se volverá a enviar nada\.$/)).toBeVisible();
    await expect(again.getByRole('button', { name: 'Sincronizar', exact: true })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(again).toHaveCount(0);
  });
});

/** A Lever candidate page (hire.lever.co is a built-in ATS host), with a resume link. */
async function serveLever(context: BrowserContext) {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const resume = Buffer.from(await doc.save());
  await context.route('https://hire.lever.co/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === `/candidates/${LEVER_ID}/resume.pdf`) return route.fulfill({ status: 200, contentType: 'application/pdf', body: resume });
    if (path !== `/candidates/${LEVER_ID}`) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PERSON.name} – Lever Hire</title></head><body>
<div class="profile-header"><h1 class="candidate-name">${PERSON.name}</h1><div class="profile-header-actions"><button>Archive</button></div></div>
<div class="posting-title">Senior Backend Engineer</div><div class="stage-name">Phone screen</div>
<a href="mailto:${PERSON.email}">${PERSON.email}</a> <a href="tel:${PERSON.phone}">${PERSON.phone}</a>
<a href="/candidates/${LEVER_ID}/resume.pdf">Resume</a></body></html>`,
    });
  });
}
