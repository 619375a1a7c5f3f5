import { describeKeyStoreContract } from '../testing/key-store-contract';
import { InMemoryKeyStore } from './in-memory-key-store';

describeKeyStoreContract(InMemoryKeyStore.name, { create: () => Promise.resolve(new InMemoryKeyStore()) });
