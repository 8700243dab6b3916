import { currentLanguage } from '../../i18n';
import { t } from './messages';
import { mountShadow } from './shadow-mount';
import type { IntentAnswer } from '../../messaging/protocol';

/** What the worker says about one candidate on the page (its `pageCandidatesStatus` intent). */
type PageCandidateStatus = IntentAnswer<'pageCandidatesStatus'>[number];

/**
 * The button placed on ATS pages, in its own shadow root so the page's CSS cannot reach it. Plain DOM on
 * purpose: it ships with every ATS page, so it stays tiny; the dialog's code loads only when clicked.
 */

const CSS = `
:host { all: initial; display: inline-flex; align-items: center; gap: 6px; font: 13px/1.3 system-ui, sans-serif; vertical-align: middle; margin: 2px 4px; }
button { font: inherit; font-weight: 600; border-radius: 6px; padding: 5px 10px; border: 1px solid #2f5bea; background: #2f5bea; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #2f5bea; }
button:disabled { background: #eef0f4; color: #5b6676; border-color: #d9dee6; cursor: not-allowed; }
button:focus-visible, a:focus-visible { outline: 3px solid #1b2330; outline-offset: 2px; box-shadow: 0 0 0 2px #ffbf47; }
.reason { color: #5b6676; font-size: 12px; max-width: 320px; }
a { color: #17794a; font-weight: 600; }
:host([data-floating]) { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; box-shadow: 0 4px 16px #0003; border-radius: 8px; background: #fff; padding: 8px; }
`;

const EXPORT_LABEL = () => t('export');
const EXPORTED_LABEL = () => t('exported');


export interface ActionButton {
  host: HTMLElement;
  setStatus(status: PageCandidateStatus | 'checking' | { error: string }): void;
  /** A second button, "Sync to ATS", for sites that are not the system-of-record ATS. */
  addSyncAction(onClick: (button: HTMLButtonElement) => void): void;
  /** "Teach this page", for an admin, beside a floating button (the adapter found no place for it). */
  addTeachAction(onClick: (button: HTMLButtonElement) => void): void;
}

let reasonSeq = 0;

/** A person is about to click `button`: the pointer reached it, it got the keyboard focus, or it is being pressed. */
function onAboutToClick(button: HTMLButtonElement, prepare: () => void) {
  const handler = (event: Event) => {
    // Only a person's pointer or keyboard: a page script's synthetic events ask for nothing, and neither does focus
    // given back by a script after a mouse click (e.g. when the dialog closes) — keyboard focus is :focus-visible.
    if (!event.isTrusted || button.disabled || (event.type === 'focus' && !button.matches(':focus-visible'))) return;
    prepare();
  };
  // The pointer moving on it (not pointerenter: when the dialog's frame closes, Chrome sends the page a pointerenter
  // for where the pointer last was in the page, before the frame took it — the button, with nobody moving).
  for (const type of ['pointermove', 'focus', 'pointerdown']) button.addEventListener(type, handler);
}

export function createActionButton(opts: { floating?: boolean; onClick(button: HTMLButtonElement): void; onPrepare?(action: 'export' | 'sync'): void }): ActionButton {
  const { host, root } = mountShadow('hirebridge-action', CSS);
  if (opts.floating) host.setAttribute('data-floating', '');
  // Its text follows the browser's language, which may not be the page's.
  host.lang = currentLanguage();
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = EXPORT_LABEL();
  const reason = document.createElement('span');
  reason.className = 'reason';
  reason.id = `hb-reason-${++reasonSeq}`;
  const link = document.createElement('a');
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = t('viewInFactorial');
  link.hidden = true;
  root.append(button, reason, link);

  button.addEventListener('click', (event) => {
    // Only a person's click: a page script dispatching synthetic clicks cannot start an export.
    if (event.isTrusted && !button.disabled) opts.onClick(button);
  });
  if (opts.onPrepare) onAboutToClick(button, () => opts.onPrepare!('export'));

  let sync: HTMLButtonElement | undefined;
  let teach: HTMLButtonElement | undefined;
  /** A secondary action beside Export: a person's click only (a page's synthetic click does nothing). */
  const secondary = (label: string, onClick: (self: HTMLButtonElement) => void): HTMLButtonElement => {
    const action = document.createElement('button');
    action.type = 'button';
    action.className = 'secondary';
    action.textContent = label;
    action.addEventListener('click', (event) => event.isTrusted && onClick(action));
    return action;
  };
  return {
    host,
    addTeachAction(onTeach) {
      if (teach) return;
      teach = secondary(t('teach'), onTeach);
      root.append(teach);
    },
    addSyncAction(onSync) {
      if (sync) return;
      sync = secondary(t('sync'), onSync);
      if (opts.onPrepare) onAboutToClick(sync, () => opts.onPrepare!('sync'));
      button.after(sync);
    },
    setStatus(status) {
      link.hidden = true;
      reason.textContent = '';
      button.removeAttribute('aria-describedby');
      button.removeAttribute('aria-busy');
      if (status === 'checking') {
        button.disabled = true;
        button.textContent = EXPORT_LABEL();
        button.setAttribute('aria-busy', 'true');
        return;
      }
      if ('error' in status) {
        button.disabled = true;
        button.textContent = EXPORT_LABEL();
        reason.textContent = status.error;
        button.setAttribute('aria-describedby', reason.id);
        return;
      }
      if (status.state === 'exporting') {
        button.disabled = true;
        button.textContent = t('exporting');
        button.setAttribute('aria-busy', 'true');
        return;
      }
      if (status.state === 'exported' || status.state === 'in-factorial') {
        button.disabled = true;
        button.textContent = status.state === 'exported' ? EXPORTED_LABEL() : t('inFactorial');
        if (status.employeeUrl && /^https?:\/\//.test(status.employeeUrl)) {
          link.href = status.employeeUrl;
          link.hidden = false;
        }
        return;
      }
      button.textContent = EXPORT_LABEL();
      button.disabled = status.state === 'not-hired';
      if (status.reason) {
        reason.textContent = status.reason;
        button.setAttribute('aria-describedby', reason.id);
        button.title = status.reason;
      }
    },
  };
}
