import { defineMessages } from '../../i18n';

/** Factorial-only failures in plain words (shown as they are in dialogs, the popup, the options page and the log). */
export const t = defineMessages({
  en: {
    repeatedCursor: 'Factorial sent the same page twice while listing {what}, so Hirebridge stopped instead of reading in a loop. Try again later; if it keeps happening, tell Factorial support.',
    noCursor: 'Factorial said more {what} follow but gave no cursor for the next page, so Hirebridge cannot read them all. Try again later.',
    tooMany: 'Factorial lists more than {max} {what}; Hirebridge reads at most {max} and stopped there rather than show an incomplete list.',
    versionHint: ' (Hirebridge speaks Factorial API version {version}; an answer shaped for another version means Factorial no longer serves it.)',
    wrongEnvironment: 'Factorial accepted this key but shows no company behind it (no account, no legal entity). This key most likely belongs to Factorial’s {other} environment: choose “{other}” as the environment and connect again.',
    wrongEnvironmentCustom: 'Factorial at {host} accepted this key but shows no company behind it (no account, no legal entity). This key most likely belongs to another Factorial environment: choose the one the key was created in (“Production” or “Demo”) and connect again.',
    production: 'Production',
    demo: 'Demo',
  },
  es: {
    repeatedCursor: 'Factorial ha enviado dos veces la misma página al listar {what}; Hirebridge se ha detenido para no leer en bucle. Vuelve a intentarlo más tarde; si se repite, avisa al soporte de Factorial.',
    noCursor: 'Factorial indica que hay más {what}, pero no ha dado el cursor de la página siguiente, así que Hirebridge no puede leerlos todos. Vuelve a intentarlo más tarde.',
    tooMany: 'Factorial tiene más de {max} {what}; Hirebridge lee como máximo {max} y se ha detenido ahí en lugar de mostrar una lista incompleta.',
    versionHint: ' (Hirebridge usa la versión {version} de la API de Factorial; una respuesta con la forma de otra versión indica que Factorial ya no la sirve.)',
    wrongEnvironment: 'Factorial ha aceptado esta clave, pero no muestra ninguna empresa detrás (ni cuenta ni entidad legal). Lo más probable es que la clave sea del entorno {other} de Factorial: elige «{other}» como entorno y vuelve a conectar.',
    wrongEnvironmentCustom: 'Factorial en {host} ha aceptado esta clave, pero no muestra ninguna empresa detrás (ni cuenta ni entidad legal). Lo más probable es que la clave sea de otro entorno de Factorial: elige aquel en el que se creó («Producción» o «Demo») y vuelve a conectar.',
    production: 'Producción',
    demo: 'Demo',
  },
});
