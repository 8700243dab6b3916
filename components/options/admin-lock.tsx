import { createContext, useContext } from 'react';

/**
 * Why this browser's admin actions are not its own (a recruiter's browser, set up by the team's file or policy), or
 * undefined. The options page knows it before it renders any region, so admin controls are never shown enabled first.
 */
export const AdminLock = createContext<string | undefined>(undefined);
export const useAdminLock = () => useContext(AdminLock);

/** The reason, said once in a region whose admin controls it disables. */
export function AdminLockNote({ id }: { id?: string }) {
  const reason = useAdminLock();
  return reason ? (
    <p className="hb-note" id={id}>
      {reason}
    </p>
  ) : null;
}
