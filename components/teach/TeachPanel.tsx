import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { recipeCandidateId, recipeFor } from '@/lib/recipes/apply';
import { composedParent, containsDeep, elementsDeep, queryDeep } from '@/lib/sites/deep';
import { suggestPattern } from '@/lib/recipes/pattern';
import { readRecipes } from '@/lib/recipes/queries';
import { recipeKey, RECIPE_FIELDS, type RecipeField, type SiteRecipe } from '@/lib/recipes/schema';
import { checkSelector, deepRowSelector, deepSelector, rowOf } from '@/lib/recipes/selector';
import { sendIntent } from '@/lib/messaging/client';
import { emailIn } from '@/lib/sites/define';
import { text } from '@/lib/sites/types';
import { t } from './messages';

/**
 * "Teach this page": an element picker like an ad blocker's. The admin picks what Hirebridge should read (name,
 * email, stage, job, where the button goes, a list's row); the page is highlighted under the pointer (or the arrow
 * keys), a click or Enter chooses, Esc cancels. A robust selector is made for each pick and checked against the page,
 * and a live preview shows what Hirebridge would read. Saving sends the recipe (data, never code) to the worker.
 */

type Fields = Partial<Record<RecipeField, string>>;

function describe(el: Element): string {
  const words = text(el);
  return `${el.localName}${words ? ` “${words.slice(0, 60)}”` : ''}`;
}

/** The panel a candidate page's fields are read inside (when one is taught and open). */
const panelOf = (fields: Fields) => (fields.panel ? queryDeep(document, fields.panel) : null);

/** What a field's selector reads on this page now, the way the recipe will read it (inside the panel when there is one). */
function readField(field: RecipeField, selector: string, fields: Fields): { value: string; ok: boolean } {
  const scope: ParentNode = (field !== 'row' && field !== 'panel' && panelOf(fields)) || document;
  const check = checkSelector(selector, scope, field === 'row' ? 'rows' : 'one');
  if (!check.ok) return { ok: false, value: check.reason === 'many' ? t('matchesMany', { count: check.count }) : check.reason === 'none' ? t('matchesNone') : t('invalid') };
  const el = queryDeep(scope, selector)!;
  if (field === 'row') return { ok: true, value: t('rows', { count: check.count }) };
  if (field === 'anchor' || field === 'panel') return { ok: true, value: t('buttonHere', { what: describe(el) }) };
  const value = field === 'email' ? emailIn(el) : text(el);
  return { ok: !!value, value: value ?? t('nothingRead') };
}

/** Elements worth pointing at with the keyboard: visible, in document order, open shadow roots included. */
function pageElements(host: Element): Element[] {
  return elementsDeep(document.body).filter(
    (el) => !containsDeep(host, el) && !['script', 'style', 'noscript', 'template', 'hirebridge-action'].includes(el.localName) && el.getClientRects().length > 0,
  );
}

