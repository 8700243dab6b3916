import { sendIntent } from '../../messaging/client';
import { TEACHER_GLOBAL } from './globals';
import { t } from './messages';

/**
 * "Teach this page" (the element picker) is its own bundle, injected by the service worker on an admin's click,
 * like the dialogs: the code every ATS page loads stays small.
 */
export interface TeacherApi {
  open(request: { returnFocus?: HTMLElement }): void;
}

const scope = globalThis as unknown as Record<string, TeacherApi | undefined>;

export async function openTeacher(returnFocus?: HTMLElement): Promise<void> {
  if (!scope[TEACHER_GLOBAL]) {
    // A worker that cannot be reached is a failed load: the same message as a refused one below.
    const result = await sendIntent('loadTeacher', undefined).catch(() => null);
    if (!result?.ok || !scope[TEACHER_GLOBAL]) {
      window.alert(`Hirebridge: ${result && !result.ok ? result.error.message : t('formNotOpened')}`);
      return;
    }
  }
  scope[TEACHER_GLOBAL]!.open({ returnFocus });
}
