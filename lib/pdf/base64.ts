/**
 * Bytes → base64 without Buffer or FileReader (the service worker has neither Node APIs nor a DOM).
 * The engine's own codec where it has one (Uint8Array.prototype.toBase64 / Uint8Array.fromBase64, TC39 "Uint8Array
 * to/from base64", shipped in Chrome 140 — the manifest's minimum — and Firefox 133): native, so a worker's first
 * call costs what its next ones do (a JS loop over ~150 KB runs cold in the interpreter first; bench row pdf-profile).
 * Otherwise (Node in the unit tests) chunked, because String.fromCharCode.apply with ~750 KB of arguments overflows
 * the call stack.
 */
const CHUNK = 0x8000;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (base64: string) => Uint8Array }).fromBase64;

export function bytesToBase64(bytes: Uint8Array): string {
  const toBase64 = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof toBase64 === 'function') return toBase64.call(bytes);
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
  if (typeof nativeFromBase64 === 'function') return nativeFromBase64.call(Uint8Array, base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
