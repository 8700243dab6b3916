import { ESLint, Linter } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { zodMessagesInEnglish } from '@/lib/i18n/zod';

const ROOT = resolve(import.meta.dirname, '../..');
const CLASSIC = "import { z } from 'zod';\nexport const Name = z.string();\n";
const MINI = "import { z } from 'zod/mini';\nexport const Name = z.string();\n";

/** Issue 28: what ships validates with zod/mini (classic zod does not tree-shake: 92 KB of the worker's start path). */
describe('zod/mini in what ships', () => {
  it('the linter refuses classic zod in lib/, components/ and entrypoints/, and says why; tests may keep it', async () => {
    // The rule as the project's config resolves it for each file (no type-aware parsing needed to check an import).
    const eslint = new ESLint({ cwd: ROOT });
    const messagesFor = async (text: string, filePath: string) => {
      const rule = ((await eslint.calculateConfigForFile(resolve(ROOT, filePath))) as { rules: Record<string, Linter.RuleEntry> }).rules[
        'no-restricted-imports'
      ];
      return rule ? new Linter().verify(text, { rules: { 'no-restricted-imports': rule } }) : [];
    };
    for (const shipped of ['lib/people/fields.ts', 'components/options/DataPanel.tsx', 'entrypoints/background.ts']) {
      const refused = await messagesFor(CLASSIC, shipped);
      expect(refused.map((m) => m.message)).toEqual([expect.stringContaining("Use `import { z } from 'zod/mini'`")]);
      expect(await messagesFor(MINI, shipped)).toEqual([]);
    }
    expect(await messagesFor(CLASSIC, 'tests/unit/one-rule.test.ts')).toEqual([]);
  });

  it("zod's own messages are English where nothing chose a language, and a language already chosen stays", () => {
    // tests/setup/unit.ts has called zodMessagesInEnglish(), as each extension page does.
    expect(z.object({ delivery: z.object({}) }).safeParse({}).error?.issues[0].message).toBe('Invalid input: expected object, received undefined');
    const chosen = z.config().localeError;
    try {
      z.config({ localeError: () => 'elegido' });
      zodMessagesInEnglish();
      expect(z.string().safeParse(1).error?.issues[0].message).toBe('elegido');
    } finally {
      z.config({ localeError: chosen });
    }
  });
});
