import type { DirectAts } from '../direct';
import { ConnectorError } from '../errors';
import { teamtailorCard } from './card';

/** Teamtailor, connected directly (see lib/connectors/direct.ts). PLACEHOLDER: the port is to be written in this folder. */
export const teamtailor: DirectAts = {
  ...teamtailorCard,
  create: () => {
    throw new ConnectorError({ vendor: 'Teamtailor', code: 'setup', message: 'Teamtailor is not connectable yet.' });
  },
};
