import { useEffect, useId, useState } from 'react';
import { formatDateTime } from '@/lib/i18n';
import { sendIntent } from '@/lib/messaging';
import { queryAllDeep } from '@/lib/sites/deep';
import { watchRecipes, watchSiteHealth } from '@/lib/recipes/queries';
import { RecipeHost, recipeKey, RECIPE_FIELDS, SiteRecipe, type RecipeField, type SiteHealth, type StoredRecipe } from '@/lib/recipes/schema';
import { siteForUrl } from '@/lib/sites/where';
import { t } from './sites-recipes-messages';

type Note = { text: string; error?: boolean } | null;

/** Is a string a selector the browser can run? (The worker cannot tell: it has no DOM.) */
function isSelector(selector: string): boolean {
  try {
    // Each part, open shadow roots' ` >>> ` included (the way pages read it).
    queryAllDeep(document.createDocumentFragment(), selector);
    return true;
  } catch {
    return false;
  }
}

function RecipeEditor({ entry, onDone }: { entry: StoredRecipe; onDone(note: Note): void }) {
  const base = useId();
  const [path, setPath] = useState(entry.recipe.path ?? '');
  const [fields, setFields] = useState<Partial<Record<RecipeField, string>>>(entry.recipe.fields);
  const [error, setError] = useState<string | null>(null);
  const site = recipeKey(entry.recipe);

  async function save() {
    const bad = RECIPE_FIELDS.find((f) => fields[f]?.trim() && !isSelector(fields[f]!.trim()));
    if (bad) return setError(t('notASelector', { field: t(bad) }));
    const cleaned = Object.fromEntries(Object.entries(fields).filter(([, v]) => v?.trim()));
    const parsed = SiteRecipe.safeParse({ host: entry.recipe.host, ...(path.trim() ? { path: path.trim() } : {}), fields: cleaned });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
    }
    const result = await sendIntent('saveSiteRecipe', { recipe: parsed.data, previousKey: site }).catch(() => null);
    if (!result) return setError(t('noContact'));
    if (!result.ok) return setError(result.error.message);
    onDone({ text: t('saved', { site: recipeKey(parsed.data) }) });
  }

  return (
    <div className="hb-recipe-editor">
      <div className="hb-field">
        <label htmlFor={`${base}-path`}>{t('pages')}</label>
        <input id={`${base}-path`} value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
      </div>
      {RECIPE_FIELDS.map((field) => (
        <div className="hb-field" key={field}>
          <label htmlFor={`${base}-${field}`}>{t(field)}</label>
          <input id={`${base}-${field}`} value={fields[field] ?? ''} onChange={(e) => setFields((c) => ({ ...c, [field]: e.target.value }))} spellCheck={false} />
        </div>
      ))}
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      <span className="hb-actions">
        <button type="button" onClick={() => void save()}>
          {t('save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('cancel')}
        </button>
      </span>
    </div>
  );
}

/** Sites → Taught pages: the recipes, with edit, delete, export and import; policy recipes read-only. */
export function SitesRecipes() {
  const headingId = useId();
  const importId = useId();
  const [recipes, setRecipes] = useState<StoredRecipe[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [origins, setOrigins] = useState<string[]>([]);
  useEffect(() => watchRecipes(setRecipes), []);
  useEffect(() => {
    const read = () => browser.permissions.getAll().then((p) => setOrigins(p.origins ?? []), () => undefined);
    void read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);

  const run = async <T,>(ask: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (value: T) => string) => {
    const result = await ask().catch(() => null);
    setNote(!result ? { text: t('noContact'), error: true } : result.ok ? { text: done(result.value) } : { text: result.error.message, error: true });
  };

  async function exportFile() {
    await run(
      () => sendIntent('exportSiteRecipes', undefined),
      (value) => {
        const url = URL.createObjectURL(new Blob([value.text], { type: 'application/json' }));
        const link = Object.assign(document.createElement('a'), { href: url, download: value.fileName });
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return t('exported', { count: value.count });
      },
    );
  }

  async function importFile(file: File) {
    const text = await file.text();
    await run(
      () => sendIntent('importSiteRecipes', text),
      (value) => (value.managed ? t('importedManaged', value) : t('imported', value)),
    );
  }

  const otherId = useId();
  const [other, setOther] = useState('');
  const [otherError, setOtherError] = useState<string | null>(null);
  async function allowOther() {
    const typed = other.trim().replace(/^https:\/\//i, '').split('/')[0];
    const host = RecipeHost.safeParse(typed);
    if (!host.success) return setOtherError(host.error.issues[0]?.message ?? '');
    if (siteForUrl(new URL(`https://${host.data}/`))) return setOtherError(t('otherKnown', { host: host.data }));
    setOtherError(null);
    // Asked for in this click's user gesture.
    const granted = await browser.permissions.request({ origins: [`https://${host.data}/*`] }).catch(() => false);
    setNote(granted ? { text: t('otherAllowed', { host: host.data }) } : { text: t('otherNotAllowed', { host: host.data }), error: true });
    if (granted) setOther('');
  }

  const needsGrant = (host: string) => !siteForUrl(new URL(`https://${host}/`)) && !origins.includes(`https://${host}/*`) && !origins.includes('https://*/*');

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('recipesTitle')}</h3>
      <p className="hb-sub">{t('recipesSub')}</p>
      {recipes && recipes.length === 0 && <p className="hb-note">{t('noRecipes')}</p>}
      {recipes && recipes.length > 0 && (
        <ul className="hb-sites" aria-label={t('recipesTitle')}>
          {recipes.map((entry) => {
            const site = recipeKey(entry.recipe);
            return (
              <li key={site}>
                <strong>{entry.recipe.host}</strong> {entry.recipe.path ?? `(${t('wholeSite')})`}{' '}
                <span className="hb-note">
                  {RECIPE_FIELDS.filter((f) => entry.recipe.fields[f])
                    .map((f) => t(f))
                    .join(', ')}
                </span>
                {entry.origin === 'policy' && <p className="hb-note">{t('managedBy', { who: entry.managedBy ?? t('yourOrganisation') })}</p>}
                {entry.origin === 'file' && <p className="hb-note">{t('fromFile')}</p>}
                {needsGrant(entry.recipe.host) && (
                  <p className="hb-note">
                    {t('notAllowed', { host: entry.recipe.host })}{' '}
                    <button type="button" onClick={() => void browser.permissions.request({ origins: [`https://${entry.recipe.host}/*`] }).catch(() => false)}>
                      {t('allowHost', { host: entry.recipe.host })}
                    </button>
                  </p>
                )}
                {entry.origin !== 'policy' && (
                  <span className="hb-actions">
                    <button type="button" aria-expanded={editing === site} onClick={() => setEditing(editing === site ? null : site)}>
                      {t('edit', { site })}
                    </button>
                    <button type="button" onClick={() => void run(() => sendIntent('deleteSiteRecipe', site), () => t('deleted', { site }))}>
                      {t('delete', { site })}
                    </button>
                  </span>
                )}
                {editing === site && (
                  <RecipeEditor
                    entry={entry}
                    onDone={(done) => {
                      setEditing(null);
                      if (done) setNote(done);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="hb-field">
        <label htmlFor={otherId}>{t('otherAts')}</label>
        <span className="hb-actions">
          <input id={otherId} value={other} placeholder="ats.example.com" aria-invalid={!!otherError} aria-describedby={`${otherId}-hint`} onChange={(e) => (setOther(e.target.value), setOtherError(null))} />
          <button type="button" disabled={!other.trim()} onClick={() => void allowOther()}>
            {t('allowOther')}
          </button>
        </span>
        <span className="hb-hint" id={`${otherId}-hint`}>
          {otherError ?? t('otherAtsHint')}
        </span>
      </div>
      <span className="hb-actions">
        <button type="button" onClick={() => void exportFile()}>
          {t('export')}
        </button>
        <label htmlFor={importId} className="hb-file-label">
          {t('import')}
        </label>
        <input
          id={importId}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </span>
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'hb-alert' : 'hb-note'}>
          {note.text}
        </p>
      )}
    </section>
  );
}

const yesNo = (value: boolean) => (value ? t('yes') : t('no'));

/** Sites → Adapter health: what the last page of each site yielded. */
export function SitesHealth() {
  const headingId = useId();
  const [health, setHealth] = useState<SiteHealth[] | null>(null);
  useEffect(() => watchSiteHealth(setHealth), []);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('healthTitle')}</h3>
      <p className="hb-sub">{t('healthSub')}</p>
      {health && health.length === 0 && <p className="hb-note">{t('noHealth')}</p>}
      {health && health.length > 0 && (
        <table className="hb-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('site')}</th>
              <th scope="col">{t('page')}</th>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('stageRead')}</th>
              <th scope="col">{t('button')}</th>
              <th scope="col">{t('recipe')}</th>
              <th scope="col">{t('when')}</th>
            </tr>
          </thead>
          <tbody>
            {health.map((h) => (
              <tr key={h.host}>
                <th scope="row">{h.host}</th>
                <td>{h.path}</td>
                <td>{h.kind === 'candidate' ? yesNo(h.idFromUrl) : h.kind === 'none' ? t('notACandidatePage') : t('rows', { count: h.rows })}</td>
                <td>{yesNo(h.stageRead)}</td>
                <td>{h.anchor === 'found' ? t('anchorFound') : h.anchor === 'floating' ? t('anchorFloating') : t('anchorNone')}</td>
                <td>{h.recipe ?? t('builtIn')}</td>
                <td>{formatDateTime(h.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
