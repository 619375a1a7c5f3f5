// The served schema keeps every name and type docs/reference/api-contract.graphql fixes;
// more fields and operations are welcome, fewer or different ones are not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startTestApi, type TestApi } from '../support/test-api';

// The contract names these without declaring them.
const UNDECLARED = 'scalar DateTime\nscalar JSON\ntype HistoryConnection { pageInfo: Int }\n';

function contractDifferences(contract: GraphQLSchema, served: GraphQLSchema): string[] {
  const differences: string[] = [];
  for (const [name, type] of Object.entries(contract.getTypeMap())) {
    if (name.startsWith('__') || name === 'HistoryConnection') continue;
    const servedType = served.getType(name);
    if (!servedType) {
      differences.push(`type ${name} is missing`);
      continue;
    }
    if (isEnumType(type)) {
      const values = new Set(isEnumType(servedType) ? servedType.getValues().map((value) => value.name) : []);
      for (const value of type.getValues())
        if (!values.has(value.name)) differences.push(`${name}.${value.name} is missing`);
    }
    if (!(isObjectType(type) || isInputObjectType(type))) continue;
    if (!(isObjectType(servedType) || isInputObjectType(servedType))) {
      differences.push(`${name} is not an object or input type`);
      continue;
    }
    const servedFields: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField> =
      servedType.getFields();
    for (const [fieldName, field] of Object.entries<GraphQLField<unknown, unknown> | GraphQLInputField>(
      type.getFields(),
    )) {
      const servedField = servedFields[fieldName];
      if (!servedField) {
        differences.push(`${name}.${fieldName} is missing`);
        continue;
      }
      if (String(servedField.type) !== String(field.type)) {
        differences.push(
          `${name}.${fieldName} is ${String(servedField.type)}, the contract says ${String(field.type)}`,
        );
      }
      if (!('args' in field) || !('args' in servedField)) continue;
      for (const argument of field.args) {
        const servedArgument = servedField.args.find((candidate) => candidate.name === argument.name);
        if (String(servedArgument?.type) !== String(argument.type)) {
          differences.push(
            `${name}.${fieldName}(${argument.name}) is ${String(servedArgument?.type)}, the contract says ${String(argument.type)}`,
          );
        }
      }
    }
  }
  return differences;
}

describe('The GraphQL contract', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('should serve every type, field, argument and enum value of the contract with the same types', () => {
    const contract = buildSchema(
      UNDECLARED + readFileSync(path.join(__dirname, '../../docs/reference/api-contract.graphql'), 'utf8'),
      {
        assumeValid: true,
      },
    );
    const served = api.app.get(GraphQLSchemaHost).schema;
    expect(contractDifferences(contract, served)).toEqual([]);
  });

  it('should serve the Relay-style history connection the contract describes', () => {
    const served = api.app.get(GraphQLSchemaHost).schema;
    const node = served.getType('HistoryConnection');
    expect(isObjectType(node)).toBe(true);
    const edgeType = String(isObjectType(node) ? node.getFields().edges?.type : '');
    expect(edgeType).toMatch(/\[\w+!\]!/);
  });
});
