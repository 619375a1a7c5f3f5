import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { operationContextOf } from '../auth/current-principal.decorator';

/**
 * Where the people the office invites open their links: the page's own origin when a browser
 * calls (its Origin header), else the address the request came to.
 */
export const LinkOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = operationContextOf(context).req;
  const origin = request?.headers?.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/i.test(origin)) return origin;
  const host = request?.headers?.host;
  const protocol = request?.protocol ?? 'http';
  return typeof host === 'string' && host !== '' ? `${protocol}://${host}` : 'http://localhost';
});
