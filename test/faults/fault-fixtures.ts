// A hotel with functions and an open assessment, set up over HTTP, and a raw look at the store
// file: every stream's hash chain recomputed with the event store's own verification.
import { type RecordedEvent, SqliteEventStore, verifyStreamChain } from '@app/event-store';
import { postGraphql } from '../support/graphql-client';

export interface Hotel {
  organizationId: string;
  functionIds: string[];
  capabilityIds: string[];
  assessmentIds: string[];
}

export const RECORD_RATING = 'mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }';

async function must(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const answer = await postGraphql(baseUrl, token, query, variables);
  if (answer.errors?.length) throw new Error(`set-up failed: ${JSON.stringify(answer.errors)}`);
}

export async function setUpHotel(
  baseUrl: string,
  token: string,
  functions: number,
  assessments = 1,
): Promise<Hotel> {
  const organizationId = 'hotel';
  const models = await postGraphql<{ maturityModels: { capabilities: { id: string }[] }[] }>(
    baseUrl,
    token,
    '{ maturityModels { capabilities { id } } }',
  );
  const capabilityIds = models.data!.maturityModels[0]!.capabilities.map((capability) => capability.id);
  await must(
    baseUrl,
    token,
    'mutation($id: ID!) { registerOrganization(input: { id: $id, name: "Hotel" }) { id } }',
    { id: organizationId },
  );
  const functionIds = Array.from({ length: functions }, (_, index) => `function-${index}`);
  for (const functionId of functionIds) {
    await must(baseUrl, token, 'mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
      input: { organizationId, functionId, name: functionId },
    });
  }
  const assessmentIds = Array.from({ length: assessments }, (_, index) => `assessment-${index}`);
  for (const assessmentId of assessmentIds) {
    await must(
      baseUrl,
      token,
      'mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }',
      {
        input: { organizationId, assessmentId, title: assessmentId, periodEnd: '2024-03-31' },
      },
    );
  }
  return { organizationId, functionIds, capabilityIds, assessmentIds };
}

export interface StoreInspection {
  events: RecordedEvent[];
  commandIds: Set<string>;
  /** The first broken chain, or null when every stream verifies. */
  brokenChain: string | null;
  sqliteIntegrity: string;
}

/** Reads the whole store file raw (no upcasting) and recomputes every stream's hash chain. */
export async function inspectStore(dataDir: string): Promise<StoreInspection> {
  const store = new SqliteEventStore({ dataDir, integrityCheck: 'none' });
  try {
    const events = await store.readAll({ raw: true });
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of events) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
    let brokenChain: string | null = null;
    for (const streamEvents of byStream.values()) {
      const verification = verifyStreamChain(streamEvents.sort((a, b) => a.revision - b.revision));
      if (!verification.valid) {
        brokenChain = verification.message;
        break;
      }
    }
    const commandIds = new Set(
      events.map((event) => event.metadata.commandId).filter((id): id is string => id !== null),
    );
    return { events, commandIds, brokenChain, sqliteIntegrity: sqliteIntegrityOf(store) };
  } finally {
    await store.close();
  }
}

function sqliteIntegrityOf(store: SqliteEventStore): string {
  // The adapter keeps its connection private; PRAGMA integrity_check is read-only.
  const database = (
    store as unknown as { database: { pragma(text: string, options: { simple: true }): unknown } }
  ).database;
  return String(database.pragma('integrity_check', { simple: true }));
}
