// Two hotel sites on one small published model, rated by hand so every number in the report tests
// can be worked out on paper. L = 5; insight weighs 2, recovery 1; no declared links, so the two
// functions of a site form one link of weight 1.
import type { TestApi } from '../support/test-api';

export const SMALL_MODEL = 'two-capability-model';

export interface Rating {
  functionId: string;
  capabilityId: string;
  level: number;
  source?: string;
}

export class ReportFixtures {
  constructor(private readonly api: TestApi) {}

  async publishSmallModel(): Promise<void> {
    await this.api.mustQuery(
      `mutation($input: PublishMaturityModelInput!) { publishMaturityModel(input: $input) { id } }`,
      {
        input: {
          id: SMALL_MODEL,
          name: 'Two capabilities',
          levels: [1, 2, 3, 4, 5].map((value) => ({ value, name: `Level ${value}` })),
          capabilities: [
            { id: 'insight', name: 'Customer insight', dimension: 'listen', weight: 2 },
            { id: 'recovery', name: 'Service recovery', dimension: 'act', weight: 1 },
          ],
        },
      },
    );
  }

  async site(
    id: string,
    name: string,
    functions: { id: string; name: string }[] = [
      { id: 'front-desk', name: 'Front desk' },
      { id: 'housekeeping', name: 'Housekeeping' },
    ],
    modelId: string | null = SMALL_MODEL,
  ): Promise<void> {
    await this.api.mustQuery(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      { input: { id, name, ...(modelId === null ? {} : { modelId }) } },
    );
    for (const [position, businessFunction] of functions.entries()) {
      await this.api.mustQuery(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
        input: {
          organizationId: id,
          functionId: businessFunction.id,
          name: businessFunction.name,
          customerFacing: position === 0,
        },
      });
    }
  }

  async target(organizationId: string, capabilityId: string, level: number): Promise<void> {
    await this.api.mustQuery(`mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
      input: { organizationId, capabilityId, level },
    });
  }

  async assessment(
    organizationId: string,
    assessmentId: string,
    periodEnd: string,
    ratings: Rating[],
  ): Promise<void> {
    await this.api.mustQuery(
      `mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`,
      {
        input: { organizationId, assessmentId, title: assessmentId, periodEnd },
      },
    );
    for (const rating of ratings) {
      await this.api.mustQuery(
        `mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`,
        {
          input: { assessmentId, source: 'SELF', ...rating },
        },
      );
    }
  }

  async token(role: string, organizationIds: string[]): Promise<string> {
    const data = await this.api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation($r: Role!, $o: [ID!]!) { issueApiToken(role: $r, organizationIds: $o) { token } }',
      { r: role, o: organizationIds },
    );
    return data.issueApiToken.token;
  }
}

/**
 * North: Q1 (2024-03-31) front desk insight 2, housekeeping insight 4; Q2 (2024-06-30) front desk
 * insight SELF 4 and CUSTOMER 3 (so (4 + 2 * 3) / 3 = 10/3), housekeeping insight 4 and recovery 1.
 * Target: insight 4 for both.
 */
export async function northSite(fixtures: ReportFixtures, id = 'site-north'): Promise<void> {
  await fixtures.site(id, 'Interlodge North');
  await fixtures.target(id, 'insight', 4);
  await fixtures.assessment(id, `${id}-q1`, '2024-03-31', [
    { functionId: 'front-desk', capabilityId: 'insight', level: 2 },
    { functionId: 'housekeeping', capabilityId: 'insight', level: 4 },
  ]);
  await fixtures.assessment(id, `${id}-q2`, '2024-06-30', [
    { functionId: 'front-desk', capabilityId: 'insight', level: 4 },
    { functionId: 'front-desk', capabilityId: 'insight', level: 3, source: 'CUSTOMER' },
    { functionId: 'housekeeping', capabilityId: 'insight', level: 4 },
    { functionId: 'housekeeping', capabilityId: 'recovery', level: 1 },
  ]);
}
