// The key store library: the port, its adapters, and sealing personal text with its keys.
// The shared contract suite lives apart, in ./testing (`@app/key-store/testing`).
export * from './key-store.port';
export * from './errors';
export * from './sealing';
export {
  SqliteKeyStore,
  SQLITE_KEY_STORE_FILE_NAME,
  type SqliteKeyStoreOptions,
} from './sqlite/sqlite-key-store';
export { PostgresKeyStore, type PostgresKeyStoreOptions } from './postgres/postgres-key-store';
export { InMemoryKeyStore } from './memory/in-memory-key-store';
export { createKeyStore, type KeyStoreConfig } from './create-key-store';
