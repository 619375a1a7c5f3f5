import { DomainError } from '../shared';
import { fileLineOf, linksFileRecords, PEOPLE_FILE_ERROR_CODES, peopleFromRecords } from './people-file';
import { whoReadsAnswersText } from './who-reads-answers';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe(peopleFromRecords.name, () => {
  it('should read the columns by name in any order and case, lists split on ; | or spaces', () => {
    expect(
      peopleFromRecords([
        ['Functions', 'source', 'Label', 'rater_function', 'capabilities'],
        ['housekeeping', 'self', 'Night shift lead', '', ''],
        [
          'housekeeping; maintenance',
          'PEER',
          'Desk supervisor',
          'front-desk',
          'service-recovery | self-service',
        ],
        ['', '', '', '', ''],
        ['front-desk housekeeping', ' Customer ', '', '', ''],
      ]),
    ).toEqual([
      {
        line: 2,
        respondentId: null,
        label: 'Night shift lead',
        source: 'SELF',
        raterFunctionId: null,
        functionIds: ['housekeeping'],
        capabilityIds: null,
      },
      {
        line: 3,
        respondentId: null,
        label: 'Desk supervisor',
        source: 'PEER',
        raterFunctionId: 'front-desk',
        functionIds: ['housekeeping', 'maintenance'],
        capabilityIds: ['service-recovery', 'self-service'],
      },
      {
        line: 5,
        respondentId: null,
        label: null,
        source: 'CUSTOMER',
        raterFunctionId: null,
        functionIds: ['front-desk', 'housekeeping'],
        capabilityIds: null,
      },
    ]);
  });

  it('should take a respondent column when there is one', () => {
    expect(
      peopleFromRecords([
        ['label', 'source', 'raterFunction', 'functions', 'respondent'],
        ['Auditor', 'AUDIT', '', 'front-desk', 'external-auditor'],
      ])[0]?.respondentId,
    ).toBe('external-auditor');
  });

  it('should refuse a header without the required columns, naming those missing', () => {
    expect(refusal(() => peopleFromRecords([['name', 'source', 'functions']]))).toMatchObject({
      code: PEOPLE_FILE_ERROR_CODES.header,
      field: 'file',
      message: expect.stringContaining('missing: label, raterFunction'),
    });
    expect(refusal(() => peopleFromRecords([]))).toMatchObject({ code: PEOPLE_FILE_ERROR_CODES.header });
  });

  it('should refuse a file with nobody in it', () => {
    expect(
      refusal(() =>
        peopleFromRecords([
          ['label', 'source', 'raterFunction', 'functions'],
          ['', '', '', ''],
        ]),
      ),
    ).toMatchObject({ code: PEOPLE_FILE_ERROR_CODES.empty, field: 'file' });
  });
});

describe(fileLineOf.name, () => {
  const people = peopleFromRecords([
    ['label', 'source', 'raterFunction', 'functions'],
    ['A', 'SELF', '', 'housekeeping'],
    [' ', '', '', ''],
    ['B', 'PEER', '', 'housekeeping'],
  ]);

  it("should point a refusal of the invitations at the person's line and column", () => {
    expect(fileLineOf('invitations[1].raterFunctionId', people)).toBe('line 4, column raterFunction');
    expect(fileLineOf('input.invitations[0].functionIds[2]', people)).toBe('line 2, column functions');
    expect(fileLineOf('invitations[1]', people)).toBe('line 4');
    expect(fileLineOf('expiresAt', people)).toBeNull();
    expect(fileLineOf('invitations[7].source', people)).toBeNull();
  });
});

describe(linksFileRecords.name, () => {
  it('should write the people columns, the link and who reads the answers, lists joined by ;, formulas neutralised, readable back as a people file', () => {
    const records = linksFileRecords([
      {
        label: '=HYPERLINK("http://x")',
        respondentId: 'night-lead',
        source: 'PEER',
        raterFunctionId: 'front-desk',
        functionIds: ['housekeeping', 'maintenance'],
        capabilityIds: ['service-recovery'],
        expiresAt: null,
        link: 'https://example.org/rate#token=invitation-1.s3cret',
      },
    ]);
    expect(records).toEqual([
      [
        'label',
        'respondent',
        'source',
        'raterFunction',
        'functions',
        'capabilities',
        'expiresAt',
        'whoReadsTheAnswers',
        'link',
      ],
      [
        `'=HYPERLINK("http://x")`,
        'night-lead',
        'PEER',
        'front-desk',
        'housekeeping;maintenance',
        'service-recovery',
        '',
        whoReadsAnswersText('PEER'),
        'https://example.org/rate#token=invitation-1.s3cret',
      ],
    ]);
    expect(records[1]?.[7]).toMatch(/at least 3 people of your group .* Planners see group averages only/);
    expect(peopleFromRecords(records)[0]).toMatchObject({
      respondentId: 'night-lead',
      functionIds: ['housekeeping', 'maintenance'],
      capabilityIds: ['service-recovery'],
    });
  });
});
