// The schema's words for bounded inputs, written from the domain's own limits so the two never
// disagree.
import { NUMBER_LIMITS, TEXT_FIELDS } from '@app/domain';

const oneLine = (maxLength: number): string =>
  `One line of plain text, at most ${maxLength} characters (control characters and bidirectional overrides are refused).`;
const prose = (maxLength: number): string =>
  `Plain text, at most ${maxLength} characters; line breaks and tabs are kept, other control characters are refused.`;

export const INPUT_DESCRIPTIONS = {
  commandId:
    'Makes the command idempotent: repeating it with the same commandId answers the first result and appends nothing. Scoped to the organisation and the operation (another organisation reusing it runs a new command). 1 to 128 letters, digits or . _ : - (e.g. a UUID).',
  name: oneLine(TEXT_FIELDS.name.maxLength),
  statement: oneLine(TEXT_FIELDS.statement.maxLength),
  description: prose(TEXT_FIELDS.description.maxLength),
  reason: prose(TEXT_FIELDS.reason.maxLength),
  evidence: prose(TEXT_FIELDS.evidence.maxLength),
  weight: `A weight greater than 0 and at most ${NUMBER_LIMITS.weight} (default 1).`,
  cost: `The cost, from 0 to ${NUMBER_LIMITS.amount.toExponential()} in the organisation's currency.`,
  budget: `The budget, from 0 to ${NUMBER_LIMITS.amount.toExponential()} in the organisation's currency.`,
  effectChange:
    'A change in levels, from -(L - 1) to L - 1 for a model with L levels; low <= likely <= high.',
} as const;
