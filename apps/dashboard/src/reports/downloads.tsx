// The report files, fetched with the signed-in token and handed to the browser as a download: the
// buttons (DownloadChoices, also Compare's), and the organisation's own files (Downloads).
import { useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { ErrorNotice } from '../shared/error-notice';
import { saveFile } from '../shared/save-file';
import { toApiError } from '../shared/use-request';
import { useSession } from '../shell/session';

interface DownloadsProps {
  organizationId: string;
  asOf: string | null;
  knownAt: string | null;
}

export interface DownloadChoice {
  id: string;
  label: string;
  hint: string;
  path: string;
  /** The download's rule in the access policy. */
  operation: string;
}

export function Downloads({ organizationId, asOf, knownAt }: DownloadsProps) {
  const search = new URLSearchParams({ organizationId });
  if (asOf !== null) search.set('asOf', asOf);
  if (knownAt !== null) search.set('knownAt', knownAt);
  const choices: DownloadChoice[] = [
    {
      id: 'maturity-xlsx',
      label: 'Excel workbook',
      hint: 'cells, indices over time, weakest links',
      path: `/reports/maturity.xlsx?${search.toString()}`,
      operation: 'maturity.xlsx',
    },
    {
      id: 'maturity-csv',
      label: 'CSV of the cells',
      hint: 'one row per function and capability',
      path: `/reports/maturity.csv?${search.toString()}`,
      operation: 'maturity.csv',
    },
    {
      id: 'history-csv',
      label: 'History CSV',
      hint: 'every event with its hash, for auditors',
      path: `/reports/history.csv?${new URLSearchParams({ organizationId }).toString()}`,
      operation: 'history.csv',
    },
  ];
  return <DownloadChoices choices={choices} />;
}

/** A button per file the signed-in token may download, each with a line saying what it holds. */
export function DownloadChoices({ choices: offered }: { choices: readonly DownloadChoice[] }) {
  const session = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const choices = offered.filter((choice) => session.can(choice.operation));

  const start = (choice: DownloadChoice) => {
    setBusy(choice.id);
    setError(null);
    session.client.download(choice.path).then(
      (file) => {
        saveFile(file.fileName, file.blob);
        setBusy(null);
      },
      (failure: unknown) => {
        setError(toApiError(failure));
        setBusy(null);
      },
    );
  };

  return (
    <div class="downloads">
      <ul class="downloads__list">
        {choices.map((choice) => (
          <li key={choice.id}>
            <button
              type="button"
              class="button"
              data-download={choice.id}
              disabled={busy !== null}
              aria-busy={busy === choice.id}
              onClick={() => {
                start(choice);
              }}
            >
              {busy === choice.id ? 'Preparing…' : choice.label}
            </button>
            <span class="downloads__hint">{choice.hint}</span>
          </li>
        ))}
      </ul>
      {error && <ErrorNotice error={error} action="Could not download the report" />}
    </div>
  );
}
