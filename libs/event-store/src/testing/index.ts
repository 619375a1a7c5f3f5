// Test support for event store adapters; not exported from the library's main entry.
export * from './event-store-contract';
export * from '../postgres/testing/postgres-test-server';
