import { useEffect, useState } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import { OpenInPageSection } from '../ui/OpenInPageSection';
import { t } from './popup-messages';

/**
 * Popup section, for admins only (hidden on a recruiter's browser): open "Teach this page" on the page in the
 * current tab — an ATS we do not ship, or one whose adapter reads nothing there. The picker opens in the page.
 */
export function TeachThisPage() {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    sendIntent('teachOffered', undefined).then((r) => setOffered(r.ok && r.value), () => setOffered(false));
  }, []);
  if (!offered) return null;
  return <OpenInPageSection intent="teachActiveTab" titleId="hb-teach-title" title={t('title')} note={t('note')} label={t('teach')} unreachable={t('unreachable')} />;
}
