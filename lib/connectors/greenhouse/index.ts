import type { DirectAts } from '../direct';
import { ConnectorError } from '../errors';
import { greenhouseCard } from './card';

/** Greenhouse, connected directly (see lib/connectors/direct.ts). PLACEHOLDER: the port is to be written in this folder. */
export const greenhouse: DirectAts = {
  ...greenhouseCard,
  create: () => {
    throw new ConnectorError({ vendor: 'Greenhouse', code: 'setup', message: 'Greenhouse is not connectable yet.' });
  },
};
