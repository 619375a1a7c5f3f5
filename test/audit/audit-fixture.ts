// A small organisation built through the real api: two functions, an assessment with ratings, an
// investment. Shared by the audit e2e tests.
import type { TestApi } from '../support/test-api';

export const CAPABILITIES = ['customer-insight', 'value-proposition', 'purpose-alignment'] as const;

export async function buildOrganization(api: TestApi, organizationId: string): Promise<void> {
  await api.mustQuery(
    `mutation($id: ID!) { registerOrganization(input: { id: $id, name: "Audit Hotel" }) { id } }`,
    {
      id: organizationId,
    },
  );
  for (const [functionId, customerFacing] of [
    ['front-desk', true],
    ['housekeeping', false],
  ] as const) {
    await api.mustQuery(
      `mutation($org: ID!, $fn: ID!, $name: String!, $cf: Boolean) { addFunction(input: { organizationId: $org, functionId: $fn, name: $name, customerFacing: $cf }) { id } }`,
      { org: organizationId, fn: functionId, name: functionId, cf: customerFacing },
    );
  }
  const assessmentId = `${organizationId}-q1`;
  await api.mustQuery(
    `mutation($org: ID!, $id: ID!) { openAssessment(input: { organizationId: $org, assessmentId: $id, title: "Q1", periodEnd: "2025-03-31" }) { id } }`,
    { org: organizationId, id: assessmentId },
  );
  let level = 1;
  for (const functionId of ['front-desk', 'housekeeping']) {
    for (const capabilityId of CAPABILITIES) {
      level = (level % 5) + 1;
      await api.mustQuery(
        `mutation($a: ID!, $f: ID!, $c: ID!, $l: Int!) { recordRating(input: { assessmentId: $a, functionId: $f, capabilityId: $c, level: $l, source: SELF }) { id } }`,
        { a: assessmentId, f: functionId, c: capabilityId, l: level },
      );
    }
  }
  await api.mustQuery(
    `mutation($org: ID!, $id: ID!) { planInvestment(input: { organizationId: $org, investmentId: $id, name: "Training", kind: OPERATIONAL, cost: 1000, lagMonths: 3,
       effects: [{ functionId: "housekeeping", capabilityId: "customer-insight", low: 0, likely: 1, high: 2 }] }) { id } }`,
    { org: organizationId, id: `${organizationId}-training` },
  );
}
