// Models: every published maturity model with its levels and each capability's descriptors;
// admins publish a new model (or version) from a form or an uploaded JSON file.
import { useState } from 'preact/hooks';
import type { MaturityModel } from '../api/types';
import { ScrollRegion } from '../shared/scroll-region';
import { useSession } from '../shell/session';
import type { Workspace } from '../shell/workspace';
import { PublishModelForm } from './publish-model-form';
import './models.css';

/** The latest version of each model, in the order first published. */
function latestVersions(models: readonly MaturityModel[]): MaturityModel[] {
  const latest = new Map<string, MaturityModel>();
  for (const model of models) {
    const current = latest.get(model.id);
    if (!current || model.version > current.version) latest.set(model.id, model);
  }
  return [...latest.values()];
}

export function ModelsScreen({ models, reload }: Workspace) {
  const session = useSession();
  const latest = latestVersions(models);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = latest.find((model) => model.id === selectedId) ?? latest[0] ?? null;
  const [publishing, setPublishing] = useState(false);

  return (
    <div class="screen" data-testid="models-screen">
      <header class="page__header">
        <div>
          <h1 class="page__title">Maturity models</h1>
          <p class="page__purpose">
            The levels every capability is rated on, and what each level looks like for each capability.
          </p>
        </div>
        {latest.length > 1 && (
          <label class="field field--inline">
            <span class="field__label">Model</span>
            <select
              class="input input--select"
              value={selected?.id}
              onChange={(event) => {
                setSelectedId(event.currentTarget.value);
              }}
            >
              {latest.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.name} (v{model.version})
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {selected && <ModelDetail model={selected} />}
      {session.can('publishMaturityModel') && (
        <section class="card" aria-labelledby="publish-title">
          <header class="card__header">
            <h2 id="publish-title" class="card__title">
              Publish a model
            </h2>
            <p class="card__subtitle">
              A new id starts a model at version 1; an existing id adds a version (organisations stay on the
              version they were registered with).
            </p>
          </header>
          {publishing ? (
            <PublishModelForm
              startFrom={null}
              onPublished={(model) => {
                setSelectedId(model.id);
                reload();
              }}
            />
          ) : (
            <button
              type="button"
              class="button"
              onClick={() => {
                setPublishing(true);
              }}
            >
              Publish a model…
            </button>
          )}
        </section>
      )}
    </div>
  );
}

function ModelDetail({ model }: { model: MaturityModel }) {
  return (
    <section class="card" aria-labelledby="model-title" data-model={model.id}>
      <header class="card__header">
        <h2 id="model-title" class="card__title">
          {model.name}{' '}
          <span class="muted">
            · {model.id} v{model.version}
          </span>
        </h2>
        <p class="card__subtitle">
          {model.levels.length} levels · {model.capabilities.length} capabilities
        </p>
      </header>
      <ol class="model-levels">
        {model.levels.map((level) => (
          <li key={level.value}>
            <strong>
              {level.value} · {level.name}
            </strong>
            {level.description && <span class="muted"> — {level.description}</span>}
          </li>
        ))}
      </ol>
      <ScrollRegion label={`Descriptors of ${model.name}`}>
        <table class="table table--cards model-descriptors">
          <caption class="visually-hidden">What each level looks like, per capability</caption>
          <thead>
            <tr>
              <th scope="col">Capability</th>
              {model.levels.map((level) => (
                <th scope="col" key={level.value}>
                  {level.value} · {level.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.capabilities.map((capability) => (
              <tr key={capability.id} data-capability={capability.id}>
                <th scope="row">
                  {capability.name}
                  <span class="model-descriptors__meta">
                    {capability.dimension} · weight {capability.weight}
                  </span>
                </th>
                {model.levels.map((level, index) => (
                  <td key={level.value} data-label={`${level.value} · ${level.name}`}>
                    {capability.descriptors[index] ?? <span class="muted">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
