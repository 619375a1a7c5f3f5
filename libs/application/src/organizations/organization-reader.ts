import { Injectable } from '@nestjs/common';
import {
  type OrganizationEvent,
  type OrganizationState,
  organizationDecider,
  organizationStream,
  requireOrganization,
  type RegisteredOrganizationState,
  requireSlug,
  isSlug,
} from '@app/domain';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { ReadModels } from '../projections/read-models';

/** Loads an organisation's current state from its stream. */
@Injectable()
export class OrganizationReader {
  constructor(
    private readonly streams: StreamStateLoader,
    private readonly readModels: ReadModels,
  ) {}

  /** Every registered organisation, by id. */
  async list(): Promise<RegisteredOrganizationState[]> {
    await this.readModels.ready();
    const states = await Promise.all(this.readModels.index.organizationIds().map((id) => this.find(id)));
    return states
      .filter((state): state is RegisteredOrganizationState => state !== null)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async load(organizationId: string): Promise<OrganizationState> {
    const { state } = await this.streams.load<OrganizationEvent, OrganizationState>(
      organizationStream(organizationId),
      organizationDecider,
    );
    return state;
  }

  /** The registered organisation, or NOT_FOUND naming `field`. */
  async require(organizationId: string, field = 'organizationId'): Promise<RegisteredOrganizationState> {
    return requireOrganization(await this.load(requireSlug(field, organizationId)), field, organizationId);
  }

  /** The organisation, or null when none is registered under that id (or the id is not a slug). */
  async find(organizationId: string): Promise<RegisteredOrganizationState | null> {
    if (!isSlug(organizationId)) return null;
    const state = await this.load(organizationId);
    return state.status === 'REGISTERED' ? state : null;
  }
}
