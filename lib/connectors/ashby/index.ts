import type { DirectAts } from '../direct';
import { ConnectorError } from '../errors';
import { ashbyCard } from './card';

/** Ashby, connected directly (see lib/connectors/direct.ts). PLACEHOLDER: the port is to be written in this folder. */
export const ashby: DirectAts = {
  ...ashbyCard,
  create: () => {
    throw new ConnectorError({ vendor: 'Ashby', code: 'setup', message: 'Ashby is not connectable yet.' });
  },
};
