import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export type Reply = { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> };

/** A local HTTP server answering with spec-shaped fixtures, recording what the connector sent. */
export async function fixtureServer(answer: (req: Seen) => Reply | Promise<Reply>) {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const record: Seen = { method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1), headers: req.headers, body: Buffer.concat(chunks).toString() };
    seen.push(record);
    const reply = await answer(record);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
    res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
