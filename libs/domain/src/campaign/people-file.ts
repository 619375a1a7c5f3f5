// A people file: the office's list of whom to invite, one person a line, as the page's upload and
// the command line's `invite --file` read it. The header names the columns (any order, any case):
// label, source, raterFunction, functions, and optionally capabilities and respondent. Lists
// within a cell (functions, capabilities) are separated by ";", "|" or spaces.
import { neutraliseFormula } from '../reports/spreadsheet-text';
import { type ErrorCodeOf, invalidInput } from '../shared';
import type { RatingSource } from '../maturity-model/maturity-model';
import { whoReadsAnswersText } from './who-reads-answers';

export const PEOPLE_FILE_COLUMNS = ['label', 'source', 'raterFunction', 'functions'] as const;
export const PEOPLE_FILE_OPTIONAL_COLUMNS = ['capabilities', 'respondent'] as const;

type Column = (typeof PEOPLE_FILE_COLUMNS)[number] | (typeof PEOPLE_FILE_OPTIONAL_COLUMNS)[number];

const COLUMN_NAMES: Record<string, Column> = {
  label: 'label',
  source: 'source',
  raterfunction: 'raterFunction',
  raterfunctionid: 'raterFunction',
  functions: 'functions',
  functionids: 'functions',
  capabilities: 'capabilities',
  capabilityids: 'capabilities',
  respondent: 'respondent',
  respondentid: 'respondent',
};

export const PEOPLE_FILE_ERROR_CODES = {
  header: 'PEOPLE_FILE.HEADER',
  empty: 'PEOPLE_FILE.EMPTY',
} as const;

export type PeopleFileErrorCode = ErrorCodeOf<typeof PEOPLE_FILE_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    peopleFile: PeopleFileErrorCode;
  }
}

/** One person of the file, as an invitation's fields (checked by the invitation's rules when sent). */
export interface PersonOfFile {
  /** The file's line (1 is the header). */
  line: number;
  respondentId: string | null;
  label: string | null;
  source: string;
  raterFunctionId: string | null;
  functionIds: string[];
  /** Null: every capability of the model. */
  capabilityIds: string[] | null;
}

const listOf = (cell: string): string[] => cell.split(/[;|\s]+/).filter((item) => item !== '');
const textOrNull = (cell: string | undefined): string | null => {
  const text = cell?.trim() ?? '';
  return text === '' ? null : text;
};

/** The people of a file already split into records (by a CSV parser); the first record is the header. */
export function peopleFromRecords(records: readonly (readonly string[])[]): PersonOfFile[] {
  const [header, ...rows] = records;
  const columns = new Map<Column, number>();
  (header ?? []).forEach((name, index) => {
    const column =
      COLUMN_NAMES[
        name
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, '')
      ];
    if (column !== undefined && !columns.has(column)) columns.set(column, index);
  });
  const missing = PEOPLE_FILE_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw invalidInput(
      'file',
      `file: the first line must name the columns ${PEOPLE_FILE_COLUMNS.join(', ')} (missing: ${missing.join(', ')}); capabilities and respondent may be added`,
      PEOPLE_FILE_ERROR_CODES.header,
    );
  }
  const cell = (row: readonly string[], column: Column): string | undefined => {
    const index = columns.get(column);
    return index === undefined ? undefined : row[index];
  };
  const people = rows.flatMap((row, index): PersonOfFile[] => {
    if (row.every((value) => value.trim() === '')) return [];
    const capabilities = textOrNull(cell(row, 'capabilities'));
    return [
      {
        line: index + 2,
        respondentId: textOrNull(cell(row, 'respondent')),
        label: textOrNull(cell(row, 'label')),
        source: (cell(row, 'source') ?? '').trim().toUpperCase(),
        raterFunctionId: textOrNull(cell(row, 'raterFunction')),
        functionIds: listOf(cell(row, 'functions') ?? ''),
        capabilityIds: capabilities === null ? null : listOf(capabilities),
      },
    ];
  });
  if (people.length === 0) {
    throw invalidInput(
      'file',
      'file: it names nobody to invite below its header',
      PEOPLE_FILE_ERROR_CODES.empty,
    );
  }
  return people;
}

/**
 * Where in the file a refusal of the invitations sent from it points: `invitations[3].source`
 * is the fourth person's source, on the line that person came from. Null for any other field.
 */
export function fileLineOf(field: string | null | undefined, people: readonly PersonOfFile[]): string | null {
  const match = /^(?:input\.)?invitations\[(\d+)\](?:\.(\w+))?/.exec(field ?? '');
  if (match === null) return null;
  const person = people[Number(match[1])];
  if (person === undefined) return null;
  const column = {
    respondentId: 'respondent',
    label: 'label',
    source: 'source',
    raterFunctionId: 'raterFunction',
    functionIds: 'functions',
    capabilityIds: 'capabilities',
  }[match[2] ?? ''];
  return column === undefined ? `line ${person.line}` : `line ${person.line}, column ${column}`;
}

/** The links file: the people file's columns with each person's link, for a mail merge. */
export const LINKS_FILE_COLUMNS = [
  'label',
  'respondent',
  'source',
  'raterFunction',
  'functions',
  'capabilities',
  'expiresAt',
  'whoReadsTheAnswers',
  // Last, as before the column above came: scripts take the link from the end of the line.
  'link',
] as const;

export interface IssuedLinkOfFile {
  label: string | null;
  respondentId: string;
  source: RatingSource;
  raterFunctionId: string | null;
  functionIds: readonly string[];
  capabilityIds: readonly string[];
  expiresAt: string | null;
  link: string;
}

/** The links file's records, header first, every cell safe to open in a spreadsheet. */
export function linksFileRecords(issued: readonly IssuedLinkOfFile[]): string[][] {
  return [
    [...LINKS_FILE_COLUMNS],
    ...issued.map((person) =>
      [
        person.label ?? '',
        person.respondentId,
        person.source,
        person.raterFunctionId ?? '',
        person.functionIds.join(';'),
        person.capabilityIds.join(';'),
        person.expiresAt ?? '',
        // For the mail merge's text: the person reads the same on their questionnaire.
        whoReadsAnswersText(person.source),
        person.link,
      ].map(neutraliseFormula),
    ),
  ];
}
