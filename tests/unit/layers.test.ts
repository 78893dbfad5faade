// The layer rules are enforced by lint, so a wrong import fails `npm test`. These tests lint
// deliberately wrong imports placed (virtually) in each layer and expect the rule to fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The files linted here do not exist, so the type-aware rules (which need them in the TypeScript project)
// are left out: the layer rules need no types.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: Object.fromEntries(
      ['no-floating-promises', 'no-misused-promises', 'await-thenable', 'switch-exhaustiveness-check', 'no-unnecessary-type-assertion'].map((r) => [
        `@typescript-eslint/${r}`,
        'off',
      ]),
    ),
  },
});

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('src/shared may not import Node, Electron or the Node side', async () => {
    expect(await restrictedImportErrors('src/shared/domain/x.ts', `import fs from 'node:fs';\nexport const a = fs;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/domain/x.ts', `import path from 'path';\nexport const a = path;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/domain/x.ts', `import { app } from 'electron';\nexport const a = app;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/domain/x.ts', `import Database from 'better-sqlite3';\nexport const a = Database;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/domain/x.ts', `import { x } from '../../main/context';\nexport const a = x;\n`)).toHaveLength(1);
  });

  it("only src/main/electron imports 'electron'", async () => {
    expect(await restrictedImportErrors('src/main/services/x.ts', `import { app } from 'electron';\nexport const a = app;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('src/main/electron/x.ts', `import { app } from 'electron';\nexport const a = app;\n`)).toHaveLength(0);
  });

  it('the renderer never imports the Node side or Node modules', async () => {
    expect(await restrictedImportErrors('src/renderer/x.tsx', `import { handlers } from '../main/handlers/index';\nexport const a = handlers;\n`)).toHaveLength(
      1,
    );
    expect(await restrictedImportErrors('src/renderer/x.tsx', `import fs from 'fs';\nexport const a = fs;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('src/renderer/x.tsx', `import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('src/renderer/x.tsx', `import { contract } from '../shared/api/contract';\nexport const a = contract;\n`)).toHaveLength(
      0,
    );
  });

  it('nothing under src/ (the product) imports tools/ (test tooling); tests and benches may', async () => {
    const wrong = `import { generateDossier } from '../../../tools/synth/index';\nexport const a = generateDossier;\n`;
    for (const file of ['src/main/demo/x.ts', 'src/main/electron/x.ts', 'src/shared/domain/x.ts', 'src/renderer/screens/x.tsx', 'src/preload/x/x.ts']) {
      expect(await restrictedImportErrors(file, wrong), file).toHaveLength(1);
    }
    expect(await restrictedImportErrors('src/main/x.ts', `import { Rng } from '../../tools/synth/random';\nexport const a = Rng;\n`)).toHaveLength(1);
    expect(await restrictedImportErrors('tests/integration/x/x.test.ts', wrong)).toHaveLength(0);
    expect(
      await restrictedImportErrors('bench/x.ts', `import { generateDossier } from '../tools/synth/index';\nexport const a = generateDossier;\n`),
    ).toHaveLength(0);
  });
});
