/**
 * The candidate PDF profile (spec F4): profile pages drawn with jsPDF, then the resume's own pages merged
 * with pdf-lib. Runs in the service worker: no DOM, no Node APIs.
 *
 * Known limitation: the embedded font is DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, Arabic, Armenian,
 * Georgian, symbols). Characters it has no glyph for — Chinese/Japanese/Korean, emoji, other scripts — are
 * drawn as U+FFFD with a note in the header; the document title metadata keeps the exact name. Arabic is
 * shaped by jsPDF, so it extracts as presentation forms rather than the original letters.
 */
import { layoutProfile } from './layout';
import { assemble } from './merge';
import { metadataText } from './text';
import type { ProfileFonts, ProfileInput, ProfileResult, ResumeFile } from './types';

export type { ProfileFonts, ProfileInput, ProfileResult, ResumeFile } from './types';
export { pdfFileName } from './text';

/**
 * Builds the one PDF sent as the CV: profile pages, then the resume pages when the resume is a readable PDF.
 * Never throws because of odd input text; a resume that cannot be included is reported in `resume` /
 * `resumeMessage` and the profile is produced anyway.
 */
export async function buildProfilePdf(input: ProfileInput, fonts: ProfileFonts, resume?: ResumeFile): Promise<ProfileResult> {
  const profile = layoutProfile(input, fonts);
  // Metadata is UTF-16 in the PDF, so the name is kept exactly (even glyphs the font cannot draw).
  const candidateName = metadataText(input?.fullName) || 'Unnamed candidate';
  return assemble(profile.bytes, { candidateName }, resume);
}
export { base64ToBytes, bytesToBase64 } from './base64';
