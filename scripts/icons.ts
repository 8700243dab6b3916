import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ICON_SIZES, iconFile, TOOLBAR_SIZES, type IconVariant } from '../lib/icons';
import { chromiumPath } from './browser';

/**
 * `npm run icons`: draws the Hirebridge mark as SVG and rasterises it with headless Chromium into
 * public/icon/ (committed; run again only when the drawing changes). The mark: a bridge's arch over a deck
 * that is an arrow — a person carried from one system to the other. Below 32 px the hangers are left out,
 * they would only blur. The "waiting" variant adds an amber dot: hired candidates wait for export.
 */

const BLUE = '#2f5bea';
const AMBER = '#ffbf47';

export function iconSvg(size: number, variant: IconVariant): string {
  const detailed = size >= 32;
  // Thicker strokes at small sizes keep the mark at least ~1.5 px wide at 16 px.
  const stroke = detailed ? 10 : 14;
  const hangers = detailed
    ? `<path d="M46 74 V48 M64 74 V41 M82 74 V48" stroke="#fff" stroke-width="6" stroke-linecap="round"/>`
    : '';
  const dot = variant === 'waiting' ? `<circle cx="98" cy="30" r="19" fill="${AMBER}" stroke="${BLUE}" stroke-width="6"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="${BLUE}"/>
  <g fill="none" stroke="#fff" stroke-linecap="round" stroke-linejoin="round">
    <path d="M28 74 Q64 6 100 74" stroke-width="${stroke - 2}"/>
    ${hangers}
    <path d="M18 74 H104" stroke-width="${stroke}"/>
    <path d="M90 58 L108 74 L90 90" stroke-width="${stroke}"/>
  </g>
  ${dot}
</svg>`;
}

async function main() {
  const publicDir = resolve(import.meta.dirname, '..', 'public');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    // The waiting variant is only ever a toolbar icon.
    for (const [variant, sizes] of [['default', ICON_SIZES], ['waiting', TOOLBAR_SIZES]] as const) {
      for (const size of sizes) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(size, variant)}</body></html>`);
        const file = join(publicDir, iconFile(size, variant));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, await page.locator('svg').screenshot({ omitBackground: true }));
        console.log(file);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
