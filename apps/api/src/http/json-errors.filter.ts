import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import {
  type ApiErrorAnswer,
  type ApiErrorCode,
  describeApiError,
  httpStatusOf,
} from '../graphql/error-mapping';

const CODE_OF_HTTP_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Errors of plain HTTP routes (the downloads), through the same mapping as GraphQL: the status
 * that goes with the code, and a JSON body shaped like GraphQL's `errors`, so a client reads
 * both alike. Nothing of a file has been sent when this answers: the routes build theirs whole first.
 */
@Catch()
export class JsonErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer = describeApiError(error) ?? this.fallback(error);
    const { code, retryAfterSeconds } = answer.extensions;
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response
      .status(httpStatusOf(code))
      .json({ errors: [{ message: answer.message ?? 'Request refused', extensions: answer.extensions }] });
  }

  private fallback(error: unknown): ApiErrorAnswer {
    if (error instanceof HttpException) {
      const code = CODE_OF_HTTP_STATUS[error.getStatus()];
      if (code !== undefined) return { message: error.message, extensions: { code } };
    }
    this.logger.error(error);
    return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}
