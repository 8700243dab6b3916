/**
 * Bytes → base64 without Buffer or FileReader (the service worker has neither Node APIs nor a DOM).
 * Chunked because String.fromCharCode.apply with ~750 KB of arguments overflows the call stack.
 */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return btoa(parts.join(''));
}

// The fonts are the same bytes for every profile; encoding 1.5 MB each time would be wasted work.
const cache = new WeakMap<Uint8Array, string>();

export function cachedBase64(bytes: Uint8Array): string {
  let b64 = cache.get(bytes);
  if (b64 === undefined) {
    b64 = bytesToBase64(bytes);
    cache.set(bytes, b64);
  }
  return b64;
}

/** Bytes that arrived as base64 (the offscreen document's fonts): their encoding is known already. */
export function rememberBase64(bytes: Uint8Array, base64: string): void {
  cache.set(bytes, base64);
}

/** base64 → bytes (files sent through messages travel as base64 text). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
