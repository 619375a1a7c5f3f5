// A tiny GraphQL-over-HTTP client: one POST per operation, bearer token, errors keep their code.
import { type DocumentNode, print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'TOO_MANY_REQUESTS'
  | 'NETWORK'
  | 'SERVER';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** The input field the api named (`extensions.field`), e.g. `name`, `input.periodEnd`, `effects[2].low`. */
    readonly field: string | null = null,
    /** The api's finer reason (`extensions.reason`), e.g. `AUTH.INVITATION_REVOKED`, `LIMIT.HEAVY_WORK_QUEUE`. */
    readonly reason: string | null = null,
    /** When a limit lets the same request through again (`extensions.retryAfterSeconds`). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; field?: string; reason?: string; retryAfterSeconds?: number };
  }[];
}

const knownCodes: readonly string[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'TOO_MANY_REQUESTS',
];

/**
 * Failures that say nothing about what was sent (no connection, a busy or failing server, a limit
 * reached): the same request may succeed later as it is.
 */
export function isTransient(error: Pick<ApiError, 'code'>): boolean {
  return ['NETWORK', 'SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS', 'SERVER'].includes(error.code);
}

function toCode(code: string | undefined): ApiErrorCode {
  return code !== undefined && knownCodes.includes(code) ? (code as ApiErrorCode) : 'SERVER';
}

/** The api's error as the page keeps it: its code, message, field, reason and when to retry. */
function apiErrorOf({
  message,
  extensions,
}: NonNullable<GraphQLResponse<never>['errors']>[number]): ApiError {
  const retryAfter = extensions?.retryAfterSeconds;
  return new ApiError(
    toCode(extensions?.code),
    message,
    extensions?.field ?? null,
    extensions?.reason ?? null,
    typeof retryAfter === 'number' ? retryAfter : null,
  );
}

/** An operation of the page, written with `graphql` (./graphql.ts): its types come from the schema. */
export type Operation<TData, TVariables> = TadaDocumentNode<TData, TVariables>;

// Documents are parsed once by `graphql`; the text sent is printed once per document.
const printed = new WeakMap<DocumentNode, string>();
function documentText(operation: DocumentNode): string {
  let text = printed.get(operation);
  if (text === undefined) {
    text = print(operation);
    printed.set(operation, text);
  }
  return text;
}

/** A file the api sent whole (a report download). */
export interface DownloadedFile {
  fileName: string;
  blob: Blob;
}

export interface ApiClient {
  request<TData, TVariables>(
    operation: Operation<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData>;
  /** GET a download (`/reports/...`) with the token; a refusal keeps its code like a GraphQL error. */
  download(path: string, signal?: AbortSignal): Promise<DownloadedFile>;
}

/**
 * What happened, not what to do: whoever reads it decides that (the dashboard's operator is told to
 * check the api in error-notice.tsx; a rater, that the answer is kept, in rate/rater-wording.ts).
 */
const NO_ANSWER = 'The api did not answer.';

const ATTACHMENT_NAME = /filename="([^"]+)"/;

/** The bearer token for the next request: fixed (an API token), or fresh each time (SSO, refreshed). */
export type TokenSource = string | (() => Promise<string>);

export interface ClientOptions {
  /**
   * Requests outlive the page (fetch `keepalive`): an answer sent as the page is closed or
   * reloaded still reaches the api. Only for small requests (the browser caps their bodies).
   */
  keepalive?: boolean;
}

export function createApiClient(
  tokenSource: TokenSource,
  endpoint = '/graphql',
  { keepalive = false }: ClientOptions = {},
): ApiClient {
  return {
    async request(op, variables, signal) {
      const token = typeof tokenSource === 'string' ? tokenSource : await tokenSource();
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: documentText(op), variables }),
          signal: signal ?? null,
          keepalive,
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new ApiError('NETWORK', NO_ANSWER);
      }
      let body: GraphQLResponse<never>;
      try {
        body = (await response.json()) as GraphQLResponse<never>;
      } catch {
        if (response.status === 401) throw new ApiError('UNAUTHENTICATED', 'The token was not accepted.');
        throw new ApiError('SERVER', `The api answered ${response.status} without a GraphQL body.`);
      }
      const first = body.errors?.[0];
      if (first) throw apiErrorOf(first);
      if (response.status === 401) throw new ApiError('UNAUTHENTICATED', 'The token was not accepted.');
      if (body.data == null)
        throw new ApiError('SERVER', `The api answered ${response.status} without data.`);
      return body.data;
    },
    async download(path, signal) {
      const token = typeof tokenSource === 'string' ? tokenSource : await tokenSource();
      let response: Response;
      try {
        response = await fetch(path, {
          headers: { authorization: `Bearer ${token}` },
          signal: signal ?? null,
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new ApiError('NETWORK', NO_ANSWER);
      }
      if (!response.ok) {
        // Refusals come as GraphQL-shaped JSON errors, never as part of a file.
        const body = (await response.json().catch(() => ({}))) as GraphQLResponse<never>;
        const first = body.errors?.[0];
        throw apiErrorOf(first ?? { message: `The api answered ${response.status}.` });
      }
      const disposition = response.headers.get('content-disposition') ?? '';
      return {
        fileName: ATTACHMENT_NAME.exec(disposition)?.[1] ?? path.split('/').pop()?.split('?')[0] ?? 'report',
        blob: await response.blob(),
      };
    },
  };
}
