/** The extension's name and description in the store and chrome://extensions, written to _locales at build time. */
export const MANIFEST_MESSAGES = {
  en: {
    extension_name: 'Hirebridge',
    extension_description: 'Export hired candidates to Factorial HR and sync sourced candidates into your ATS.',
  },
  es: {
    extension_name: 'Hirebridge',
    extension_description: 'Exporta candidatos contratados a Factorial HR y sincroniza candidatos captados con tu ATS.',
  },
} as const;
