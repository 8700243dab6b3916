import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { currentLanguage, loadTexts } from '@/lib/i18n';
import { zodMessagesInEnglish } from '@/lib/i18n/zod';
import '@/components/ui/styles.css';

// The popup speaks the browser's language: say so to assistive tech (and to axe).
document.documentElement.lang = currentLanguage();
zodMessagesInEnglish();

// lib/'s texts in a Spanish browser are data this page shares with the worker (lib/i18n/build.ts): rendered once they are in.
void loadTexts().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PopupApp />
    </StrictMode>,
  ),
);
