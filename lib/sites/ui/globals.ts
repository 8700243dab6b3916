/**
 * The globals the on-click page tools set once injected (the dialogs, "Teach this page"): the page's loader and the
 * worker that injects the bundle (lib/sites/active-tab.ts) agree on one name. A module of their own because the
 * worker needs only the names: importing them from the loaders put the ATS buttons' texts on its start path.
 */
export const TEACHER_GLOBAL = '__hirebridgeTeacher';
export const DIALOGS_GLOBAL = '__hirebridgeDialogs';
