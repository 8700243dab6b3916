import type { DirectAts } from '../direct';
import { ConnectorError } from '../errors';
import { workableCard } from './card';

/** Workable, connected directly (see lib/connectors/direct.ts). PLACEHOLDER: the port is to be written in this folder. */
export const workable: DirectAts = {
  ...workableCard,
  create: () => {
    throw new ConnectorError({ vendor: 'Workable', code: 'setup', message: 'Workable is not connectable yet.' });
  },
};
