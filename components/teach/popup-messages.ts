import { defineMessages } from '@/lib/i18n';

export const t = defineMessages({
  en: {
    title: 'Pages Hirebridge cannot read',
    note: 'Admins: show Hirebridge where the name, email, stage and button go on the page in this tab.',
    teach: 'Teach this page',
    unreachable: 'Hirebridge could not be reached. Try again.',
  },
  es: {
    title: 'Páginas que Hirebridge no sabe leer',
    note: 'Administradores: enseña a Hirebridge dónde están el nombre, el email, la etapa y dónde va el botón en la página de esta pestaña.',
    teach: 'Enseñar esta página',
    unreachable: 'No se ha podido contactar con Hirebridge. Vuelve a intentarlo.',
  },
});
