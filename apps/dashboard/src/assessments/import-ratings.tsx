// "Import ratings (CSV)" on an OPEN assessment: paper forms typed into a spreadsheet. Choosing the
// file shows a preview (how many ratings, on which cells) and every problem by line and column,
// checked by the api's own rules without recording anything; Import then records them all in one
// call, or none.
import { parse } from 'csv-parse/browser/esm/sync';
import { DomainError } from '@app/domain/shared/domain-error';
import { MAX_RATINGS_PER_CALL } from '@app/domain/assessment/rating-rules';
import {
  firstLineOfRecord,
  OPTIONAL_RATING_FILE_COLUMNS,
  RATING_FILE_COLUMNS,
  type RatingOfFile,
  ratingsFromRecords,
} from '@app/domain/assessment/ratings-file';
import { useState } from 'preact/hooks';
import type { BusinessFunction } from '../api/types';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { type AssessmentRecord, checkRatingsQuery, recordRatingsMutation } from './assessments.operations';
import {
  CHECK_CHUNK_SIZE,
  chunksOf,
  type LineProblem,
  lineProblemOf,
  previewOf,
  unsendableProblemsOf,
} from './ratings-import';

const SHOWN_PROBLEMS = 50;

interface ImportRatingsProps {
  assessment: AssessmentRecord;
  functions: readonly BusinessFunction[];
  onImported: (assessment: AssessmentRecord) => void;
}

interface ReadFile {
  name: string;
  ratings: RatingOfFile[];
  problems: LineProblem[];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function ImportRatings({ assessment, functions, onImported }: ImportRatingsProps) {
  const { client } = useSession();
  const confirm = useConfirm();
  const [file, setFile] = useState<ReadFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ done: number; of: number } | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const importing = useSubmission<AssessmentRecord>((saved) => {
    setImported(
      `Recorded ${plural(file?.ratings.length ?? 0, 'rating', 'ratings')} from ${file?.name ?? 'the file'}.`,
    );
    setFile(null);
    onImported(saved);
  });

  const readFile = async (chosen: File) => {
    setFileError(null);
    setImported(null);
    setFile(null);
    let ratings: RatingOfFile[];
    try {
      // With info: true each record comes with the line it ends on (the typings do not say so).
      const records = parse(await chosen.text(), {
        info: true,
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
      }) as unknown as { record: string[]; info: { lines: number } }[];
      ratings = ratingsFromRecords(
        records.map(({ record, info }) => ({ cells: record, line: firstLineOfRecord(record, info.lines) })),
      );
    } catch (error) {
      setFileError(
        `${chosen.name}: ${error instanceof DomainError || error instanceof Error ? error.message : 'it could not be read'}`,
      );
      return;
    }
    // Recorded in one append or none: a file beyond what one call takes is refused before checking.
    if (ratings.length > MAX_RATINGS_PER_CALL) {
      setFileError(
        `${chosen.name}: it holds ${ratings.length} ratings and at most ${MAX_RATINGS_PER_CALL} are recorded at once. Split it into files of at most ${MAX_RATINGS_PER_CALL} ratings and import each.`,
      );
      return;
    }
    const unsendable = unsendableProblemsOf(ratings);
    const sendable = ratings
      .map((entry, index) => ({ entry, index }))
      .filter(({ index }) => !unsendable.some((problem) => problem.index === index));
    const problems: { index: number; problem: LineProblem }[] = unsendable.map(({ index, ...problem }) => ({
      index,
      problem,
    }));
    setChecked({ done: 0, of: sendable.length });
    try {
      // The api checks by its own rules, recording nothing; in chunks, so a large file shows progress.
      for (const chunk of chunksOf(sendable, CHECK_CHUNK_SIZE)) {
        const { checkRatings } = await client.request(checkRatingsQuery, {
          input: { assessmentId: assessment.id, ratings: chunk.map(({ entry }) => entry.rating) },
        });
        for (const refusal of checkRatings) {
          const index = chunk[refusal.index]?.index ?? 0;
          problems.push({ index, problem: lineProblemOf(ratings, index, refusal.field, refusal.message) });
        }
        setChecked((previous) => previous && { ...previous, done: previous.done + chunk.length });
      }
    } catch (error) {
      setFileError(`${chosen.name}: ${error instanceof Error ? error.message : 'it could not be checked'}`);
      setChecked(null);
      return;
    }
    setChecked(null);
    problems.sort((first, second) => first.index - second.index);
    setFile({ name: chosen.name, ratings, problems: problems.map(({ problem }) => problem) });
  };

  const names = new Map(functions.map((candidate) => [candidate.id, candidate.name]));
  const preview = file ? previewOf(file.ratings, names) : null;

