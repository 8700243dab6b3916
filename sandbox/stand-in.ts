import type { IncomingMessage } from 'node:http';
import type { Router, SandboxResponse } from './http';

/**
 * A direct ATS vendor's stand-in (sandbox/<vendor>/api.ts), mounted by the server under `/<vendor>/…`. It is written
 * from the vendor's own docs or spec (the excerpt sits in tests/vendor/<vendor>/ with its source) and imports nothing
 * from the extension. The server gives every stand-in the same switches as Kombo's: faults (`latency`, `rate-limit`,
 * `server-error`, `timeout`, `unauthorized`, `malformed`) and a rate limit, each answered in the vendor's own shape.
 */
export interface StandIn<World = unknown> {
  /** `greenhouse`: its paths are `/greenhouse/…`, its faults and limits are set with `vendor: 'greenhouse'`. */
  vendor: string;
  /**
   * The vendor's real hosts, served by the sandbox in E2E tests (tests/e2e/fixtures.ts `routeVendorHosts`): a
   * request to `https://<host><path>` reaches `<sandbox>/<vendor><path>`. Playwright glob patterns (`*.workable.com`).
   */
  hosts: readonly string[];
  /** The path the vendor's API base URL ends with on its host (Workable: `/spi/v3`), so a Custom base URL is `<sandbox>/<vendor><basePath>`. */
  basePath?: string;
  /** The credentials the seeded account accepts (shown by `npm start`, used by tests). */
  keys: Record<string, string>;
  seed(): World;
  /**
   * `count` jobs in all, for the bench's pull rows: the seeded ones (applications refer to them), then copies of them in
   * turn, each with its own ids and title; what they refer to (offices, locations, questions) stays valid.
   */
  generateJobs?(world: World, count: number): void;
  /** The vendor's API on its real paths (without the `/<vendor>` prefix). */
  router(world: () => World): Router;
  /** Test switches beyond the common faults, under `/__sandbox/<vendor>/…` (without that prefix). */
  control?(world: () => World, setWorld: (next: World) => void): Router;
  /** Undefined when the request carries a credential the account accepts; else the vendor's own refusal. */
  authFailure(req: IncomingMessage, path: string, world: World): SandboxResponse | undefined;
  /** The vendor's error envelope for a status (a fault, an unknown route, a body that is not JSON). */
  error(status: number, message: string): SandboxResponse;
  /** The vendor's 429, saying when to come back its own way (Retry-After, or its rate-limit headers). */
  rateLimited(retryAfterSeconds: number): SandboxResponse;
  /** Headers every answer carries while a rate limit is set (the vendor's limit headers), if the vendor sends any. */
  limitHeaders?(limit: number, remaining: number, resetSeconds: number): Record<string, string>;
  /** What tests read back at `GET /__sandbox/state` under the vendor's name. */
  state(world: World): unknown;
}
