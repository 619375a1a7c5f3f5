// Publishing a maturity model.
import { operation } from '../api/client';
import type { MaturityModel } from '../api/types';

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

export const publishMaturityModelMutation = operation<
  { publishMaturityModel: MaturityModel },
  { input: ModelDraft }
>(`
  mutation PublishMaturityModel($input: PublishMaturityModelInput!) {
    publishMaturityModel(input: $input) {
      id version name
      levels { value name description }
      capabilities { id name dimension weight descriptors }
    }
  }
`);
