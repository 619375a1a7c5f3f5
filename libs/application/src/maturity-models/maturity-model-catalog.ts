import { textField } from '../event-store/event-data';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  DEFAULT_MATURITY_MODEL,
  MATURITY_MODEL_ERROR_CODES,
  type MaturityModel,
  type MaturityModelEvent,
  maturityModelDecider,
  maturityModelStream,
  maturityModelVersion,
  notFound,
} from '@app/domain';
import { StreamStateLoader } from '../streams/stream-state-loader';

/** Reads maturity models; published versions never change, so they are cached once read. */
@Injectable()
export class MaturityModelCatalog {
  private readonly pinned = new Map<string, MaturityModel>();

  constructor(
    private readonly streams: StreamStateLoader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** A version of a model (the latest when none is given), or undefined when unknown. */
  async find(modelId: string, version?: number | null): Promise<MaturityModel | undefined> {
    if (version !== undefined && version !== null) {
      const cached = this.pinned.get(`${modelId}@${version}`);
      if (cached) return cached;
    }
    const { state } = await this.streams.load<
      MaturityModelEvent,
      ReturnType<typeof maturityModelDecider.initialState>
    >(maturityModelStream(modelId), maturityModelDecider);
    const model = maturityModelVersion(state, version);
    if (model) this.pinned.set(`${model.id}@${model.version}`, model);
    return model;
  }

  /** The version an organisation or assessment is pinned to; its absence is a broken store. */
  async require(modelId: string, version: number, field = 'modelId'): Promise<MaturityModel> {
    const model = await this.find(modelId, version);
    if (!model)
      throw notFound(
        field,
        `${field}: maturity model "${modelId}" version ${version} is not published`,
        MATURITY_MODEL_ERROR_CODES.notFound,
      );
    return model;
  }

  /** The latest version of every model, the default first. */
  async list(): Promise<MaturityModel[]> {
    const published = await this.store.readAll({ eventTypes: ['MaturityModelPublished'] });
    const ids = [...new Set(published.map((event) => textField(event.data, 'id')))];
    const models = await Promise.all(ids.map((id) => this.find(id)));
    return models
      .filter((model): model is MaturityModel => model !== undefined)
      .sort(
        (a, b) =>
          Number(b.id === DEFAULT_MATURITY_MODEL.id) - Number(a.id === DEFAULT_MATURITY_MODEL.id) ||
          a.id.localeCompare(b.id),
      );
  }
}
