/**
 * The icon set in public/icon/ (drawn by scripts/icons.ts): the manifest's icons, the toolbar's two states and
 * the pages' favicons all name their files here.
 */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
/** What the toolbar shows: the plain mark, or the mark with a dot when hired candidates wait for export. */
export type IconVariant = 'default' | 'waiting';

export function iconFile(size: number, variant: IconVariant = 'default'): string {
  return variant === 'waiting' ? `icon/waiting/${size}.png` : `icon/${size}.png`;
}

/** size → path, for the manifest (`icons`, `action.default_icon`) and `action.setIcon`. */
export function iconPaths(variant: IconVariant = 'default', sizes: readonly number[] = ICON_SIZES, prefix = ''): Record<string, string> {
  return Object.fromEntries(sizes.map((size) => [String(size), `${prefix}${iconFile(size, variant)}`]));
}

/** The toolbar renders at 16 and 32 px (1× and 2× screens). */
export const TOOLBAR_SIZES = [16, 32] as const;
