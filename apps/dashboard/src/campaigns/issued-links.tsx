// The links just issued: shown this once (only their hashes are stored), to copy one by one or
// download as a file for a mail merge.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { linksFileRecords } from '@app/domain/campaign/people-file';
import { MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS } from '@app/domain/campaign/who-reads-answers';
import { sourceLabels } from '../assessments/rating-form';
import { slugOf } from '../shared/slug';
import { useCopy } from '../shared/use-copy';
import type { IssuedInvitation } from './campaigns.operations';

interface IssuedLinksProps {
  issued: readonly IssuedInvitation[];
  assessmentTitle: string;
  functionName: (id: string) => string;
  onDone: () => void;
}

export function IssuedLinks({ issued, assessmentTitle, functionName, onDone }: IssuedLinksProps) {
  const { copied, copy } = useCopy();
  const download = () => {
    const records = linksFileRecords(
      issued.map(({ invitation, link }) => ({ ...invitation, respondentId: invitation.respondentId, link })),
    );
    const blob = new Blob([`\uFEFF${stringify(records)}`], { type: 'text/csv;charset=utf-8' });
    const address = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = address;
    anchor.download = `links-${slugOf(assessmentTitle) || 'assessment'}.csv`;
    anchor.click();
    URL.revokeObjectURL(address);
  };

  return (
    <section class="issued-links" aria-labelledby="issued-links-title" data-testid="issued-links">
      <h4 id="issued-links-title" class="issued-links__title">
        {issued.length === 1 ? '1 link' : `${issued.length} links`}: copy them now
      </h4>
      <p class="issued-links__warning">
        They are shown only this once; only their fingerprints are stored. Send each person their own link.
      </p>
      <p class="issued-links__privacy" data-testid="issued-links-privacy">
        Tell them who reads their answers: under a code, not their name; a customer or peer group’s answers
        one by one only from {MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS} people per question; planners group
        averages only. Their questionnaire says so, and the links file’s whoReadsTheAnswers column has the
        words for your message.
      </p>
      <div class="issued-links__actions">
        <button type="button" class="button button--primary button--small" onClick={download}>
          Download links (CSV)
        </button>
        <button
          type="button"
          class="button button--small"
          onClick={() => {
            copy(
              'all',
              issued
                .map(({ invitation, link }) => `${invitation.label ?? invitation.respondentId}\t${link}`)
                .join('\n'),
            );
          }}
        >
          {copied === 'all' ? 'Copied' : 'Copy all'}
        </button>
        <button type="button" class="button button--small button--ghost" onClick={onDone}>
          Done
        </button>
      </div>
      <ul class="issued-links__list">
        {issued.map(({ invitation, link }) => (
          <li key={invitation.id} class="issued-link" data-issued-link={invitation.respondentId}>
            <span class="issued-link__who">
              <strong>{invitation.label ?? invitation.respondentId}</strong>{' '}
              <span class="muted">
                {sourceLabels[invitation.source]} · {invitation.functionIds.map(functionName).join(', ')}
              </span>
            </span>
            <input
              class="input issued-link__url"
              readOnly
              value={link}
              aria-label={`Link of ${invitation.label ?? invitation.respondentId}`}
              onFocus={(event) => {
                event.currentTarget.select();
              }}
            />
            <button
              type="button"
              class="button button--small"
              aria-label={`Copy the link of ${invitation.label ?? invitation.respondentId}`}
              onClick={() => {
                copy(invitation.id, link);
              }}
            >
              {copied === invitation.id ? 'Copied' : 'Copy'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
