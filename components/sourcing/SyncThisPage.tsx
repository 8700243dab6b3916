import { OpenInPageSection } from '../ui/OpenInPageSection';
import { t } from './popup-messages';

/**
 * Popup section: Sync to ATS for the person on the page in the current tab, whatever the site (the toolbar click
 * granted this tab through activeTab; nothing is asked for ahead of time). The form opens in the page.
 */
export function SyncThisPage() {
  return (
    <OpenInPageSection
      intent="syncActiveTab"
      titleId="hb-sync-page-title"
      title={t('sourcingTitle')}
      note={t('sourcingNote')}
      label={t('syncThisPage')}
      unreachable={t('unreachable')}
    />
  );
}
