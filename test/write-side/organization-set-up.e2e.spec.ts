// The set-up changes the page needs beyond the contract: rename a function, unlink two functions,
// clear a target. Each refusal names its field and writes nothing.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

interface OrganizationShape {
  functions: { id: string; name: string; customerFacing: boolean; partner: boolean }[];
  interactions: { from: string; to: string; weight: number }[];
  targets: { capabilityId: string; functionId: string | null; level: number }[];
}

const fields =
  'functions { id name customerFacing partner } interactions { from to weight } targets { capabilityId functionId level }';

describe('Organisation set-up (e2e)', () => {
  let api: TestApi;

  const organization = async (): Promise<OrganizationShape> =>
    (await api.mustQuery<{ organization: OrganizationShape }>(`{ organization(id: "bank") { ${fields} } }`))
      .organization;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery(
      'mutation { registerOrganization(input: { id: "bank", name: "Harbour Bank" }) { id } }',
    );
    for (const [id, name] of [
      ['branches', 'Branches'],
      ['call-centre', 'Call centre'],
      ['lending', 'Lending'],
    ])
      await api.mustQuery(
        `mutation { addFunction(input: { organizationId: "bank", functionId: "${id}", name: "${name}" }) { id } }`,
      );
    await api.mustQuery(
      'mutation { linkFunctions(input: { organizationId: "bank", from: "branches", to: "call-centre", weight: 2 }) { id } }',
    );
    await api.mustQuery(
      'mutation { linkFunctions(input: { organizationId: "bank", from: "lending", to: "branches" }) { id } }',
    );
    await api.mustQuery(
      'mutation { setTarget(input: { organizationId: "bank", capabilityId: "service-recovery", level: 3 }) { id } }',
    );
    await api.mustQuery(
      'mutation { setTarget(input: { organizationId: "bank", capabilityId: "service-recovery", functionId: "call-centre", level: 4 }) { id } }',
    );
  });

  afterAll(async () => {
    await api.close();
  });

  it('should rename a function and make it customer-facing, keeping the other flags', async () => {
    const { updateFunction } = await api.mustQuery<{ updateFunction: OrganizationShape }>(
      `mutation { updateFunction(input: { organizationId: "bank", functionId: "call-centre", name: "Contact centre", customerFacing: true }) { ${fields} } }`,
    );
    expect(updateFunction.functions.find((business) => business.id === 'call-centre')).toEqual({
      id: 'call-centre',
      name: 'Contact centre',
      customerFacing: true,
      partner: false,
    });
    expect((await organization()).functions.map((business) => business.name)).toEqual([
      'Branches',
      'Contact centre',
      'Lending',
    ]);
  });

  it('should unlink two functions named in either order', async () => {
    const { unlinkFunctions } = await api.mustQuery<{ unlinkFunctions: OrganizationShape }>(
      `mutation { unlinkFunctions(input: { organizationId: "bank", from: "branches", to: "lending" }) { ${fields} } }`,
    );
    expect(unlinkFunctions.interactions).toEqual([{ from: 'branches', to: 'call-centre', weight: 2 }]);
  });

  it('should clear a function override so the function follows the capability target', async () => {
    await api.mustQuery(
      'mutation { clearTarget(input: { organizationId: "bank", capabilityId: "service-recovery", functionId: "call-centre" }) { id } }',
    );
    expect((await organization()).targets).toEqual([
      { capabilityId: 'service-recovery', functionId: null, level: 3 },
    ]);
  });

  it.each([
    [
      'an unknown function',
      'updateFunction(input: { organizationId: "bank", functionId: "vault", name: "Vault" })',
      'NOT_FOUND',
      'functionId',
    ],
    [
      'an empty name',
      'updateFunction(input: { organizationId: "bank", functionId: "lending", name: " " })',
      'BAD_USER_INPUT',
      'name',
    ],
    [
      'a pair that is not linked',
      'unlinkFunctions(input: { organizationId: "bank", from: "lending", to: "call-centre" })',
      'NOT_FOUND',
      'to',
    ],
    [
      'a target that is not set',
      'clearTarget(input: { organizationId: "bank", capabilityId: "self-service", functionId: "lending" })',
      'NOT_FOUND',
      'functionId',
    ],
  ])('should refuse %s, naming the field and writing nothing', async (_case, mutation, code, field) => {
    const before = await organization();
    const answer = await api.graphql(`mutation { ${mutation} { id } }`);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await organization()).toEqual(before);
  });
});
