import { logFailure } from '../activity';
import { disabledAdapters, loadDisabledAdapters } from '../settings/disabled-adapters';
import { isGrantedTab, loadGrantedTabs } from '../sites/granted-tabs';
import { isAllowedAtsPage, loadGrantedAtsOrigins } from './registration';

/**
 * Which pages' content scripts the worker answers: an enabled adapter's page (built in, granted or taught), or a
 * tab the person opened Hirebridge on (toolbar icon) while it stays on that site. What that depends on is read at
 * every worker start; until then, pages' messages wait (the sender policy's `ready`).
 */
let ready: Promise<unknown> = Promise.resolve();

/**
 * Every worker start. A failed read leaves the defaults (no adapter switched off, no tab granted) and is logged;
 * senders still get answers.
 */
export function loadPageAccess(): Promise<unknown> {
  ready = Promise.all([loadDisabledAdapters(), loadGrantedTabs(), loadGrantedAtsOrigins()]).catch(logFailure('connection', 'startup'));
  return ready;
}

/** Resolves once the start-up read is done. */
export function pageAccessReady(): Promise<unknown> {
  return ready;
}

export function isAllowedPage(url: URL, tabId?: number): boolean {
  return isAllowedAtsPage(url, disabledAdapters()) || isGrantedTab(tabId, url);
}
