import { InMemoryEventStore } from './in-memory-event-store';
import { describeRecordedImport } from '../recorded-import-cases.spec';

describeRecordedImport('InMemoryEventStore', () => Promise.resolve(new InMemoryEventStore()));
