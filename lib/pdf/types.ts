/** Public types of the PDF profile (kept apart so layout and merge code can share them without cycles). */

export interface ProfileInput {
  fullName: string;
  email?: string;
  phone?: string;
  /** Current title / role line. */
  headline?: string;
  /** The job the candidate is synced to. */
  jobName?: string;
  /** Link back to the page the candidate was captured from. */
  sourceUrl: string;
  /** E.g. "Lever". */
  sourceSite?: string;
  /** 1..5 stars (integer); anything else is shown as "not rated". */
  rating?: number;
  /** Free text, any length. */
  assessmentSummary?: string;
  /** Screening transcript, any length: every turn is printed, across as many pages as needed. */
  transcript: { speaker: string; text: string }[];
  /** ISO date. */
  capturedAt: string;
}

/** TTF bytes (DejaVu Sans regular and bold). */
export interface ProfileFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface ResumeFile {
  bytes: Uint8Array;
  contentType?: string;
  fileName?: string;
}

export interface ProfileResult {
  bytes: Uint8Array;
  /** Pages of the whole document (profile pages + resume pages). */
  pageCount: number;
  resume: 'merged' | 'none' | 'not-pdf' | 'unreadable';
  /** Plain-words explanation when the resume was not included. */
  resumeMessage?: string;
}
