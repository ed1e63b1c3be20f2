// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Which way dependencies point (docs/architecture.md): domain ← platform ← discovery ← modules ← cli, and a module
 * reaches another only through its index.ts. Imports are relative, so for each folder depth inside a layer an import
 * that climbs out of the layer (one `../` more than the depth) must land in a layer it may use, and one inside
 * `src/modules` that climbs out of its own module (as many `../` as the depth) must land on another module's index.ts.
 */
const MAY_USE = {
  domain: ['domain'],
  platform: ['domain', 'platform'],
  discovery: ['domain', 'platform', 'discovery'],
  modules: ['domain', 'platform', 'discovery', 'modules'],
};
const layering = Object.entries(MAY_USE).flatMap(([layer, allowed]) =>
  [0, 1, 2, 3, 4].flatMap((depth) => {
    const files = [`src/${layer}/${'*/'.repeat(depth)}*.ts`];
    const climbOut = {
      regex: `^${'\\.\\./'.repeat(depth + 1)}(?!(${allowed.join('|')})/)`,
      message: `${layer} may import only ${allowed.join(', ')} (docs/architecture.md, "Layers")`,
    };
    const otherModule = {
      regex:
        depth === 0 ? '^\\./[^/]+/(?!index\\.ts$)' : `^${'\\.\\./'.repeat(depth)}[^./][^/]*/(?!index\\.ts$)`,
      message: 'A module reaches another only through its index.ts',
    };
    const modules = layer === 'modules' ? [otherModule] : [];
    // Tests may use the test support and the composition root; they keep to the modules' boundaries all the same.
    return [
      {
        files,
        ignores: ['**/*.test.ts'],
        rules: { 'no-restricted-imports': ['error', { patterns: [climbOut, ...modules] }] },
      },
      ...(modules.length
        ? [
            {
              files: files.map((f) => f.replace(/\.ts$/, '.test.ts')),
              rules: { 'no-restricted-imports': ['error', { patterns: modules }] },
            },
          ]
        : []),
    ];
  }),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'drizzle/**', 'coverage/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  ...layering,
  {
    // A module's tables may hold foreign keys to another module's: its schema.ts may name that module's schema.ts.
    files: ['src/modules/*/schema.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!(domain|platform|discovery|modules)/)',
              message: 'modules may import only domain, platform, discovery, modules',
            },
            {
              regex: '^\\.\\./[^./][^/]*/(?!(index|schema)\\.ts$)',
              message:
                'A module reaches another only through its index.ts (and, for foreign keys, its schema.ts)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**', 'bench/**', 'bin/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
