import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';

/**
 * Refusals (bad input, unknown ids, conflicts, missing rights) are answers, not server faults:
 * hand them to the error mapping untouched, so Nest does not log each one as an error with a stack.
 */
@Catch(DomainError, WrongExpectedRevisionError)
export class ExpectedErrorsFilter implements GqlExceptionFilter {
  catch(error: DomainError | WrongExpectedRevisionError): DomainError | WrongExpectedRevisionError {
    return error;
  }
}
