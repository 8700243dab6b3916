export { PROVIDER_NAMES, connect, prepareConnection, saveConnections, type PreparedConnection, listConnections, checkConnection, removeConnection, withHr, withAts, NotConnectedError, toView, slotOf } from './service';
export { hasOriginPermission } from './permissions';
export { atsAcceptsFiles, atsToolName, isConnectedAtsSite } from './ats';
export { pacedVendorOf } from './pacing';
