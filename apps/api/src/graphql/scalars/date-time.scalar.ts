import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DomainError, requireIsoDate } from '@app/domain';

/**
 * An input date: the domain's one rule (ISO-8601, a real calendar day, years 1900-2200), so
 * 2025-02-30 is refused instead of rolling over to 2025-03-02. Its error is not a GraphQLError, so
 * GraphQL reports it at the value (the error mapping then names the field).
 */
const parseInput = (value: unknown): string => requireIsoDate('DateTime', value);

/** A variable's value: refused as bad input (GraphQL names the variable and the path in it). */
function parseVariable(value: unknown): string {
  try {
    return parseInput(value);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', reason: error.code } });
  }
}

/** An output date, as stored: always answered, even if recorded before the input rules tightened. */
function serializeOutput(value: unknown): string {
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
  return new Date(time).toISOString();
}

/** DateTime as ISO-8601 text; the domain keeps dates as normalised ISO strings (UTC). */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'An ISO-8601 date or date-time from 1900 to 2200 (a time without offset is UTC), answered in UTC (e.g. 2025-03-31T00:00:00.000Z). Impossible calendar dates such as 2025-02-30 are refused.',
  serialize: serializeOutput,
  parseValue: parseVariable,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string in ISO-8601 form');
    return parseInput(ast.value);
  },
});
