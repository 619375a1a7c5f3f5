import type { QuestionnaireView, RaterInvitationView } from '@app/application';
import { RatingSource } from '../graphql/enums/enums';
import type { Questionnaire, RaterInvitation } from './campaign.model';

export const toRaterInvitation = ({ source, ...view }: RaterInvitationView): RaterInvitation => ({
  ...view,
  source: RatingSource[source],
});

export const toQuestionnaire = ({ source, ...view }: QuestionnaireView): Questionnaire => ({
  ...view,
  source: RatingSource[source],
});
