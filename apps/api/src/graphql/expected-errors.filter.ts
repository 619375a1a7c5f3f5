import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { IdentityProviderUnavailableError } from '../auth/access-errors';

type ExpectedError = DomainError | WrongExpectedRevisionError | IdentityProviderUnavailableError;

/**
 * Refusals (bad input, unknown ids, conflicts, missing rights) are answers, not server faults:
 * hand them to the error mapping untouched, so Nest does not log each one as an error with a stack.
 * An unreachable identity provider is logged once where it is found, without a stack.
 */
@Catch(DomainError, WrongExpectedRevisionError, IdentityProviderUnavailableError)
export class ExpectedErrorsFilter implements GqlExceptionFilter {
  catch(error: ExpectedError): ExpectedError {
    return error;
  }
}
