import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { t } from '@/components/options/messages';
import { currentLanguage, loadTexts } from '@/lib/i18n';
import { zodMessagesInEnglish } from '@/lib/i18n/zod';
import '@/components/ui/styles.css';

// The page speaks the browser's language: say so to assistive tech (and to axe), and in the tab's title.
document.documentElement.lang = currentLanguage();
document.title = t('pageTitle');
zodMessagesInEnglish();

// lib/'s texts in a Spanish browser are data this page shares with the worker (lib/i18n/build.ts): rendered once they are in.
void loadTexts().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <OptionsApp />
    </StrictMode>,
  ),
);
