// `ws` comes with the dev dependencies (through happy-dom); Node 20 has no WebSocket of its own.
import WebSocket from 'ws';

/** A minimal Chrome DevTools Protocol client over one target's WebSocket. */
export class CdpClient {
  private nextId = 1;
  private pending = new Map<number, { resolve(value: any): void; reject(error: Error): void }>();
  private listeners = new Map<string, Set<(params: any) => void>>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`${message.error.message} (${message.error.code})`));
        else waiter?.resolve(message.result);
      } else if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      }
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('CDP connection closed'));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<CdpClient> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpClient(socket);
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(method: string, listener: (params: any) => void): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}

/** Poll a target's JS heap while something runs; the peak is what matters (is the pull streamed?). */
export function pollHeap(client: Pick<CdpClient, 'send'>, everyMs = 25) {
  let peak = 0;
  let samples = 0;
  let stopped = false;
  let first: number | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { usedSize } = await client.send<{ usedSize: number }>('Runtime.getHeapUsage');
        first ??= usedSize;
        peak = Math.max(peak, usedSize);
        samples += 1;
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { peakBytes: peak, startBytes: first ?? 0, samples };
    },
  };
}
