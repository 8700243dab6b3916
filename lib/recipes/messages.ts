import { defineMessages } from '../i18n';

/** Why a recipe or a recipes file is refused (shown in the options page and the picker). */
export const t = defineMessages({
  en: {
    badHost: 'Not a host name, like ats.example.com.',
    badPath: 'Use a path like /candidates/:id, /people?person_id=:id or /#/people/:id (one :id at most; * for any part).',
    badSelector: 'Not a CSS selector.',
    selectorLong: 'The selector is too long (over 500 characters).',
    noFields: 'Pick at least one element.',
    theFile: 'file',
    unreadable: 'unreadable',
    notJson: 'This file is not a recipes file (it is not JSON).',
    notRecipes: 'This file is not a Hirebridge recipes file.',
    newer: 'This recipes file is from a newer Hirebridge (format version {version}). Update Hirebridge, then import it again.',
    damaged: 'This recipes file is damaged ({detail}). Nothing was changed.',
    managedRecipe: 'The recipe for {site} is managed by {who} and cannot be changed here.',
    yourOrganisation: 'your organisation',
    noRecipe: 'There is no recipe for {site}.',
  },
  es: {
    badHost: 'No es un nombre de host, como ats.example.com.',
    badPath: 'Usa una ruta como /candidates/:id, /people?person_id=:id o /#/people/:id (un :id como mucho; * para cualquier parte).',
    badSelector: 'No es un selector CSS.',
    selectorLong: 'El selector es demasiado largo (más de 500 caracteres).',
    noFields: 'Elige al menos un elemento.',
    theFile: 'archivo',
    unreadable: 'ilegible',
    notJson: 'Este archivo no es un archivo de recetas (no es JSON).',
    notRecipes: 'Este archivo no es un archivo de recetas de Hirebridge.',
    newer: 'Este archivo de recetas es de un Hirebridge más nuevo (versión de formato {version}). Actualiza Hirebridge y vuelve a importarlo.',
    damaged: 'Este archivo de recetas está dañado ({detail}). No se ha cambiado nada.',
    managedRecipe: 'La receta de {site} la gestiona {who} y no se puede cambiar aquí.',
    yourOrganisation: 'tu organización',
    noRecipe: 'No hay ninguna receta para {site}.',
  },
});
