import { SANDBOX_KEYS, startSandbox } from './server';
import { describeStandIns } from './stand-ins';

/** `npm run sandbox`: the stand-in APIs and demo ATS on their own, for trying things by hand. */
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.SANDBOX_PORT ?? 4780);
const sandbox = await startSandbox({ port });
console.log(`Hirebridge sandbox at ${sandbox.url}
  Factorial  base URL ${sandbox.url}/factorial   key ${SANDBOX_KEYS.factorial}
  Kombo      base URL ${sandbox.url}/kombo/v1    key ${SANDBOX_KEYS.kombo}   integration ${SANDBOX_KEYS.komboIntegrationId}
  Demo ATS   ${sandbox.url}/demo-ats/candidates
Direct ATSs (ATS card → Provider by name, Environment Custom):
${describeStandIns(sandbox.url)}
Ctrl+C to stop.`);
const stop = () => sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
