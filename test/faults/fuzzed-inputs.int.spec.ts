// Random GraphQL inputs (fast-check) against the built api and a real SQLite file: never an
// internal error, and a refused command writes nothing (the store's head does not move).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { SqliteEventStore } from '@app/event-store';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { setUpHotel, type Hotel } from './fault-fixtures';

jest.setTimeout(300_000);

const anything = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant('x'.repeat(20_000)),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.constantFrom('2024-02-30', '2024-13-01', '9999-99-99T99:99', '', ' ', '-1', '1e309'),
);

describe('Fuzzed GraphQL inputs (fault)', () => {
  let dataDir: string;
  let api: ApiProcess;
  let hotel: Hotel;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fault-fuzz-'));
    api = await startApi({ dataDir });
    hotel = await setUpHotel(api.baseUrl, api.adminToken, 3);
    store = new SqliteEventStore({ dataDir, integrityCheck: 'none' });
  });

  afterAll(async () => {
    await store.close();
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Sends one mutation; checks no internal error, and no write when it was refused. */
  async function check(query: string, variables: Record<string, unknown>): Promise<void> {
    const before = await store.headPosition();
    const answer = await postGraphql(api.baseUrl, api.adminToken, query, variables);
    const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    expect(codes).not.toContain(undefined);
    if (codes.length > 0) expect(await store.headPosition()).toBe(before);
  }

  const valid = () => ({
    assessmentId: fc.constantFrom(hotel.assessmentIds[0]!, 'nowhere', 'Bad Id'),
    functionId: fc.constantFrom(...hotel.functionIds, 'unknown-function'),
    capabilityId: fc.constantFrom(...hotel.capabilityIds, 'unknown-capability'),
  });

  it('should never fail internally nor write partially on recordRating', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            ...valid(),
            level: fc.oneof(fc.integer({ min: -3, max: 9 }), anything),
            source: fc.oneof(fc.constantFrom('SELF', 'PEER', 'CUSTOMER', 'AUDIT'), anything),
            raterFunctionId: fc.oneof(fc.constantFrom(...hotel.functionIds), anything),
            evidence: anything,
          },
          { requiredKeys: ['assessmentId', 'functionId', 'capabilityId'] },
        ),
        (input) =>
          check('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', { input }),
      ),
      { numRuns: 150 },
    );
  });

  it('should never fail internally nor write partially on planInvestment', async () => {
    const effect = fc.record({
      functionId: fc.oneof(fc.constantFrom(...hotel.functionIds), anything),
      capabilityId: fc.oneof(fc.constantFrom(...hotel.capabilityIds), anything),
      low: fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), anything),
      likely: fc.double({ min: -5, max: 5, noNaN: true }),
      high: fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), anything),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          organizationId: fc.oneof(fc.constantFrom(hotel.organizationId, 'nowhere'), anything),
          name: anything,
          kind: fc.oneof(fc.constantFrom('OPERATIONAL', 'CAPITAL'), anything),
          cost: fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }), anything),
          lagMonths: fc.oneof(fc.integer({ min: -2, max: 200 }), anything),
          effects: fc.oneof(fc.array(effect, { maxLength: 4 }), anything),
        }),
        (input) =>
          check('mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }', { input }),
      ),
      { numRuns: 150 },
    );
  });

  it('should never fail internally nor write partially on organisation and assessment commands', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'registerOrganization',
          'addFunction',
          'linkFunctions',
          'setTarget',
          'openAssessment',
        ),
        fc.dictionary(
          fc.constantFrom(
            'id',
            'organizationId',
            'functionId',
            'name',
            'from',
            'to',
            'weight',
            'capabilityId',
            'level',
            'title',
            'periodEnd',
            'purpose',
            'commandId',
          ),
          anything,
        ),
        (operation, input) => {
          const type = `${operation[0]!.toUpperCase()}${operation.slice(1)}Input`;
          return check(`mutation($input: ${type}!) { ${operation}(input: $input) { id } }`, { input });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should never fail internally on malformed documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (document) => {
        const answer = await postGraphql(api.baseUrl, api.adminToken, document);
        expect((answer.errors ?? []).map((error) => error.extensions?.code)).not.toContain(
          'INTERNAL_SERVER_ERROR',
        );
      }),
      { numRuns: 100 },
    );
  });
});
