import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { recipeFor, recipeRoute } from '@/lib/recipes/apply';
import { readRecipes } from '@/lib/recipes/queries';
import { recipeKey, RECIPE_FIELDS, type RecipeField, type SiteRecipe } from '@/lib/recipes/schema';
import { checkSelector, rowOf, rowSelector, uniqueSelector } from '@/lib/recipes/selector';
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

/** The current path with its id-like segment (one with a digit) as `:id`: `/talent/8842/profile` → `/talent/:id/profile`. */
export function suggestPath(pathname: string): string {
  const parts = pathname.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    if (/^[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*$/.test(parts[i])) {
      parts[i] = ':id';
      return parts.join('/');
    }
  }
  return pathname;
}

function describe(el: Element): string {
  const words = text(el);
  return `${el.localName}${words ? ` “${words.slice(0, 60)}”` : ''}`;
}

function readField(field: RecipeField, selector: string): { value: string; ok: boolean } {
  const check = checkSelector(selector, document, field === 'row' ? 'rows' : 'one');
  if (!check.ok) return { ok: false, value: check.reason === 'many' ? t('matchesMany', { count: check.count }) : check.reason === 'none' ? t('matchesNone') : t('invalid') };
  const el = document.querySelector(selector)!;
  if (field === 'row') return { ok: true, value: t('rows', { count: check.count }) };
  if (field === 'anchor') return { ok: true, value: t('buttonHere', { what: describe(el) }) };
  const value = field === 'email' ? emailIn(el) : text(el);
  return { ok: !!value, value: value ?? t('nothingRead') };
}

/** Elements worth pointing at with the keyboard: visible, in document order. */
function pageElements(host: Element): Element[] {
  return Array.from(document.body.querySelectorAll('*')).filter(
    (el) => !host.contains(el) && el !== host && !['script', 'style', 'noscript', 'template', 'hirebridge-action'].includes(el.localName) && el.getClientRects().length > 0,
  );
}

export function TeachPanel({ host, onClose }: { host: Element; onClose(): void }) {
  const headingId = useId();
  const pagesId = useId();
  const [fields, setFields] = useState<Fields>({});
  const [path, setPath] = useState(() => suggestPath(location.pathname));
  const [previousKey, setPreviousKey] = useState<string | undefined>();
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
      const selector = picking === 'row' ? rowSelector(rowOf(el)) : uniqueSelector(el);
      setFields((current) => ({ ...current, [picking]: selector }));
      setStatus(null);
      stop();
    };
    const stop = () => {
      setPicking(null);
      setPointed(null);
      pickButtons.current.get(picking)?.focus();
    };
    const onMove = (event: MouseEvent) => {
      if (isOurs(event.target) || !(event.target instanceof Element)) return;
      setPointed(event.target);
    };
    // The page must not act on a click meant for the picker (a link, its own handlers).
    const swallow = (event: Event) => {
      if (isOurs(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const onClick = (event: MouseEvent) => {
      if (isOurs(event.target) || !(event.target instanceof Element)) return;
      swallow(event);
      choose(event.target);
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
      else if (event.key === 'ArrowLeft') next = current.parentElement && current.parentElement !== document.body ? current.parentElement : current;
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
  }, [picking, host]);

  // Esc outside picking closes the panel.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !picking && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, onClose]);

  const id = useMemo(() => {
    const route = recipeRoute({ path: path.trim() || undefined });
    return route.exec(location.pathname)?.[1];
  }, [path]);

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
                <button type="button" className="secondary" onClick={() => setFields(({ [field]: _gone, ...rest }) => rest)}>
                  {t('clear', { field: t(field) })}
                </button>
              )}
              {fields[field] && <code className="hb-teach-selector">{fields[field]}</code>}
            </li>
          ))}
        </ul>
        <label htmlFor={pagesId}>{t('pages')}</label>
        <input id={pagesId} value={path} onChange={(e) => setPath(e.target.value)} aria-describedby={`${pagesId}-hint`} spellCheck={false} />
        <span id={`${pagesId}-hint`} className="hb-teach-hint">
          {t('pagesHint', { host: location.hostname })}
        </span>
        <h3>{t('preview')}</h3>
        <ul className="hb-teach-preview" aria-label={t('preview')}>
          <li>
            {t('id')}: {id ? t('idFromUrl', { id }) : t('noId')}
          </li>
          {RECIPE_FIELDS.map((field) => {
            const read = fields[field] ? readField(field, fields[field]!) : null;
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
