export * from './types';
export { ConnectorError, isConnectorError, type ConnectorErrorCode, type Vendor } from './errors';
export { type HttpHooks, type RequestInfo } from './http';
export { createFactorialHr } from './factorial/hr';
export { createFactorialAts } from './factorial/ats';
export { FACTORIAL_API_VERSION, resolveFactorialBaseUrl, factorialWebUrl } from './factorial/environments';
export { createKomboAts } from './kombo/client';
export { resolveKomboBaseUrl, komboToolFromIntegrationId, komboToolFamily } from './kombo/environments';
export { komboToolName } from './kombo/tools';
