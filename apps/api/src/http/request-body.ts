import type { ErrorRequestHandler } from 'express';

/**
 * The largest request body the api reads. It bounds the JSON the event loop parses in one go
 * (20 to 55 ms for 8 MB on a loaded 2-core machine) while still taking the largest batch the api documents:
 * `recordRatings` of 5,000 ratings with evidence of about 1,500 characters each on average.
 */
export const MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024;
const MAX_REQUEST_BODY_TEXT = '8 MB';

/** What body-parser says of a body it refused (http-errors' `type`, `status` and `expose`). */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

/**
 * Answers a body the parser refused (too large, not JSON) as every other refusal is answered:
 * the status, and a JSON body shaped like GraphQL's `errors`, saying what to do.
 */
export function requestBodyErrors(): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    const { type } = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
    if (type === 'entity.too.large') {
      response
        .status(413)
        .json(
          refusal(
            'REQUEST_TOO_LARGE',
            `The request body is larger than the ${MAX_REQUEST_BODY_TEXT} the api reads: send less in one request (split a ratings file into smaller files).`,
          ),
        );
      return;
    }
    if (type === 'entity.parse.failed') {
      response
        .status(400)
        .json(refusal('MALFORMED_JSON', 'The request body is not valid JSON: send a JSON object.'));
      return;
    }
    next(error);
  };
}

function refusal(reason: string, message: string): { errors: unknown[] } {
  return { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason } }] };
}
