import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// ISO-8601 date or date-time: 2025-03-31, 2025-03-31T12:00:00Z, 2025-03-31T12:00:00.000+02:00.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseIso(value: unknown): string {
  if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `DateTime must be an ISO-8601 date such as 2025-03-31 or 2025-03-31T00:00:00Z, got ${JSON.stringify(value)}`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return new Date(value).toISOString();
}

/** DateTime as ISO-8601 text; the domain keeps dates as normalised ISO strings (UTC). */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date or date-time, answered in UTC (e.g. 2025-03-31T00:00:00.000Z).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseIso(value)),
  parseValue: parseIso,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DateTime must be a string in ISO-8601 form', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parseIso(ast.value);
  },
});
