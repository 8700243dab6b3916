/**
 * The PDF stack itself (jsPDF, pdf-lib and what they bring, ~0.9 MB minified): loaded only where a profile is built,
 * never on the worker's start path (see index.ts). Runs without a DOM and without Node APIs.
 */
import { layoutProfile } from './layout';
import { assemble } from './merge';
import { metadataText } from './text';
import type { ProfileFonts, ProfileInput, ProfileResult, ResumeFile } from './types';

export async function buildProfilePdfHere(input: ProfileInput, fonts: ProfileFonts, resume?: ResumeFile): Promise<ProfileResult> {
  const profile = layoutProfile(input, fonts);
  // Metadata is UTF-16 in the PDF, so the name is kept exactly (even glyphs the font cannot draw).
  const candidateName = metadataText(input?.fullName) || 'Unnamed candidate';
  return assemble(profile.bytes, { candidateName }, resume);
}

/**
 * Builds throwaway profiles so the first real one finds the code compiled and the fonts parsed: one of a few pages,
 * then one with that document merged as its "resume" (pdf-lib's load and page copy are half the work of a real one),
 * then one merging that. Answers the last one's bytes.
 */
export async function warmUpProfilePdf(input: ProfileInput, fonts: ProfileFonts): Promise<Uint8Array> {
  const first = await buildProfilePdfHere(input, fonts);
  let merged = await buildProfilePdfHere(input, fonts, { bytes: first.bytes, contentType: 'application/pdf', fileName: 'warm-up.pdf' });
  // Once more, merging that: the layout and the merge have then run three and two times, and the first real profile
  // finds more of them optimised (bench pdf-profile, the offscreen document's CPU for the first profile: 1.24× a warm
  // call after two passes, 1.14× after three; one busy run each). Costs one more build while the dialog is open.
  merged = await buildProfilePdfHere(input, fonts, { bytes: merged.bytes, contentType: 'application/pdf', fileName: 'warm-up.pdf' });
  // Returned so the offscreen document can send it back like a real profile (the reply's path is warmed too).
  return merged.bytes;
}
