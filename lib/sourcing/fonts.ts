import type { ProfileFonts } from '../pdf';

/**
 * DejaVu Sans ships with the extension (copied from the dejavu-fonts-ttf package at build time, see
 * wxt.config.ts) so names with accents, Greek or Cyrillic come out right in the PDF. Loaded once per worker.
 */
let fonts: Promise<ProfileFonts> | undefined;

export function loadProfileFonts(): Promise<ProfileFonts> {
  const load = async (file: string) => {
    const response = await fetch(browser.runtime.getURL(`/fonts/${file}` as '/'));
    if (!response.ok) throw new Error(`font ${file} missing from the build`);
    return new Uint8Array(await response.arrayBuffer());
  };
  fonts ??= Promise.all([load('DejaVuSans.ttf'), load('DejaVuSans-Bold.ttf')]).then(([regular, bold]) => ({ regular, bold }));
  // A failed load is the caller's to report (it awaits the same promise); this only lets the next call try again.
  fonts.catch(() => (fonts = undefined));
  return fonts;
}
