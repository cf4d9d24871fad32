// The module boundaries of the server, checked by `npm run lint:deps` (part of `npm test`). Which module
// owns which table is checked beside it by scripts/check-table-owners.ts (dependency-cruiser sees files,
// not the tables a file imports); the ownership list is src/db/schema/owners.ts.

const tests = '\\.test\\.tsx?$|\\.testing\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      severity: 'error',
      comment:
        "A module uses another module only through that module's index.ts (what it chose to expose); " +
        'src/modules/index.ts (the route list) is the one place that imports routes files directly.',
      from: { path: '^src/modules/([^/]+)/', pathNot: tests },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'index-exposes-no-repos',
      severity: 'error',
      comment:
        "A module's index.ts exposes domain functions and types; its repository functions stay inside it " +
        '(other modules use its services or its read-only *.queries.ts functions).',
      from: {
        path: '^src/modules/[^/]+/index\\.ts$',
      },
      to: { path: '\\.repo\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'index-exposes-no-routes',
      severity: 'error',
      comment: 'Routes are registered from src/modules/index.ts, never exported by a module.',
      from: { path: '^src/modules/[^/]+/index\\.ts$' },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core holds pure domain functions: no modules, no app wiring, no database.',
      from: { path: '^src/core/' },
      to: { path: '^src/(modules|app|db)/' },
    },
    {
      name: 'no-runtime-cycles',
      severity: 'error',
      comment: 'No import cycle that exists at runtime (type-only imports vanish when compiled).',
      from: { path: '^src/' },
      to: {
        circular: true,
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/|node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
