import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { ExportDialog } from '@/components/export/ExportDialog';
import dialogCss from '@/components/export/dialog.css?inline';
import { sendIntent } from '@/lib/messaging/client';
import { mountShadow } from '@/lib/sites/ui/shadow-mount';

/**
 * The page's "Export to FactorialHR" dialog, reused as is in the popup (same fields, validation and duplicate
 * rules), in its compact layout. It renders in its own shadow root with its own styles, exactly as on ATS pages,
 * so the popup's styles and the dialog's cannot leak into each other.
 */
export function PopupExportDialog({ candidateKey, onClose }: { candidateKey: string; onClose(): void }) {
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const { host, root: shadow } = mountShadow('hirebridge-dialog', dialogCss);
    const container = document.createElement('div');
    shadow.append(container);
    document.body.append(host);
    const root = createRoot(container);
    // A stable loader: the dialog loads once per person.
    const load = () => sendIntent('preparePopupExport', candidateKey);
    root.render(<ExportDialog load={load} compact onClose={() => close.current()} />);
    return () => {
      // Not during this root's render: unmount the dialog's own root right after.
      setTimeout(() => {
        root.unmount();
        host.remove();
      });
    };
  }, [candidateKey]);

  return null;
}
