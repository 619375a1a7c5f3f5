// Eight clients write ratings into one assessment at once, against the built api and a real
// SQLite file: every acknowledged rating is there, once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { inspectStore, RECORD_RATING, setUpHotel } from './fault-fixtures';

jest.setTimeout(180_000);

const CLIENTS = 8;
const RATINGS_PER_CLIENT = 10;

describe('Concurrent writers (fault)', () => {
  let dataDir: string;
  let api: ApiProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fault-concurrent-'));
    api = await startApi({ dataDir });
  });

  afterAll(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should keep every acknowledged rating of 8 clients writing into one assessment', async () => {
    const hotel = await setUpHotel(api.baseUrl, api.adminToken, CLIENTS);
    const assessmentId = hotel.assessmentIds[0]!;
    const acknowledged: { functionId: string; capabilityId: string; level: number; commandId: string }[] = [];
    const refused: string[] = [];

    await Promise.all(
      hotel.functionIds.map(async (functionId, client) => {
        for (let index = 0; index < RATINGS_PER_CLIENT; index += 1) {
          const capabilityId = hotel.capabilityIds[index % hotel.capabilityIds.length]!;
          const level = ((client + index) % 5) + 1;
          const commandId = `client-${client}-rating-${index}`;
          const answer = await postGraphql(api.baseUrl, api.adminToken, RECORD_RATING, {
            input: { assessmentId, functionId, capabilityId, level, source: 'SELF', commandId },
          });
          if (answer.errors?.length) refused.push(JSON.stringify(answer.errors));
          else acknowledged.push({ functionId, capabilityId, level, commandId });
        }
      }),
    );

    expect(refused).toEqual([]);
    expect(acknowledged).toHaveLength(CLIENTS * RATINGS_PER_CLIENT);
    const read = await postGraphql<{
      assessment: { ratings: { functionId: string; capabilityId: string; level: number }[] };
    }>(
      api.baseUrl,
      api.adminToken,
      'query($id: ID!) { assessment(id: $id) { ratings { functionId capabilityId level } } }',
      { id: assessmentId },
    );
    const ratings = read.data!.assessment.ratings;
    for (const { functionId, capabilityId, level } of acknowledged) {
      expect(ratings).toContainEqual({ functionId, capabilityId, level });
    }
    const store = await inspectStore(dataDir);
    const recorded = store.events.filter((event) => event.type === 'RatingRecorded');
    expect(recorded).toHaveLength(acknowledged.length);
    for (const { commandId } of acknowledged) expect(store.commandIds.has(commandId)).toBe(true);
    expect(store.brokenChain).toBeNull();
  });
});
