// Targets in bulk (setTargets): a default for every cell, a row, a column, in one append, all or
// nothing. A refusal names the entry and writes nothing; a repeated commandId appends nothing; only
// an admin may set targets.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

interface TargetShape {
  capabilityId: string;
  functionId: string | null;
  level: number;
}
interface HistoryNode {
  type: string;
  commandId: string | null;
  recordedAt: string;
  revision: number;
}

const SET_TARGETS =
  'mutation($input: SetTargetsInput!) { setTargets(input: $input) { targets { capabilityId functionId level } } }';

describe('setTargets (e2e)', () => {
  let api: TestApi;
  let capabilities: string[];

  const targets = async (): Promise<TargetShape[]> =>
    (
      await api.mustQuery<{ organization: { targets: TargetShape[] } }>(
        '{ organization(id: "bank") { targets { capabilityId functionId level } } }',
      )
    ).organization.targets;
  const history = async (): Promise<HistoryNode[]> =>
    (
      await api.mustQuery<{ history: { edges: { node: HistoryNode }[] } }>(
        '{ history(organizationId: "bank", first: 500) { edges { node { type commandId recordedAt revision } } } }',
      )
    ).history.edges.map(({ node }) => node);

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery(
      'mutation { registerOrganization(input: { id: "bank", name: "Harbour Bank" }) { id } }',
    );
    for (const id of ['branches', 'call-centre', 'lending'])
      await api.mustQuery(
        `mutation { addFunction(input: { organizationId: "bank", functionId: "${id}", name: "${id}" }) { id } }`,
      );
    await api.mustQuery(
      'mutation { setTarget(input: { organizationId: "bank", capabilityId: "service-recovery", functionId: "call-centre", level: 5 }) { id } }',
    );
    capabilities = (
      await api.mustQuery<{ maturityModels: { capabilities: { id: string }[] }[] }>(
        '{ maturityModels { capabilities { id } } }',
      )
    ).maturityModels[0]!.capabilities.map((capability) => capability.id);
  });

  afterAll(async () => {
    await api.close();
  });

  it('should set one target for every cell in one append, keeping overrides when not asked to replace them', async () => {
    const before = (await history()).length;
    const input = {
      organizationId: 'bank',
      targets: capabilities.map((capabilityId) => ({ capabilityId, level: 3 })),
      commandId: 'default-3',
    };
    const { setTargets } = await api.mustQuery<{ setTargets: { targets: TargetShape[] } }>(SET_TARGETS, {
      input,
    });
    expect(setTargets.targets).toHaveLength(capabilities.length + 1);
    expect(setTargets.targets).toContainEqual({
      capabilityId: 'service-recovery',
      functionId: 'call-centre',
      level: 5,
    });
    const appended = (await history()).slice(before);
    expect(appended.map((event) => event.type)).toEqual(capabilities.map(() => 'TargetSet'));
    // One append: one command, one moment, consecutive revisions.
    expect(new Set(appended.map((event) => event.commandId))).toEqual(new Set(['default-3']));
    expect(new Set(appended.map((event) => event.recordedAt)).size).toBe(1);
    expect(appended.map((event) => event.revision - appended[0]!.revision)).toEqual(
      appended.map((_event, index) => index),
    );

    // The same commandId again appends nothing.
    await api.mustQuery(SET_TARGETS, { input });
    expect(await history()).toHaveLength(before + capabilities.length);
  });

  it('should replace the overrides of a column when asked, and fill a row with overrides', async () => {
    await api.mustQuery(SET_TARGETS, {
      input: {
        organizationId: 'bank',
        targets: [{ capabilityId: 'service-recovery', level: 4 }],
        replaceOverrides: true,
      },
    });
    const afterColumn = await targets();
    expect(afterColumn.filter((target) => target.capabilityId === 'service-recovery')).toEqual([
      { capabilityId: 'service-recovery', functionId: null, level: 4 },
    ]);

    await api.mustQuery(SET_TARGETS, {
      input: {
        organizationId: 'bank',
        targets: capabilities.map((capabilityId) => ({ capabilityId, functionId: 'lending', level: 2 })),
      },
    });
    const afterRow = await targets();
    expect(afterRow.filter((target) => target.functionId === 'lending')).toHaveLength(capabilities.length);
    expect(afterRow.filter((target) => target.functionId === null)).toEqual(
      afterColumn.filter((target) => target.functionId === null),
    );
  });

  it.each([
    ['an empty list', [], 'BAD_USER_INPUT', 'targets'],
    [
      'a level outside the model',
      [
        { capabilityId: 'self-service', level: 2 },
        { capabilityId: 'customer-insight', level: 9 },
      ],
      'BAD_USER_INPUT',
      'targets[1].level',
    ],
    [
      'an unknown function',
      [
        { capabilityId: 'self-service', level: 1 },
        { capabilityId: 'self-service', functionId: 'vault', level: 2 },
      ],
      'NOT_FOUND',
      'targets[1].functionId',
    ],
    [
      'an unknown capability',
      [{ capabilityId: 'telepathy', level: 2 }],
      'NOT_FOUND',
      'targets[0].capabilityId',
    ],
    [
      'the same cell twice',
      [
        { capabilityId: 'self-service', functionId: 'branches', level: 1 },
        { capabilityId: 'self-service', functionId: 'branches', level: 2 },
      ],
      'BAD_USER_INPUT',
      'targets[1]',
    ],
  ])('should refuse %s, naming the entry and writing nothing', async (_case, list, code, field) => {
    const before = { targets: await targets(), events: (await history()).length };
    const answer = await api.graphql(SET_TARGETS, { input: { organizationId: 'bank', targets: list } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await targets()).toEqual(before.targets);
    expect(await history()).toHaveLength(before.events);
  });

  it('should refuse an assessor, writing nothing', async () => {
    const { issueApiToken } = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: ASSESSOR, organizationIds: ["bank"]) { token } }',
    );
    const before = await targets();
    const answer = await api.graphql(
      SET_TARGETS,
      { input: { organizationId: 'bank', targets: [{ capabilityId: 'self-service', level: 1 }] } },
      issueApiToken.token,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await targets()).toEqual(before);
  });
});
