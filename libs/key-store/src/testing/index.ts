// Test support for key store adapters; not exported from the library's main entry.
export * from './key-store-contract';
export * from './files-containing';
