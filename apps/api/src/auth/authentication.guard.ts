import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ACCESS_ERROR_CODES, type Principal } from '@app/application';
import {
  ASSESSMENT_ERROR_CODES,
  CAMPAIGN_ERROR_CODES,
  DomainError,
  type DomainErrorCode,
  INVESTMENT_ERROR_CODES,
  unknownId,
  ORGANIZATION_ERROR_CODES,
} from '@app/domain';
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
      throw forbidden(
        'This route is not public and not part of the GraphQL api',
        ACCESS_ERROR_CODES.notPublic,
      );
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
        ACCESS_ERROR_CODES.noRule,
      );
    }
    if (!allowsAnyOf(rule, principal.roles)) {
      throw forbidden(
        `${fieldName}: the role ${principal.roles.join(', ')} may not run this operation`,
        ACCESS_ERROR_CODES.role,
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

  /**
   * Every organisation the operation names (itself, or through an assessment or investment) must
   * be one the caller reaches. An id of another organisation answers exactly as an unknown id
   * does (NOT_FOUND naming the argument, never the organisation), so a scoped caller cannot learn
   * which ids exist elsewhere.
   */
  private async checkOrganizations(
    principal: Principal,
    rule: AccessRule,
    args: Record<string, unknown>,
  ): Promise<void> {
    const reaches = (organizationId: string | null): boolean =>
      organizationId !== null && principal.organizationIds.includes(organizationId);
    for (const source of rule.organizations) {
      const value = argumentAt(args, source.argument);
      switch (source.kind) {
        case 'organization':
          // Left out (verifyIntegrity over the whole store): a global check, no organisation to match.
          if (value !== undefined && value !== null && !reaches(idOf(value))) throw unknownAt(source);
          break;
        case 'assessment':
          if (!reaches(await this.resources.ofAssessment(idOf(value)))) throw unknownAt(source);
          break;
        case 'investment':
          if (!reaches(await this.resources.ofInvestment(idOf(value)))) throw unknownAt(source);
          break;
        case 'invitation':
          if (!reaches(await this.resources.ofInvitation(idOf(value)))) throw unknownAt(source);
          break;
        case 'investments': {
          const ids = Array.isArray(value) ? value.map(idOf) : [];
          const organizations = await Promise.all(ids.map((id) => this.resources.ofInvestment(id)));
          const position = organizations.findIndex((organizationId) => !reaches(organizationId));
          if (position >= 0) throw unknownAt(source, position);
          break;
        }
      }
    }
  }
}

const UNKNOWN: Readonly<Record<OrganizationSource['kind'], { noun: string; code: DomainErrorCode }>> = {
  organization: { noun: 'organisation', code: ORGANIZATION_ERROR_CODES.notFound },
  assessment: { noun: 'assessment', code: ASSESSMENT_ERROR_CODES.notFound },
  investment: { noun: 'investment', code: INVESTMENT_ERROR_CODES.notFound },
  investments: { noun: 'investment', code: INVESTMENT_ERROR_CODES.notFound },
  invitation: { noun: 'invitation', code: CAMPAIGN_ERROR_CODES.invitationNotFound },
};

/** The one answer for an id that does not exist or that the caller does not reach: it names neither. */
function unknownAt(source: OrganizationSource, position?: number): DomainError {
  const { noun, code } = UNKNOWN[source.kind];
  return unknownId(position === undefined ? source.argument : `${source.argument}[${position}]`, noun, code);
}

const isUnauthenticated = (error: unknown): boolean =>
  error instanceof DomainError && error.kind === 'unauthenticated';

/** One caller for per-caller limits: a token, or a person of the identity provider. */
const callerKeyOf = (principal: Principal): string => `${principal.kind}/${principal.subject}`;

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
