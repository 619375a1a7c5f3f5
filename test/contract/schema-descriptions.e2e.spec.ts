// GraphiQL explains the api by itself: every type, field, argument, input field and enum value of
// the served schema carries a description. A new field without one fails here, by name.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

interface Described {
  name: string;
  description: string | null;
}

interface SchemaType extends Described {
  kind: string;
  fields: (Described & { args: Described[] })[] | null;
  inputFields: Described[] | null;
  enumValues: Described[] | null;
}

const introspection = `{
  __schema {
    types {
      kind name description
      fields(includeDeprecated: true) { name description args { name description } }
      inputFields { name description }
      enumValues(includeDeprecated: true) { name description }
    }
  }
}`;

/** GraphQL's own types and scalars are described by graphql-js. */
const isBuiltIn = (name: string) =>
  name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(name);

const missing = (item: Described) => (item.description ?? '').trim() === '';

describe('Schema descriptions (e2e)', () => {
  let api: TestApi;
  let types: SchemaType[];

  beforeAll(async () => {
    api = await startTestApi();
    types = (await api.mustQuery<{ __schema: { types: SchemaType[] } }>(introspection)).__schema.types.filter(
      (type) => !isBuiltIn(type.name),
    );
  });

  afterAll(async () => {
    await api.close();
  });

  it('should describe every type', () => {
    expect(types.filter(missing).map((type) => type.name)).toEqual([]);
  });

  it('should describe every field and every argument', () => {
    const undescribed = types.flatMap((type) =>
      (type.fields ?? []).flatMap((field) => [
        ...(missing(field) ? [`${type.name}.${field.name}`] : []),
        ...field.args.filter(missing).map((arg) => `${type.name}.${field.name}(${arg.name})`),
      ]),
    );
    expect(undescribed).toEqual([]);
  });

  it('should describe every input field', () => {
    const undescribed = types.flatMap((type) =>
      (type.inputFields ?? []).filter(missing).map((field) => `${type.name}.${field.name}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('should describe every enum value', () => {
    const undescribed = types.flatMap((type) =>
      (type.enumValues ?? []).filter(missing).map((value) => `${type.name}.${value.name}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('should find the schema it checks', () => {
    expect(types.map((type) => type.name)).toEqual(
      expect.arrayContaining(['Query', 'Mutation', 'Organization']),
    );
  });
});
