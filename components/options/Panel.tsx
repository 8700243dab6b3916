import { useId, type ReactNode, type Ref } from 'react';

/**
 * The shell every region of the options page shares: a card that is a labelled region, its heading first.
 * `headingId` when the panel refers to its heading elsewhere; `headingRef` when something moves focus to it.
 */
export function Panel(props: { title: ReactNode; headingId?: string; headingRef?: Ref<HTMLHeadingElement>; id?: string; children: ReactNode }) {
  const ownId = useId();
  const headingId = props.headingId ?? ownId;
  return (
    <section className="hb-card" role="region" aria-labelledby={headingId} id={props.id} style={{ marginTop: 16 }}>
      <h2 id={headingId} ref={props.headingRef} tabIndex={props.headingRef ? -1 : undefined}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** What a region's last action came to: a status note, or an alert when it failed. */
export interface PanelNotice {
  text: string;
  error?: boolean;
}

export function PanelMessage({ message }: { message: PanelNotice | null }) {
  if (!message) return null;
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'hb-alert' : 'hb-note'}>
      {message.text}
    </p>
  );
}
