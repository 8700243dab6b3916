import type { DirectAts } from '../direct';
import { ConnectorError } from '../errors';
import { recruiteeCard } from './card';

/** Recruitee, connected directly (see lib/connectors/direct.ts). PLACEHOLDER: the port is to be written in this folder. */
export const recruitee: DirectAts = {
  ...recruiteeCard,
  create: () => {
    throw new ConnectorError({ vendor: 'Recruitee', code: 'setup', message: 'Recruitee is not connectable yet.' });
  },
};