export function TeachPanel({ host, onClose }: { host: Element; onClose(): void }) {
  const headingId = useId();
  const pagesId = useId();
  const [fields, setFields] = useState<Fields>({});
  const [path, setPath] = useState(() => suggestPattern(new URL(location.href)));
  // Until the admin edits Pages, it follows what is taught: a candidate page (its id as :id) or a list (no id).
  const [pathEdited, setPathEdited] = useState(false);
  const suggestFor = (next: Fields) => !pathEdited && setPath(suggestPattern(new URL(location.href), next.row ? 'list' : 'page'));
  const [previousKey, setPreviousKey] = useState<string | undefined>();
  // A hash-routed app (or a history one going back) shows another page without a load while the panel is open: the
  // suggested Pages and the id preview follow the address, not the one the panel opened on.
  const [href, setHref] = useState(() => location.href);
  useEffect(() => {
    const follow = () => setHref(location.href);
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  useEffect(() => {
    if (!pathEdited) setPath(suggestPattern(new URL(href), fields.row ? 'list' : 'page'));
  }, [href, pathEdited, fields.row]);
  const [picking, setPicking] = useState<RecipeField | null>(null);
  const [pointed, setPointed] = useState<Element | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [box, setBox] = useState<DOMRect | null>(null);
  // The panel covers part of the page: it moves to the other side when what to pick is under it.
  const [dockedLeft, setDockedLeft] = useState(false);
  const pickButtons = useRef(new Map<RecipeField, HTMLButtonElement>());

  // Editing: the recipe that reads this page now, if there is one.
  useEffect(() => {
    void readRecipes().then((stored) => {
      const recipe = recipeFor(
        stored.map((e) => e.recipe),
        new URL(location.href),
      );
      if (!recipe) return;
      setFields(recipe.fields);
      setPath(recipe.path ?? '');
      setPathEdited(true);
      setPreviousKey(recipeKey(recipe));
    });
  }, []);

  // The highlight follows the pointed element (and the page's scrolling).
  useEffect(() => {
    if (!pointed) return setBox(null);
    const update = () => setBox(pointed.getBoundingClientRect());
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [pointed]);

  useEffect(() => {
    if (!picking) return;
    const isOurs = (target: EventTarget | null) => target instanceof Node && (target === host || host.contains(target));
    const choose = (el: Element) => {
      // A candidate page's fields are read inside the panel when one is taught: they are picked there, and named from it.
      const panel = picking === 'row' || picking === 'panel' ? null : panelOf(fields);
      if (panel && !containsDeep(panel, el)) {
        setStatus({ text: t('outsidePanel'), error: true });
        return stop();
      }
      const selector = picking === 'row' ? deepRowSelector(rowOf(el)) : deepSelector(el, panel ?? undefined);
      const next = { ...fields, [picking]: selector };
      setFields(next);
      if (picking === 'row') suggestFor(next);
      setStatus(null);
      stop();
    };
    // The element under the pointer, inside open shadow roots too (the event's target is their host).
    const targetOf = (event: Event) => {
      const first = event.composedPath()[0];
      return first instanceof Element ? first : event.target instanceof Element ? event.target : null;
    };
    const stop = () => {
      setPicking(null);
      setPointed(null);
      pickButtons.current.get(picking)?.focus();
    };
    const onMove = (event: MouseEvent) => {
      const target = targetOf(event);
      if (isOurs(event.target) || !target) return;
      setPointed(target);
    };
    // The page must not act on a click meant for the picker (a link, its own handlers).
    const swallow = (event: Event) => {
      if (isOurs(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const onClick = (event: MouseEvent) => {
      const target = targetOf(event);
      if (isOurs(event.target) || !target) return;
      swallow(event);
      choose(target);
    };
    let keyed: Element | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        return stop();
      }
      const current = keyed ?? null;
      if (event.key === 'Enter' && current) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return choose(current);
      }
      if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const list = pageElements(host);
      let next: Element | null | undefined;
      if (!current) next = list[0];
      else if (event.key === 'ArrowLeft') next = composedParent(current) && composedParent(current) !== document.body ? composedParent(current) : current;
      else {
        const index = list.indexOf(current);
        next = list[Math.max(0, Math.min(list.length - 1, index + (event.key === 'ArrowUp' ? -1 : 1)))];
      }
      if (next) {
        keyed = next;
        next.scrollIntoView({ block: 'nearest' });
        setPointed(next);
      }
    };
    document.addEventListener('mousemove', onMove, true);
    document.addEventListener('click', onClick, true);
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick']) document.addEventListener(type, swallow, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousemove', onMove, true);
      document.removeEventListener('click', onClick, true);
      for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick']) document.removeEventListener(type, swallow, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [picking, host, fields, pathEdited]);

  // Esc outside picking closes the panel.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !picking && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, onClose]);

  const id = useMemo(() => recipeCandidateId({ path: path.trim() || undefined }, new URL(href)), [path, href]);

  const pointedPreview = pointed && picking ? (picking === 'email' ? emailIn(pointed) : undefined) ?? describe(pointed) : null;

  async function save() {
    setBusy(true);
    setStatus(null);
    const recipe: SiteRecipe = { host: location.hostname, ...(path.trim() ? { path: path.trim() } : {}), fields };
    try {
      const result = await sendIntent('saveSiteRecipe', { recipe, previousKey });
      if (result.ok) {
        setPreviousKey(recipeKey(recipe));
        setStatus({ text: t('saved', { site: recipeKey(recipe) }) });
      } else setStatus({ text: t('notSaved', { reason: result.error.message }), error: true });
    } catch {
      setStatus({ text: t('unreachable'), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {box && (
        <div className="hb-teach-highlight" aria-hidden="true" style={{ top: box.top, left: box.left, width: box.width, height: box.height }} />
      )}
      <section className={dockedLeft ? 'hb-teach docked-left' : 'hb-teach'} role="dialog" aria-modal="false" aria-labelledby={headingId}>
        <div className="hb-teach-header">
          <h2 id={headingId}>{t('title')}</h2>
          <button type="button" className="secondary" onClick={() => setDockedLeft(!dockedLeft)}>
            {dockedLeft ? t('dockRight') : t('dockLeft')}
          </button>
        </div>
        <p className="hb-teach-intro">{t('intro')}</p>
        <div role="status" className="hb-teach-live">
          {picking ? (pointedPreview ? t('picking', { what: pointedPreview }) : t('pickingNothing', { field: t(picking) })) : ''}
        </div>
        <ul className="hb-teach-fields">
          {RECIPE_FIELDS.map((field) => (
            <li key={field}>
              <button
                type="button"
                ref={(el) => void (el ? pickButtons.current.set(field, el) : pickButtons.current.delete(field))}
                aria-pressed={picking === field}
                onClick={() => {
                  setStatus(null);
                  setPicking(picking === field ? null : field);
                  setPointed(null);
                }}
              >
                {t('pick', { field: t(field) })}
              </button>
              {fields[field] && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    const { [field]: _gone, ...rest } = fields;
                    setFields(rest);
                    if (field === 'row') suggestFor(rest);
                  }}
                >
                  {t('clear', { field: t(field) })}
                </button>
              )}
              {fields[field] && <code className="hb-teach-selector">{fields[field]}</code>}
            </li>
          ))}
        </ul>
        <label htmlFor={pagesId}>{t('pages')}</label>
        <input id={pagesId} value={path} onChange={(e) => (setPath(e.target.value), setPathEdited(true))} aria-describedby={`${pagesId}-hint`} spellCheck={false} />
        <span id={`${pagesId}-hint`} className="hb-teach-hint">
          {t('pagesHint', { host: location.hostname })}
        </span>
        <h3>{t('preview')}</h3>
        <ul className="hb-teach-preview" aria-label={t('preview')}>
          <li>
            {t('id')}: {id ? t('idFromUrl', { id }) : t('noId')}
          </li>
          {RECIPE_FIELDS.map((field) => {
            const read = fields[field] ? readField(field, fields[field]!, fields) : null;
            return (
              <li key={field} className={read && !read.ok ? 'bad' : undefined}>
                {t(field)}: {read ? read.value : t('notPicked')}
              </li>
            );
          })}
        </ul>
        {status && (
          <p role={status.error ? 'alert' : 'status'} className={status.error ? 'hb-teach-error' : 'hb-teach-note'}>
            {status.text}
          </p>
        )}
        <div className="hb-teach-actions">
          <button type="button" disabled={busy || !Object.values(fields).some(Boolean)} onClick={() => void save()}>
            {t('save')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </section>
    </>
  );
}
