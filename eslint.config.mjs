import nx from '@nx/eslint-plugin';

// Dependency direction (see ../shared/STYLE.md): apps import libs, never each other; `contracts` is a leaf;
// MongoDB is known only to the storage service and x509 parsing only to the parser. `layer:dev` code (the
// embedded MongoDB-protocol server, the dev process helpers, test support) runs on developer machines and in
// tests only: shipped code (the services and the admin tool, `type:app` / `type:tool`) may not import it, nor
// the packages only it uses, which are devDependencies and absent from the production image.
const DEV_ONLY_PACKAGES = ['mingo', 'bson'];
const boundaries = (allowTesting) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    // Shared build configuration, required by each project's webpack.config.js.
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^(\\.\\./)+tools/webpack/node-app\\.config$'],
    depConstraints: [
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: allowTesting ? ['type:lib'] : ['layer:contracts', 'layer:foundation'],
        bannedExternalImports: allowTesting ? [] : DEV_ONLY_PACKAGES,
      },
      {
        sourceTag: 'scope:gateway',
        bannedExternalImports: ['mongoose', 'mongodb', '@nestjs/mongoose', '@peculiar/*'],
      },
      { sourceTag: 'scope:parser', bannedExternalImports: ['mongoose', 'mongodb', '@nestjs/mongoose'] },
      { sourceTag: 'scope:storage', bannedExternalImports: ['@peculiar/*'] },
      {
        sourceTag: 'type:tool',
        onlyDependOnLibsWithTags: ['layer:contracts', 'layer:foundation', ...(allowTesting ? ['layer:dev'] : [])],
        bannedExternalImports: allowTesting ? [] : DEV_ONLY_PACKAGES,
      },
      { sourceTag: 'type:dev-tool', onlyDependOnLibsWithTags: ['layer:contracts', 'layer:foundation', 'layer:dev'] },
      { sourceTag: 'layer:contracts', onlyDependOnLibsWithTags: [] },
      {
        sourceTag: 'layer:foundation',
        onlyDependOnLibsWithTags: ['layer:contracts', 'layer:foundation', ...(allowTesting ? ['layer:dev'] : [])],
        bannedExternalImports: allowTesting ? [] : DEV_ONLY_PACKAGES,
      },
      { sourceTag: 'layer:dev', onlyDependOnLibsWithTags: ['layer:contracts', 'layer:foundation', 'layer:dev'] },
      { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:lib'] },
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/.data'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: { '@nx/enforce-module-boundaries': boundaries(false) },
  },
  {
    // Certificates are read by the parser only (its metadata carries what each dialect prints); the
    // gateway may use node:crypto for signatures and hashes, not to parse X.509.
    files: ['apps/api-gateway/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:crypto', 'crypto'].map((name) => ({
            name,
            importNames: ['X509Certificate'],
            message: "The gateway does not parse certificates: put what it needs into the parser's metadata.",
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec-support.ts', '**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
];
