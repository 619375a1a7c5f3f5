// A ratings file: paper-form ratings, one a line, as the command line's `import --assessment` and
// the page's "Import ratings (CSV)" read it. The header names the columns (any order, any case):
// function, capability, level, source, rater, evidence, and optionally respondent. Each side
// splits the text into records with its own CSV parser; what the records mean is decided here, and
// each rating is then checked by the rules of one (recordRating).
import { invalidInput } from '../shared';
import type { RecordRating } from './assessment.commands';
import { ASSESSMENT_ERROR_CODES } from './assessment.errors';

export const RATING_FILE_COLUMNS = [
  'function',
  'capability',
  'level',
  'source',
  'rater',
  'evidence',
] as const;
/** Columns a file may add, anywhere: `respondent` names the person rating within the rater group. */
export const OPTIONAL_RATING_FILE_COLUMNS = ['respondent'] as const;

type RatingFileColumn = (typeof RATING_FILE_COLUMNS)[number] | (typeof OPTIONAL_RATING_FILE_COLUMNS)[number];

/** A record of the file and the line it starts on (a quoted cell may span lines). */
export interface RecordOfFile {
  cells: readonly string[];
  line: number;
}

/** One rating of the file, as recordRating's input (checked by its rules when sent). */
export interface RatingOfFile {
  line: number;
  /** A level that is not a whole number is NaN, which the rules refuse by name (level). */
  rating: RecordRating['data'];
}

/** The line a record starts on, from the line a CSV parser says it ends on. */
export const firstLineOfRecord = (cells: readonly string[], lastLine: number): number =>
  lastLine - cells.join('').split('\n').length + 1;

const textOrNull = (cell: string): string | null => (cell === '' ? null : cell);

/** The ratings of a file's records; the first record is the header. Blank records are skipped. */
export function ratingsFromRecords(records: readonly RecordOfFile[]): RatingOfFile[] {
  const [header, ...body] = records;
  const positions = columnPositions((header?.cells ?? []).map((name) => name.trim().toLowerCase()));
  const ratings = body.flatMap(({ cells, line }): RatingOfFile[] => {
    if (cells.every((value) => value.trim() === '')) return [];
    const cell = (column: RatingFileColumn): string => {
      const position = positions.get(column);
      return position === undefined ? '' : (cells[position] ?? '').trim();
    };
    const level = cell('level');
    return [
      {
        line,
        rating: {
          functionId: cell('function'),
          capabilityId: cell('capability'),
          level: /^-?\d+$/.test(level) ? Number(level) : Number.NaN,
          source: cell('source').toUpperCase() as RecordRating['data']['source'],
          raterFunctionId: textOrNull(cell('rater')),
          evidence: textOrNull(cell('evidence')),
          respondentId: textOrNull(cell('respondent')),
        },
      },
    ];
  });
  if (ratings.length === 0) {
    throw invalidInput(
      'file',
      'file: it holds no rating below its header',
      ASSESSMENT_ERROR_CODES.ratingsFileEmpty,
    );
  }
  return ratings;
}

/** Where each column is: every required one once, optional ones at most once, nothing else. */
function columnPositions(columns: readonly string[]): Map<RatingFileColumn, number> {
  const known: readonly string[] = [...RATING_FILE_COLUMNS, ...OPTIONAL_RATING_FILE_COLUMNS];
  const unknown = columns.filter((column) => !known.includes(column));
  const missing = RATING_FILE_COLUMNS.filter((column) => !columns.includes(column));
  const repeated = columns.filter((column, position) => columns.indexOf(column) !== position);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '',
      repeated.length > 0 ? `repeated ${repeated.join(', ')}` : '',
    ].filter((problem) => problem !== '');
    throw invalidInput(
      'file',
      `line 1: the header must name ${RATING_FILE_COLUMNS.join(',')} and may add ${OPTIONAL_RATING_FILE_COLUMNS.join(',')}, got ${columns.join(',')} (${problems.join('; ')})`,
      ASSESSMENT_ERROR_CODES.ratingsFileHeader,
    );
  }
  return new Map(columns.map((column, position) => [column as RatingFileColumn, position]));
}

const COLUMN_OF_FIELD: Record<string, RatingFileColumn> = {
  functionId: 'function',
  capabilityId: 'capability',
  level: 'level',
  source: 'source',
  raterFunctionId: 'rater',
  evidence: 'evidence',
  respondentId: 'respondent',
};

/**
 * Where in the file a refusal of one of its ratings points: `ratings[3].level` (or a rating's own
 * field, with its place given) is the fourth rating's level, on the line it came from.
 */
export function ratingFileLineOf(
  field: string | null | undefined,
  ratings: readonly RatingOfFile[],
  index?: number,
): string | null {
  const match = /^(?:input\.)?(?:ratings\[(\d+)\]\.?)?(\w*)/.exec(field ?? '');
  const place = match?.[1] === undefined ? index : Number(match[1]);
  const rating = place === undefined ? undefined : ratings[place];
  if (match === null || rating === undefined) return null;
  const column = COLUMN_OF_FIELD[match[2] ?? ''];
  return column === undefined ? `line ${rating.line}` : `line ${rating.line}, column ${column}`;
}
