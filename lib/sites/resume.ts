import type { IntentInput } from '../messaging/protocol';

/** A file as Sync to ATS takes it (its `submitSync` intent). */
type ResumeUpload = NonNullable<IntentInput<'submitSync'>['resume']>;
import { bytesToBase64 } from '../pdf/base64';
import { t } from './messages';

/** The largest file Hirebridge takes as a resume or a screening answer (the message schema allows the same). */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Download the resume a page links to, from the page's own context (its session, its CORS rules): the service
 * worker never fetches URLs a page hands it. Up to 10 MB; a web page (an HTML résumé) is reported as such, and
 * what is not a PDF is reported by the profile builder, never guessed.
 */
export async function fetchResume(url: string): Promise<ResumeUpload> {
  const response = await fetch(url, { credentials: 'include' });
  if (!response.ok) throw new Error(t('siteAnswered', { status: response.status }));
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new Error(t('tooLarge'));
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new Error(t('tooLarge'));
  // A résumé page (HTML) is a résumé, but not a file to attach: said so, rather than attached as "not a PDF".
  if (isWebPage(response.headers.get('content-type'), bytes)) throw new Error(t('webPage'));
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'resume.pdf').slice(0, 200);
  return { fileName: name, contentType: response.headers.get('content-type')?.split(';')[0] || 'application/pdf', base64: bytesToBase64(bytes) };
}

/** An HTML document, by its content type or (servers mislabel files) its first bytes. */
export function isWebPage(contentType: string | null, bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return false;
  return /^(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType ?? '') || head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** A file the recruiter chose (resume or a FILE screening answer), ready to travel in a message. */
export async function fileToUpload(file: File): Promise<ResumeUpload> {
  if (file.size > MAX_BYTES) throw new Error(t('fileTooLarge', { name: file.name }));
  return { fileName: file.name.slice(0, 200) || 'file', contentType: file.type || 'application/octet-stream', base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
