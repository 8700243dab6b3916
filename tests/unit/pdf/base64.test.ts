import { afterEach, describe, expect, it, vi } from 'vitest';

/** The PDF messages' codec (lib/pdf/base64.ts): the engine's own where it has one, the chunked fallback elsewhere. */

// Every byte value, and more than one fallback chunk (0x8000) so the chunks' seams are crossed.
const bytes = Uint8Array.from({ length: 0x8000 * 2 + 77 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
const expected = Buffer.from(bytes).toString('base64');

type NativeCodec = { fromBase64?: (base64: string) => Uint8Array };
type NativeBytes = { toBase64?: () => string };

afterEach(() => {
  delete (Uint8Array as unknown as NativeCodec).fromBase64;
  delete (Uint8Array.prototype as unknown as NativeBytes).toBase64;
  vi.resetModules();
});

describe('base64 for the PDF messages', () => {
  it('without a native codec (Node 20): the fallback round-trips every byte value', async () => {
    expect((Uint8Array as unknown as NativeCodec).fromBase64).toBeUndefined();
    const { base64ToBytes, bytesToBase64 } = await import('@/lib/pdf/base64');
    expect(bytesToBase64(bytes)).toBe(expected);
    expect(base64ToBytes(expected)).toEqual(bytes);
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(base64ToBytes('')).toEqual(new Uint8Array());
  });

  it('with the engine codec (Chrome 140+, Firefox 133+): it is the one used, with the same results', async () => {
    const fromBase64 = vi.fn((base64: string) => new Uint8Array(Buffer.from(base64, 'base64')));
    const toBase64 = vi.fn(function (this: Uint8Array) {
      return Buffer.from(this).toString('base64');
    });
    (Uint8Array as unknown as NativeCodec).fromBase64 = fromBase64;
    (Uint8Array.prototype as unknown as NativeBytes).toBase64 = toBase64;
    const { base64ToBytes, bytesToBase64 } = await import('@/lib/pdf/base64');
    expect(bytesToBase64(bytes)).toBe(expected);
    expect(base64ToBytes(expected)).toEqual(bytes);
    expect(fromBase64).toHaveBeenCalledTimes(1);
    expect(toBase64).toHaveBeenCalledTimes(1);
  });
});
