import { defineMessages } from '../i18n';

/** Team setup file: why an import was refused, and why an admin action is not offered on a recruiter's browser. */
export const t = defineMessages({
  en: {
    notJson: 'This file is not a Hirebridge team setup: it is not valid JSON. Nothing was changed.',
    notSetup: 'This file is not a Hirebridge team setup file. Nothing was changed.',
    newer: 'This team setup file is from a newer version of Hirebridge (format {version}). Update Hirebridge, then import it again. Nothing was changed.',
    damaged: 'This team setup file is damaged ({detail}). Ask your admin for a new one. Nothing was changed.',
    otherCompany: 'This team setup file is for another company than the one this browser is connected to. Nothing was changed.',
    keysOtherCompany: 'The keys in this team setup file belong to another company than the file says. Nothing was changed.',
    needPassphrase: 'This file holds encrypted API keys: type the passphrase your admin gave you.',
    wrongPassphrase: 'That passphrase does not open the keys in this file. Nothing was changed.',
    connectionFailed: '{provider}: {reason} Nothing was changed.',
    passphraseShort: 'Use a passphrase of at least {min} characters to encrypt the keys.',
    recruiterBrowser: 'This browser follows your team’s setup, so this is done by your admin.',
  },
  es: {
    notJson: 'Este archivo no es una configuración de equipo de Hirebridge: no es JSON válido. No se ha cambiado nada.',
    notSetup: 'Este archivo no es un archivo de configuración de equipo de Hirebridge. No se ha cambiado nada.',
    newer: 'Este archivo de configuración es de una versión más reciente de Hirebridge (formato {version}). Actualiza Hirebridge y vuelve a importarlo. No se ha cambiado nada.',
    damaged: 'Este archivo de configuración de equipo está dañado ({detail}). Pide uno nuevo a tu administrador. No se ha cambiado nada.',
    otherCompany: 'Este archivo de configuración es de otra empresa distinta de la conectada en este navegador. No se ha cambiado nada.',
    keysOtherCompany: 'Las claves de este archivo pertenecen a otra empresa distinta de la que indica el archivo. No se ha cambiado nada.',
    needPassphrase: 'Este archivo contiene claves de API cifradas: escribe la frase de paso que te dio tu administrador.',
    wrongPassphrase: 'Esa frase de paso no abre las claves de este archivo. No se ha cambiado nada.',
    connectionFailed: '{provider}: {reason} No se ha cambiado nada.',
    passphraseShort: 'Usa una frase de paso de al menos {min} caracteres para cifrar las claves.',
    recruiterBrowser: 'Este navegador sigue la configuración de tu equipo, así que esto lo hace tu administrador.',
  },
});
