import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '@app/application';
import { DomainError } from '@app/domain';
import { forbidden } from './access-errors';
import {
  accessRuleOf,
  allowsAnyOf,
  isRootType,
  type AccessRule,
  type OrganizationSource,
  type RootType,
} from './access-policy';
import { Authenticator } from './authenticator';
import {
  type AuthenticatedRequest,
  clientAddressOf,
  type OperationContext,
  operationContextOf,
} from './current-principal.decorator';
import { DOWNLOAD_ROUTE, type DownloadName } from './download.decorator';
import { PUBLIC_ROUTE } from './public.decorator';
import { FailedAuthenticationThrottle, RateLimiter } from './rate-limiter';
import { ResourceOrganizations } from './resource-organizations';

/**
 * Every operation (a GraphQL root field or a download): who is calling (a bearer API token or an
 * identity provider's access token), whether the access policy lets one of its roles run it, and
 * whether every organisation it touches is one the caller reaches.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly rateLimiter: RateLimiter,
    private readonly failedAuthentications: FailedAuthenticationThrottle,
    private readonly resources: ResourceOrganizations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    if (context.getType<string>() !== 'graphql') return this.canDownload(context);
    const graphqlContext = GqlExecutionContext.create(context);
    const info = graphqlContext.getInfo<GraphQLResolveInfo>();
    const rootType = info.parentType.name;
    // Field resolvers below a root field were authorised with it.
    if (!isRootType(rootType)) return true;
    await this.authorise(
      rootType,
      info.fieldName,
      operationContextOf(context),
      graphqlContext.getArgs<Record<string, unknown>>(),
    );
    return true;
  }

  /** A download runs under its rule in the same table; its arguments are the query string. */
  private async canDownload(context: ExecutionContext): Promise<boolean> {
    const download = this.reflector.get<DownloadName | undefined>(DOWNLOAD_ROUTE, context.getHandler());
    if (download === undefined) {
      throw forbidden('This route is not public and not part of the GraphQL api', 'ACCESS.NOT_PUBLIC');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    await this.authorise('Download', download, { req: request }, request.query);
    return true;
  }

  /** The caller, then whether the policy lets its role run the operation on every organisation it names. */
  private async authorise(
    rootType: RootType,
    fieldName: string,
    operation: OperationContext,
    args: Record<string, unknown>,
  ): Promise<void> {
    const principal = await this.principalOf(operation);
    const rule = accessRuleOf(rootType, fieldName);
    if (rule === undefined) {
      throw forbidden(
        `${fieldName}: no role may run this operation (it has no access rule)`,
        'ACCESS.NO_RULE',
      );
    }
    if (!allowsAnyOf(rule, principal.roles)) {
      throw forbidden(
        `${fieldName}: the role ${principal.roles.join(', ')} may not run this operation`,
        'ACCESS.ROLE',
      );
    }
    if (!principal.allOrganizations) await this.checkOrganizations(principal, rule, args);
  }

  /** Authenticates once per operation context (one HTTP request may run several root fields). */
  private async principalOf(operation: OperationContext): Promise<Principal> {
    if (operation.principal) return operation.principal;
    const clientAddress = clientAddressOf(operation);
    this.failedAuthentications.refuseIfThrottled(clientAddress);
    const principal = await this.authenticator
      .principalOf(
        operation.req?.headers?.authorization ?? authorizationParameter(operation.connectionParams),
      )
      .catch((error: unknown) => {
        if (isUnauthenticated(error)) this.failedAuthentications.recordFailure(clientAddress);
        throw error;
      });
    this.rateLimiter.take(callerKeyOf(principal));
    operation.principal = principal;
    if (operation.req) operation.req.principal = principal;
    return principal;
  }

  private async checkOrganizations(
    principal: Principal,
    rule: AccessRule,
    args: Record<string, unknown>,
  ): Promise<void> {
    for (const source of rule.organizations) {
      for (const organizationId of await this.organizationsOf(source, args)) {
        if (!principal.organizationIds.includes(organizationId)) {
          throw forbidden(
            `${source.argument}: you do not reach organisation "${organizationId}"`,
            'ACCESS.ORGANIZATION',
            source.argument,
          );
        }
      }
    }
  }

  private async organizationsOf(
    source: OrganizationSource,
    args: Record<string, unknown>,
  ): Promise<string[]> {
    const value = argumentAt(args, source.argument);
    switch (source.kind) {
      case 'organization':
        // Left out (verifyIntegrity over the whole store): a global check, no organisation to match.
        return value === undefined || value === null ? [] : [idOf(value)];
      case 'assessment':
        return present(await this.resources.ofAssessment(idOf(value)));
      case 'investment':
        return present(await this.resources.ofInvestment(idOf(value)));
      case 'investments': {
        const ids = Array.isArray(value) ? value.map(idOf) : [];
        return (await Promise.all(ids.map((id) => this.resources.ofInvestment(id)))).flatMap(present);
      }
    }
  }
}

const isUnauthenticated = (error: unknown): boolean =>
  error instanceof DomainError && error.kind === 'unauthenticated';

/** One caller for per-caller limits: a token, or a person of the identity provider. */
const callerKeyOf = (principal: Principal): string => `${principal.kind}/${principal.subject}`;

const present = (organizationId: string | null): string[] =>
  organizationId === null ? [] : [organizationId];

/** GraphQL has already coerced ID arguments to strings; anything else is compared as its JSON. */
const idOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function argumentAt(args: Record<string, unknown>, path: string): unknown {
  let value: unknown = args;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function authorizationParameter(
  parameters: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  const value = parameters?.authorization ?? parameters?.Authorization;
  return typeof value === 'string' ? value : undefined;
}
