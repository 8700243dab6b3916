import { liveQuery } from 'dexie';
import { db } from '../db';
import { iconPaths, TOOLBAR_SIZES } from '../icons';
import { badgeText, waitingGroups } from './groups';
import { t } from './messages';

/** Toolbar updates are cosmetic: one that fails, at once or later, must never stop the badge or the background. */
function toToolbar(update: (action: typeof browser.action) => Promise<unknown>): void {
  try {
    void update(browser.action).catch(() => undefined);
  } catch {
    // No toolbar API in this context: nothing to show.
  }
}

/**
 * The toolbar badge and icon: how many hired candidates wait for export (the icon gets a dot), following every
 * change to the list.
 */
export function followBadge(): () => void {
  let shown: string | undefined;
  toToolbar((action) => action.setBadgeBackgroundColor({ color: '#2f5bea' }));
  const subscription = liveQuery(() => db().candidates.toArray()).subscribe({
    next: (records) => {
      const waiting = waitingGroups(records).length;
      const text = badgeText(waiting);
      if (text === shown) return;
      shown = text;
      toToolbar((action) => action.setBadgeText({ text }));
      toToolbar((action) => action.setIcon({ path: iconPaths(waiting ? 'waiting' : 'default', TOOLBAR_SIZES, '/') }));
      toToolbar((action) => action.setTitle({ title: waiting ? (waiting === 1 ? t('badgeOne') : t('badgeMany', { count: waiting })) : 'Hirebridge' }));
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
