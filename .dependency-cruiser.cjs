// Architectural boundaries, checked by `npm run lint`.
module.exports = {
  forbidden: [
    {
      name: 'domain-is-plain-typescript',
      comment:
        'The domain (events, deciders, scores, simulation) imports no framework, transport or storage.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: {
        path: [
          '^libs/(event-store|key-store|projections|application)/',
          '^apps/',
          'node_modules/(@nestjs|graphql|@apollo|better-sqlite3|@eventstore|class-validator|class-transformer|rxjs)',
        ],
      },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'The event store is a generic port with adapters; it knows nothing of maturity.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: ['^libs/(domain|projections|application)/', '^apps/'] },
    },
    {
      name: 'key-store-knows-no-domain',
      comment: 'The key store keeps and seals keys for any text; it knows nothing of maturity.',
      severity: 'error',
      from: { path: '^libs/key-store/' },
      to: { path: ['^libs/(domain|projections|application)/', '^apps/'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: ['\\.spec\\.ts$', '\\.fixtures\\.ts$', '^dist/', '^apps/dashboard/'] },
  },
};
