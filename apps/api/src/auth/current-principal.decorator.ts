import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Principal } from '@app/application';
import type { ClosableSocket } from '../subscriptions/subscription-registry';

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  correlationId?: string;
}

/**
 * What a GraphQL operation runs with: over HTTP the request; over graphql-ws the connection's
 * parameters (where the bearer token travels). The guard puts the caller here once per operation.
 */
export interface OperationContext {
  /** Over graphql-ws, a request-like object without headers: hence Partial. */
  req?: Partial<AuthenticatedRequest>;
  connectionParams?: Readonly<Record<string, unknown>>;
  /** Over graphql-ws, the connection's socket. */
  socket?: ClosableSocket;
  principal?: Principal;
  /** Over graphql-ws, the address the connection came from (over HTTP, `req.ip`). */
  clientAddress?: string;
}

/** Where an operation comes from, for the throttle on failed authentication. */
export const clientAddressOf = (operation: OperationContext): string =>
  operation.req?.ip ?? operation.clientAddress ?? 'unknown';

export function operationContextOf(context: ExecutionContext): OperationContext {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<OperationContext>();
  const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return { req, principal: req.principal };
}

/** The caller the authentication guard established. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const operation = operationContextOf(context);
    const principal = operation.principal ?? operation.req?.principal;
    if (!principal) throw new Error('no principal on the request: the authentication guard did not run');
    return principal;
  },
);
