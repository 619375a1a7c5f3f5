// One argument for every maturity read that may leave out what is still open: said once.
import type { ArgsOptions } from '@nestjs/graphql';

export const INCLUDE_OPEN_ASSESSMENTS: ArgsOptions = {
  type: () => Boolean,
  nullable: true,
  defaultValue: true,
  description:
    'true (the default): assessments still open count, provisionally (listed in openAssessments). false: they count nowhere, so only closed assessments are shown.',
};