  return (
    <div class="panel-form import-ratings" role="region" aria-label="Import ratings (CSV)">
      <h3 class="panel-form__title">Import ratings (CSV)</h3>
      <div class="field" data-field="file">
        <label class="field__label" for="ratings-file">
          Ratings file (paper forms)
        </label>
        <input
          id="ratings-file"
          class="input"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="ratings-file-hint"
          disabled={checked !== null || importing.running}
          onChange={(event) => {
            const input = event.currentTarget;
            const chosen = input.files?.[0];
            if (chosen) void readFile(chosen);
            // The same file, corrected and chosen again, is read again.
            input.value = '';
          }}
        />
        <span class="field__hint" id="ratings-file-hint">
          One rating a line. Columns: <code>{RATING_FILE_COLUMNS.join(',')}</code>, and optionally{' '}
          <code>{OPTIONAL_RATING_FILE_COLUMNS.join(',')}</code>. Ids as on Set-up; <code>rater</code> only for
          PEER. At most {MAX_RATINGS_PER_CALL} ratings a file. Nothing is recorded until you import, and then
          all or none.
        </span>
        {fileError && (
          <span class="field__error" role="alert" data-field-error="file">
            {fileError}
          </span>
        )}
      </div>
      {checked && (
        <p class="import-ratings__progress" role="status">
          <progress max={Math.max(checked.of, 1)} value={checked.done} aria-hidden="true" /> Checking{' '}
          {checked.done} of {plural(checked.of, 'rating', 'ratings')}…
        </p>
      )}
      {file && preview && (
        <div class="import-ratings__preview" data-testid="ratings-preview">
          <p>
            <strong>{file.name}</strong>: {plural(preview.ratings, 'rating', 'ratings')} of{' '}
            {plural(preview.cells, 'cell', 'cells')}, for{' '}
            {plural(preview.byFunction.length, 'function', 'functions')}.
          </p>
          <table class="table table--cards import-ratings__cells">
            <caption class="visually-hidden">Ratings of the file by function</caption>
            <thead>
              <tr>
                <th scope="col">Function</th>
                <th scope="col">Capabilities</th>
                <th scope="col">Ratings</th>
              </tr>
            </thead>
            <tbody>
              {preview.byFunction.map((entry) => (
                <tr key={entry.functionId}>
                  <th scope="row">{entry.name}</th>
                  <td data-label="Capabilities">{entry.capabilities}</td>
                  <td data-label="Ratings">{entry.ratings}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {file.problems.length > 0 ? (
            <div class="notice notice--error" role="alert" data-testid="ratings-problems">
              <p>
                {plural(file.problems.length, 'line needs', 'lines need')} correcting; nothing was recorded.
                Correct the file and choose it again.
              </p>
              <ul>
                {file.problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
                  <li key={problem.where}>
                    <strong>{problem.where}</strong>: {problem.message}
                  </li>
                ))}
              </ul>
              {file.problems.length > SHOWN_PROBLEMS && (
                <p>… and {file.problems.length - SHOWN_PROBLEMS} more.</p>
              )}
            </div>
          ) : (
            <div class="form__actions">
              <button
                type="button"
                class="button button--primary"
                disabled={importing.running}
                onClick={() => {
                  void confirm({
                    title: `Import ${plural(file.ratings.length, 'rating', 'ratings')}?`,
                    message: (
                      <p>
                        They are recorded into {assessment.title} all at once. A later rating of the same
                        cell, source and rater replaces one; after closing, only a correction with a reason
                        does.
                      </p>
                    ),
                    confirmLabel: `Import ${plural(file.ratings.length, 'rating', 'ratings')}`,
                    tone: 'normal',
                  }).then((answer) => {
                    if (!answer) return;
                    importing.run((signal) =>
                      client
                        .request(
                          recordRatingsMutation,
                          {
                            input: {
                              assessmentId: assessment.id,
                              ratings: file.ratings.map(({ rating }) => rating),
                            },
                          },
                          signal,
                        )
                        .then((data) => data.recordRatings),
                    );
                  });
                }}
              >
                {importing.running
                  ? `Recording ${plural(file.ratings.length, 'rating', 'ratings')}…`
                  : `Import ${plural(file.ratings.length, 'rating', 'ratings')}`}
              </button>
            </div>
          )}
        </div>
      )}
      {importing.running && (
        <p class="import-ratings__progress" role="status">
          <progress aria-hidden="true" /> Recording {plural(file?.ratings.length ?? 0, 'rating', 'ratings')}{' '}
          in one step…
        </p>
      )}
      {importing.error && <ErrorNotice error={importing.error} action="Could not import the ratings" />}
      {imported && (
        <p class="notice" role="status" data-testid="ratings-imported">
          {imported}
        </p>
      )}
    </div>
  );
}
