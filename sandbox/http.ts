import type { IncomingMessage, ServerResponse } from 'node:http';

/** A tiny router and JSON helpers: the sandbox needs no framework. */

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  params: Record<string, string>;
  /** Parsed JSON body, or undefined; `bodyError` says why when the body was not JSON. */
  body: unknown;
  bodyError?: string;
  /** The body's bytes as sent (a form, a multipart upload: stand-ins parse what their vendor takes). */
  rawBody?: Buffer;
  /** A fault the route itself plays out (e.g. Kombo's `slow-commit` or `create-warnings`). */
  fault?: import('./faults').Fault;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless `raw` is set. */
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
}

export class Router {
  private routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, parts: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | null {
    const parts = path.split('/').filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.parts.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.parts.every((p, i) => {
        if (p.startsWith(':')) {
          params[p.slice(1)] = decodeURIComponent(parts[i]);
          return true;
        }
        return p === parts[i];
      });
      if (ok) return { handler: route.handler, params };
    }
    return null;
  }
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse => ({ status, body, headers });

export const html = (body: string, status = 200): SandboxResponse => ({ status, raw: body, contentType: 'text/html; charset=utf-8' });

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export async function readBody(req: IncomingMessage, limitBytes = 25 * 1024 * 1024): Promise<{ body: unknown; error?: string; raw: string; bytes?: Buffer }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return { body: undefined, error: 'body too large', raw: '' };
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const raw = bytes.toString('utf8');
  if (!raw) return { body: undefined, raw, bytes };
  try {
    return { body: JSON.parse(raw), raw, bytes };
  } catch {
    return { body: undefined, error: 'body is not valid JSON', raw, bytes };
  }
}

export function send(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  let payload: string | Buffer = '';
  if (response.raw !== undefined) {
    payload = response.raw;
    headers['content-type'] ??= response.contentType ?? 'text/plain; charset=utf-8';
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
