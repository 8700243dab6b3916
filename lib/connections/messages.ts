import { defineMessages } from '../i18n';

/** Connections, service-worker side. */
export const t = defineMessages({
  en: {
    notAllowedYet: 'Hirebridge is not allowed to reach {host} yet. Click Connect again and allow access when the browser asks.',
    loggedConnected: '{provider} connected.',
    loggedDisconnected: '{provider} disconnected.',
    notConnectedSlot: 'This integration is not connected.',
    checkFailed: 'The check failed.',
    notConnected: '{what} is not connected. An admin can connect it on the Hirebridge settings page.',
    theAts: 'The ATS',
    deployedKeyRefused: '{reason} This key was deployed by your organisation: ask your admin for a new one.',
  },
  es: {
    notAllowedYet: 'Hirebridge todavía no tiene permiso para acceder a {host}. Vuelve a hacer clic en Conectar y permite el acceso cuando el navegador lo pida.',
    loggedConnected: '{provider} conectado.',
    loggedDisconnected: '{provider} desconectado.',
    notConnectedSlot: 'Esta integración no está conectada.',
    checkFailed: 'La comprobación ha fallado.',
    notConnected: '{what} no está conectado. Un administrador puede conectarlo en la página de configuración de Hirebridge.',
    theAts: 'El ATS',
    deployedKeyRefused: '{reason} Esta clave la desplegó tu organización: pide una nueva a tu administrador.',
  },
});
