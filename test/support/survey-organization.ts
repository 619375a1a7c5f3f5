// An organisation with a long survey history, written through the api as an office would: one
// assessment a quarter, every function and capability rated by each customer respondent.
import { DEFAULT_MATURITY_MODEL } from '@app/domain';

/** Sends one GraphQL operation and returns its data, failing on any error. */
export type MustQuery = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

export interface SurveyOrganization {
  organizationId: string;
  name: string;
  functionIds: readonly string[];
  /** One assessment a quarter, `q0`, `q1`, …, the first ending 31 March of `firstYear`. */
  assessments: number;
  firstYear: number;
  respondents: number;
  /** Evidence for one rating, or undefined for none. */
  evidence?: (rating: {
    quarter: number;
    functionId: string;
    capabilityId: string;
    respondent: number;
  }) => string | undefined;
  /** The last quarter stays open (its point is provisional). */
  leaveLastOpen?: boolean;
}

export const SURVEY_CAPABILITY_IDS = DEFAULT_MATURITY_MODEL.capabilities.map((capability) => capability.id);

/** The period end of quarter `quarter` counted from the first quarter of `firstYear`. */
export const quarterEnd = (firstYear: number, quarter: number): string =>
  `${firstYear + Math.floor(quarter / 4)}-${['03-31', '06-30', '09-30', '12-31'][quarter % 4]}`;

export async function writeSurveyOrganization(must: MustQuery, survey: SurveyOrganization): Promise<void> {
  const { organizationId, functionIds } = survey;
  await must(
    `mutation { registerOrganization(input: { id: "${organizationId}", name: "${survey.name}" }) { id } }`,
  );
  for (const functionId of functionIds)
    await must(
      `mutation { addFunction(input: { organizationId: "${organizationId}", functionId: "${functionId}", name: "${functionId}" }) { id } }`,
    );
  for (let quarter = 0; quarter < survey.assessments; quarter += 1) {
    const assessmentId = `q${quarter}`;
    await must(
      `mutation { openAssessment(input: { organizationId: "${organizationId}", assessmentId: "${assessmentId}", title: "${assessmentId}", periodEnd: "${quarterEnd(survey.firstYear, quarter)}" }) { id } }`,
    );
    const ratings = functionIds.flatMap((functionId) =>
      SURVEY_CAPABILITY_IDS.flatMap((capabilityId) =>
        Array.from({ length: survey.respondents }, (_, respondent) => {
          const evidence = survey.evidence?.({ quarter, functionId, capabilityId, respondent });
          return {
            functionId,
            capabilityId,
            level: 1 + ((respondent + quarter) % 5),
            source: 'CUSTOMER',
            respondentId: `guest-${respondent}`,
            ...(evidence === undefined ? {} : { evidence }),
          };
        }),
      ),
    );
    await must('mutation($input: RecordRatingsInput!) { recordRatings(input: $input) { id } }', {
      input: { assessmentId, ratings },
    });
    if (survey.leaveLastOpen !== true || quarter < survey.assessments - 1)
      await must(`mutation { closeAssessment(assessmentId: "${assessmentId}") { id } }`);
  }
}
