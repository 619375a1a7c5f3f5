import { SetMetadata } from '@nestjs/common';
import type { ACCESS_POLICY } from './access-policy';

export const DOWNLOAD_ROUTE = 'auth:download';

export type DownloadName = keyof (typeof ACCESS_POLICY)['Download'];

/** An HTTP download, authorised by its rule in the access policy like a GraphQL root field. */
export const Download = (name: DownloadName): MethodDecorator => SetMetadata(DOWNLOAD_ROUTE, name);
