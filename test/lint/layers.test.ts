import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

/** The layering rule in eslint.config.js, tried on imports written the way each mistake would be. */
describe('which way imports point', () => {
  const eslint = new ESLint();
  const refusals = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it('keeps the domain free of everything of ours', async () => {
    assert.equal(
      (await refusals('src/domain/requests/x.ts', "import '../../platform/errors.ts';")).length,
      1,
    );
    assert.equal((await refusals('src/domain/x.ts', "import '../modules/index.ts';")).length, 1);
    assert.deepEqual(await refusals('src/domain/requests/x.ts', "import '../calendar/dates.ts';"), []);
  });

  it('keeps the platform from the modules, the discovery engine and the composition root', async () => {
    assert.equal((await refusals('src/platform/web/x.ts', "import '../../modules/index.ts';")).length, 1);
    assert.equal((await refusals('src/platform/x.ts', "import '../discovery/scan.ts';")).length, 1);
    assert.equal((await refusals('src/platform/web/middleware/x.ts', "import '../../../app.ts';")).length, 1);
    assert.deepEqual(
      await refusals('src/platform/web/x.ts', "import '../../domain/requests/workflow.ts';"),
      [],
    );
  });

  it('lets a module reach another only through its index.ts', async () => {
    const crossing = await refusals('src/modules/publication/x.ts', "import '../requests/service.ts';");
    assert.match(crossing[0] ?? '', /only through its index\.ts/);
    assert.equal(
      (
        await refusals(
          'src/modules/requests/commands/intake/x.ts',
          "import '../../../publication/service.ts';",
        )
      ).length,
      1,
    );
    assert.deepEqual(await refusals('src/modules/publication/x.ts', "import '../requests/index.ts';"), []);
    assert.deepEqual(
      await refusals('src/modules/requests/commands/intake/x.ts', "import '../../repository.ts';"),
      [],
    );
    assert.equal((await refusals('src/modules/index.ts', "import './requests/service.ts';")).length, 1);
    assert.equal((await refusals('src/modules/requests/x.ts', "import '../../cli/main.ts';")).length, 1);
  });
});
