import { HistoryService } from './history.service';
import { IntegrityService } from './integrity.service';
import { OrganizationEvents } from './organization-events';
import { OrganizationStreams } from './organization-streams';

export * from './history.service';
export * from './integrity.service';
export * from './integrity-fingerprint';
export * from './organization-events';
export * from './organization-streams';
export * from './store-integrity';

/** The audit services, provided by the ApplicationModule to the api and the cli alike. */
export const auditProviders = [OrganizationStreams, OrganizationEvents, HistoryService, IntegrityService];
