// POST /graphql with a bearer token, for tests against an api process.
export interface GraphQLError {
  message: string;
  path?: string[];
  extensions?: { code?: string; field?: string; reason?: string; stacktrace?: unknown };
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
}

export async function postGraphql<T = Record<string, unknown>>(
  baseUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}

export const errorCodes = (answer: GraphQLAnswer<unknown>): string[] =>
  (answer.errors ?? []).map((error) => error.extensions?.code ?? 'NONE');
