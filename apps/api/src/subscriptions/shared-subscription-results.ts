// One change to an organisation reaches all of its maturityChanged subscribers as one view object
// (see MaturityChanges). graphql's own `subscribe` would then execute every subscriber's selection
// over that object, on the event loop: 1,000 subscribers stalled the api for about two seconds
// after one write. This `subscribe` executes a selection once per view and operation (document,
// operation name, variables) and hands the same result to every subscriber that asked the same.
// Validation, the same for the same text, is likewise done once per document text, with the api's
// query limits (graphql-ws runs outside Apollo, whose plugins and rules never see a subscription).
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  Kind,
  createSourceEventStream,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  print,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { subscriptionResults } from '../observability/metrics';

/**
 * Subscription fields whose result depends on the payload and the operation alone, never on the
 * caller: access is checked once, when subscribing, and no field below them reads the context.
 * maturityChanged's payload is its organisation's view, the same for every token that may watch it.
 */
const CALLER_INDEPENDENT_FIELDS: ReadonlySet<string> = new Set(['maturityChanged']);

type Results = AsyncIterableIterator<ExecutionResult>;

/** Distinct subscription documents whose validation is remembered (the oldest is forgotten first). */
const VALIDATIONS_KEPT = 256;

/** The operation's identity when its result may be shared, or null when it must run for each caller. */
function sharingKeyOf(args: ExecutionArgs): string | null {
  const operation = getOperationAST(args.document, args.operationName);
  const rootField = operation?.selectionSet.selections[0];
  if (rootField?.kind !== Kind.FIELD || !CALLER_INDEPENDENT_FIELDS.has(rootField.name.value)) return null;
  return JSON.stringify([
    args.operationName ?? null,
    documentText(args.document),
    args.variableValues ?? null,
  ]);
}

/** The text the client sent (kept by the parser), printed only for a document built without it. */
const documentText = (document: DocumentNode): string => document.loc?.source.body ?? print(document);

/** The api's query limits, as they apply to a subscription. */
export interface SubscriptionLimits {
  /** Depth, aliases, directives, suggestions: run with graphql's own rules. */
  validationRules: readonly ValidationRule[];
  /** The refusal of an operation too costly to run (with its variables), or null. */
  costRefusal: (args: ExecutionArgs) => GraphQLError | null;
}

const NO_LIMITS: SubscriptionLimits = { validationRules: [], costRefusal: () => null };

export class SharedSubscriptionResults {
  /** Per payload (a view), its results by operation; forgotten with the payload. */
  private readonly byPayload = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

  /** Validation errors by document text, for `validatedAgainst`. */
  private readonly validations = new Map<string, readonly GraphQLError[]>();
  private validatedAgainst: GraphQLSchema | null = null;

  constructor(private readonly limits: SubscriptionLimits = NO_LIMITS) {}

  /**
   * graphql-ws's `validate` and `subscribe`: graphql's own, validating a document text once and
   * sharing results among identical operations.
   */
  serverOptions(): Pick<ServerOptions, 'subscribe' | 'validate'> {
    return {
      validate: (schema, document) => this.validated(schema, document),
      subscribe: async (args) => {
        const refusal = this.limits.costRefusal(args);
        if (refusal !== null) return { errors: [refusal] };
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const key = sharingKeyOf(args);
        return mapped(stream, (payload) => this.resultOf(payload, key, args));
      },
    };
  }

  private validated(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
    if (schema !== this.validatedAgainst) {
      this.validations.clear();
      this.validatedAgainst = schema;
    }
    const text = documentText(document);
    const known = this.validations.get(text);
    if (known !== undefined) return known;
    // Apollo names its validation failures; graphql-ws does not, and the one error mapping reads the code.
    const errors = validate(schema, document, [...specifiedRules, ...this.limits.validationRules]).map(
      (error) =>
        error.extensions.code === undefined
          ? new GraphQLError(error.message, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
            })
          : error,
    );
    if (this.validations.size >= VALIDATIONS_KEPT) {
      const oldest = this.validations.keys().next();
      if (oldest.done !== true) this.validations.delete(oldest.value);
    }
    this.validations.set(text, errors);
    return errors;
  }

  private resultOf(
    payload: unknown,
    key: string | null,
    args: ExecutionArgs,
  ): ExecutionResult | Promise<ExecutionResult> {
    const run = (): ExecutionResult | Promise<ExecutionResult> => {
      subscriptionResults.inc({ outcome: 'executed' });
      return execute({ ...args, rootValue: payload });
    };
    if (key === null || typeof payload !== 'object' || payload === null) return run();
    let results = this.byPayload.get(payload);
    if (results === undefined) {
      results = new Map();
      this.byPayload.set(payload, results);
    }
    const shared = results.get(key);
    if (shared !== undefined) {
      subscriptionResults.inc({ outcome: 'shared' });
      return shared;
    }
    const result = withPlainData(run());
    results.set(key, result);
    return result;
  }
}

/**
 * The result with its data as plain objects: graphql builds them without a prototype, which
 * JSON.stringify serialises about four times slower, and graphql-ws serialises a shared result
 * once per subscriber. Errors are kept as they are, for the api's error mapping.
 */
async function withPlainData(result: ExecutionResult | Promise<ExecutionResult>): Promise<ExecutionResult> {
  const executed = await result;
  if (executed.data === undefined || executed.data === null) return executed;
  return { ...executed, data: JSON.parse(JSON.stringify(executed.data)) as Record<string, unknown> };
}

/**
 * The stream's payloads through `map`, as graphql's subscribe does: `return` reaches the source at
 * once even while a `next` waits for a payload (an async generator would queue it behind that next).
 */
function mapped(
  stream: AsyncIterable<unknown>,
  map: (payload: unknown) => ExecutionResult | Promise<ExecutionResult>,
): Results {
  const source = stream[Symbol.asyncIterator]();
  const close = async (): Promise<void> => {
    await source.return?.().catch(() => undefined);
  };
  const resultOf = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (step.done === true) return { value: undefined, done: true };
    try {
      return { value: await map(step.value), done: false };
    } catch (error) {
      await close();
      throw error;
    }
  };
  return {
    next: async () => resultOf(await source.next()),
    return: async () => {
      await close();
      return { value: undefined, done: true };
    },
    throw: async (error: unknown) => {
      if (source.throw !== undefined) return resultOf(await source.throw(error));
      await close();
      throw error instanceof Error ? error : new Error(String(error));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
