/**
 * The dependency rule (docs/architecture.md): core is free of frameworks; bots and skills speak only to core;
 * only the composition root (main.ts and runtime/) and cli/ wire everything together.
 */

module.exports = {
  forbidden: [
    {
      name: 'core-is-framework-free',
      comment: 'core/ imports only core/, zod, luxon and node built-ins',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: 'node_modules/(zod|luxon)/',
      },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['local'], pathNot: '^core/' },
    },
    {
      name: 'channels-import-only-core',
      comment: 'bots/ and skills/ never reach prisma/, infra/, webhooks/ or each other',
      severity: 'error',
      from: { path: '^(bots|skills)/' },
      to: { path: '^(prisma|infra|webhooks|cli|runtime)/|^main\\.ts$' },
    },
    {
      name: 'bots-do-not-import-skills',
      severity: 'error',
      from: { path: '^bots/' },
      to: { path: '^skills/' },
    },
    {
      name: 'skills-do-not-import-bots',
      severity: 'error',
      from: { path: '^skills/' },
      to: { path: '^bots/' },
    },
    {
      name: 'channels-no-database-client',
      severity: 'error',
      from: { path: '^(bots|skills)/' },
      to: { path: 'node_modules/(@prisma|prisma|pg|@electric-sql|ioredis|bullmq)/' },
    },
    {
      name: 'only-composition-root-wires',
      comment: 'webhooks/, infra/ and prisma/ do not import the composition root (main.ts, runtime/) or cli/',
      severity: 'error',
      from: { path: '^(webhooks|infra|prisma|core)/' },
      to: { path: '^(cli/|runtime/|main\\.ts$)' },
    },
    {
      name: 'core-through-its-index',
      comment:
        "outside core/, a core module is imported only through its index.ts, the module's public face (docs/conventions.md)",
      severity: 'error',
      from: { path: '^(bots|skills|webhooks|infra|prisma|cli|runtime)/|^main\\.ts$' },
      to: { path: '^core/[^/]+/', pathNot: '^core/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'type-only imports vanish at run time, so only cycles of real imports count',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^prisma/generated/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
