import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  API_TOKEN_ERROR_CODES,
  ASSESSMENT_ERROR_CODES,
  CAMPAIGN_ERROR_CODES,
  type DomainErrorCodes,
  GENERIC_ERROR_CODES,
  INVESTMENT_ERROR_CODES,
  MATURITY_MODEL_ERROR_CODES,
  ORGANIZATION_ERROR_CODES,
  PEOPLE_FILE_ERROR_CODES,
  PERSONAL_DATA_ERROR_CODES,
  REPORT_ERROR_CODES,
  SCENARIO_ERROR_CODES,
  VALIDATION_ERROR_CODES,
} from '@app/domain';
import { ACCESS_ERROR_CODES, AUTH_ERROR_CODES } from '../../libs/application/src/auth/auth.errors';
import { CONCURRENCY_ERROR_CODES } from '../../libs/application/src/command-handling/command-handling.errors';
import { DEMO_ERROR_CODES } from '../../libs/application/src/demo/load-demo';
import { LIMIT_ERROR_CODES } from '../../libs/application/src/errors/limit.errors';

// Every module that registers codes must be listed here: a module missing from this object does
// not compile, so a new module's codes cannot escape the documentation.
const CODES_OF_MODULE: {
  [Module in keyof DomainErrorCodes]: Readonly<Record<string, DomainErrorCodes[Module]>>;
} = {
  generic: GENERIC_ERROR_CODES,
  validation: VALIDATION_ERROR_CODES,
  organization: ORGANIZATION_ERROR_CODES,
  maturityModel: MATURITY_MODEL_ERROR_CODES,
  assessment: ASSESSMENT_ERROR_CODES,
  campaign: CAMPAIGN_ERROR_CODES,
  peopleFile: PEOPLE_FILE_ERROR_CODES,
  investment: INVESTMENT_ERROR_CODES,
  scenario: SCENARIO_ERROR_CODES,
  personalData: PERSONAL_DATA_ERROR_CODES,
  report: REPORT_ERROR_CODES,
  apiToken: API_TOKEN_ERROR_CODES,
  auth: AUTH_ERROR_CODES,
  access: ACCESS_ERROR_CODES,
  demo: DEMO_ERROR_CODES,
  concurrency: CONCURRENCY_ERROR_CODES,
  limit: LIMIT_ERROR_CODES,
};

const API_REFERENCE = path.resolve(__dirname, '..', '..', 'docs', 'reference', 'api.md');

/** The codes in the table of the reference's "Refusal reasons" section. */
function documentedReasons(): string[] {
  const markdown = readFileSync(API_REFERENCE, 'utf8');
  const section = markdown.split('### Refusal reasons')[1]?.split(/\n#{2,3} /)[0] ?? '';
  const tableRows = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| module'));
  return tableRows.flatMap((row) =>
    [...(row.split('|')[2] ?? '').matchAll(/`([A-Z_.]+)`/g)].map((match) => match[1] ?? ''),
  );
}

describe('refusal reasons', () => {
  const codes = Object.values(CODES_OF_MODULE).flatMap((module) => Object.values(module));

  it('should document every code of every module, once, and no other', () => {
    const documented = documentedReasons();
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...codes].sort());
  });

  it('should give every code to one module only, each module under one prefix', () => {
    expect(new Set(codes).size).toBe(codes.length);
    const { generic: _generic, ...modules } = CODES_OF_MODULE;
    for (const [module, moduleCodes] of Object.entries(modules)) {
      const prefixes = new Set(Object.values(moduleCodes).map((code) => code.split('.')[0]));
      expect({ module, prefixes: prefixes.size }).toEqual({ module, prefixes: 1 });
    }
  });
});
