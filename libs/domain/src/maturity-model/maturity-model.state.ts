import type { MaturityModel } from './maturity-model';
import type { MaturityModelEvent } from './maturity-model.events';

export type MaturityModelState =
  | { status: 'NONE' }
  | {
      status: 'PUBLISHED';
      latest: MaturityModel;
      /** Every published version, oldest first; organisations stay pinned to theirs. */
      versions: MaturityModel[];
    };

export const initialMaturityModelState = (): MaturityModelState => ({ status: 'NONE' });

export function evolveMaturityModel(
  state: MaturityModelState,
  event: MaturityModelEvent,
): MaturityModelState {
  // One event type so far: MaturityModelPublished.
  const { publishedAt: _publishedAt, ...model } = event.data;
  const versions = state.status === 'PUBLISHED' ? state.versions : [];
  return { status: 'PUBLISHED', latest: model, versions: [...versions, model] };
}

/** A published version of the model, the latest when no version is given. */
export function maturityModelVersion(
  state: MaturityModelState,
  version?: number | null,
): MaturityModel | undefined {
  if (state.status === 'NONE') return undefined;
  if (version === undefined || version === null) return state.latest;
  return state.versions.find((model) => model.version === version);
}
