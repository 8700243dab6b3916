// web-ext ships no types; this is the one call scripts/lint-firefox.ts makes (web-ext's lib/cmd/lint.js).
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(params: { sourceDir: string; output?: string }, options?: { shouldExitProgram?: boolean }): Promise<unknown>;
    };
  };
  export default webExt;
}
