// Publishing a maturity model.
import { graphql, type VariablesOf } from '../api/graphql';
import { maturityModelFields } from '../api/queries';

export const publishMaturityModelMutation = graphql(
  `
    mutation PublishMaturityModel($input: PublishMaturityModelInput!) {
      publishMaturityModel(input: $input) {
        ...MaturityModelFields
      }
    }
  `,
  [maturityModelFields],
);

/** A model being edited: publishMaturityModel's input, every optional part written out. */
export interface ModelDraft {
  id: string;
  name: string;
  levels: { value: number; name: string; description: string | null }[];
  capabilities: {
    id: string;
    name: string;
    dimension: string;
    weight: number | null;
    descriptors: string[] | null;
  }[];
}

// The draft is sent as it is: a compile error here means the input changed shape.
export const asPublishInput = (
  draft: ModelDraft,
): VariablesOf<typeof publishMaturityModelMutation>['input'] => draft;
