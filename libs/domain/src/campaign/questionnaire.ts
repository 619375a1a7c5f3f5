// What a rater is asked: one question per cell of the invitation, with the capability's
// descriptor for each level as the choices, and the answer in force (if any) or "Not sure".
import { findCapability, type MaturityModel } from '../maturity-model';
import { findFunction, retiredFunctionIds, type Organization } from '../organization';
import { answerKey, type CampaignAnswers } from './campaign-progress';
import { askedCells, type Invitation } from './invitations';

export interface QuestionLevel {
  value: number;
  name: string;
  /** The capability's descriptor for this level; the level's general description when it has none. */
  description: string | null;
}

export interface Question {
  functionId: string;
  functionName: string;
  capabilityId: string;
  capabilityName: string;
  levels: QuestionLevel[];
  /** The level in force for this respondent, or null when not (yet) answered. */
  answer: number | null;
  /** True when the respondent chose "Not sure" and has not answered since (answer is then null). */
  notSure: boolean;
  evidence: string | null;
  /** True when the answer's evidence was erased; evidence is then null. */
  evidenceErased: boolean;
}

/**
 * A function retired (as of the end of the period rated, `periodEnd`) after the invitation was
 * issued is asked about no more; the answers already given are kept.
 */
export function questionsOf(
  invitation: Invitation,
  { ratings, setAside }: CampaignAnswers,
  organization: Organization,
  model: MaturityModel,
  periodEnd: string,
): Question[] {
  return askedCells(invitation, retiredFunctionIds(organization, periodEnd)).map((cell) => {
    const capability = findCapability(model, cell.capabilityId);
    const key = answerKey(invitation, cell);
    const rating = ratings.byKey.get(key);
    return {
      ...cell,
      functionName: findFunction(organization, cell.functionId)?.name ?? cell.functionId,
      capabilityName: capability?.name ?? cell.capabilityId,
      levels: model.levels.map((level, index) => ({
        value: level.value,
        name: level.name,
        description: capability?.descriptors[index] ?? level.description,
      })),
      answer: rating?.level ?? null,
      notSure: rating === undefined && setAside.has(key),
      evidence: rating?.evidence ?? null,
      evidenceErased: rating?.evidenceErased ?? false,
    };
  });
}
