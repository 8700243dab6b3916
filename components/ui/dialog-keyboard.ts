import type { KeyboardEvent, RefObject } from 'react';

/**
 * Keyboard rules every Hirebridge dialog follows: Escape closes it, and Tab / Shift+Tab stay inside it.
 * Works inside a shadow root (the focused element is the root's, not the document's).
 */
export function dialogKeyHandler(dialogRef: RefObject<HTMLElement | null>, onClose: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = (dialogRef.current.getRootNode() as ShadowRoot | Document).activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };
}
