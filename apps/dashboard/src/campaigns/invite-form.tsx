// Inviting raters: one block per person (label, source, their function for PEER, the functions
// they rate, the capabilities asked), filled by hand or from a people file, sent as one call
// (all or none). A refusal shows next to the person's field, and for a file, names its line; it is
// also said by the Invite button, for the field may be screens above. People who already have a
// working link are named all at once before sending (the api would name only the first), and so is
// every person the api would refuse (checkInvitations: a file's bad lines all at once, each with its
// line and column); a person the organisation forgot is flagged as soon as their id is there.
import { parse } from 'csv-parse/browser/esm/sync';
import { DomainError } from '@app/domain/shared/domain-error';
import { sameRater } from '@app/domain/campaign/invitations';
import { fileLineOf, type PersonOfFile, peopleFromRecords } from '@app/domain/campaign/people-file';
import { forgottenRespondentRefusal } from '@app/domain/campaign/forgotten-respondent';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiErrorCode } from '../api/client';
import type { MaturityModel, Organization, RatingSource } from '../api/types';
import { sourceLabels } from '../assessments/rating-form';
import { CheckboxField, SelectField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { ChecklistField } from './checklist-field';
import {
  checkInvitationsQuery,
  forgottenRespondentsQuery,
  type InvitationInput,
  type InvitationRefusal,
  type IssuedInvitation,
  inviteRatersMutation,
  type RaterInvitation,
} from './campaigns.operations';
import { functionsInPlace } from '../shared/functions-in-place';

interface PersonDraft {
  key: number;
  /** The people file's line it came from, if any. */
  line: number | null;
  label: string;
  respondentId: string;
  source: string;
  raterFunctionId: string;
  functionIds: string[];
  allCapabilities: boolean;
  capabilityIds: string[];
}

interface InviteFormProps {
  assessmentId: string;
  /** The end of the period rated: a function retired after it can still be rated for it. */
  periodEnd: string;
  organization: Organization;
  model: MaturityModel;
  /** The assessment's invitations as last read: a person with a working link is not invited again. */
  invitations: readonly RaterInvitation[];
  onInvited: (issued: readonly IssuedInvitation[]) => void;
}

let nextKey = 1;

/** A refusal of checkInvitations, kept by the person it is about until that person is changed. */
interface PersonProblem {
  key: number;
  field: string | null;
  reason: string;
  code: string;
  message: string;
}

/** "invitations[3].functionIds[0]: …" reads "…" beside the person (the place is said around it). */
const withoutField = (message: string): string =>
  message.replace(/^invitations\[\d+\]\./, '').replace(/^[\w.[\]]+: /, '');

const sourceHints: Record<RatingSource, string> = {
  SELF: 'rates their own function (one)',
  PEER: 'from one function, rates others',
  CUSTOMER: 'rates the functions they meet',
  AUDIT: 'rates any functions',
};

export function InviteForm({
  assessmentId,
  periodEnd,
  organization,
  model,
  invitations,
  onInvited,
}: InviteFormProps) {
  const session = useSession();
  const { client } = session;
  const rated = functionsInPlace(organization.functions, periodEnd);
  const functionIds = rated.map((candidate) => candidate.id);
  const blankPerson = (): PersonDraft => ({
    key: nextKey++,
    line: null,
    label: '',
    respondentId: '',
    source: 'SELF',
    raterFunctionId: '',
    functionIds: functionIds.slice(0, 1),
    allCapabilities: true,
    capabilityIds: [],
  });
  const [people, setPeople] = useState<PersonDraft[]>(() => [blankPerson()]);
  const [fromFile, setFromFile] = useState<{ name: string; people: PersonOfFile[] } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [expiresOn, setExpiresOn] = useState('');
  // One commandId per set of people sent: a retry of the same set invites nobody twice.
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const submission = useSubmission<readonly IssuedInvitation[]>((issued) => {
    setPeople([blankPerson()]);
    setFromFile(null);
    setCommandId(crypto.randomUUID());
    onInvited(issued);
  });
  const changed = () => {
    setCommandId(crypto.randomUUID());
  };
  // Who the organisation forgot, read once: such a person is flagged before anything is sent.
  const [forgotten, setForgotten] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!session.can('forgottenRespondents')) return;
    const controller = new AbortController();
    client
      .request(forgottenRespondentsQuery, { organizationId: organization.id }, controller.signal)
      .then((data) => {
        setForgotten(new Map(data.forgottenRespondents.map((one) => [one.respondentId, one.forgottenAt])));
      })
      // Without the list the api still refuses such a person, naming them, when the form is sent.
      .catch(() => undefined);
    return () => {
      controller.abort();
    };
  }, [organization.id]);
  const [problems, setProblems] = useState<readonly PersonProblem[]>([]);
  const forgottenProblem = (person: PersonDraft): PersonProblem | null => {
    const respondentId = person.respondentId.trim();
    const forgottenAt = forgotten.get(respondentId);
    if (forgottenAt === undefined) return null;
    const refusal = forgottenRespondentRefusal(respondentId, person.label.trim() || null, forgottenAt);
    return {
      key: person.key,
      field: 'respondentId',
      reason: refusal.code,
      code: 'CONFLICT',
      message: refusal.message,
    };
  };
  /** What stands in the way of inviting the person: a forgotten id, and what the last check found. */
  const problemsOf = (person: PersonDraft, found: readonly PersonProblem[] = problems): PersonProblem[] => {
    const flagged = forgottenProblem(person);
    const checked = found.filter(
      (problem) => problem.key === person.key && (flagged === null || problem.reason !== flagged.reason),
    );
    return flagged === null ? checked : [flagged, ...checked];
  };
  /** Asks the api about every person at once; the answer is kept by person, whatever changes meanwhile. */
  const check = async (list: readonly PersonDraft[], signal?: AbortSignal): Promise<PersonProblem[]> => {
    const { checkInvitations } = await client.request(
      checkInvitationsQuery,
      { input: { assessmentId, invitations: list.map(toInvitationInput) } },
      signal,
    );
    const found = checkInvitations.flatMap((refusal: InvitationRefusal) => {
      const person = list[refusal.index];
      return person === undefined ? [] : [{ key: person.key, ...refusal }];
    });
    setProblems(found);
    return found;
  };
  const update = (key: number, change: Partial<PersonDraft>) => {
    changed();
    setProblems((previous) => previous.filter((problem) => problem.key !== key));
    setPeople((previous) =>
      previous.map((person) => (person.key === key ? { ...person, ...change } : person)),
    );
  };

  const readFile = async (file: File) => {
    setFileError(null);
    try {
      const records: string[][] = parse(await file.text(), {
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
      });
      const read = peopleFromRecords(records);
      changed();
      setFromFile({ name: file.name, people: read });
      const loaded = read.map((person): PersonDraft => ({
        key: nextKey++,
        line: person.line,
        label: person.label ?? '',
        respondentId: person.respondentId ?? '',
        source: person.source,
        raterFunctionId: person.raterFunctionId ?? '',
        functionIds: person.functionIds,
        allCapabilities: person.capabilityIds === null,
        capabilityIds: person.capabilityIds ?? [],
      }));
      setPeople(loaded);
      setProblems([]);
      // Every line the api would refuse, said at once in the preview; a failed check only means
      // the refusals come when sending.
      void check(loaded).catch(() => undefined);
    } catch (error) {
      setFileError(
        error instanceof DomainError || error instanceof Error
          ? `${file.name}: ${error.message}`
          : `${file.name} could not be read`,
      );
    }
  };

  const refusedLine = fromFile ? fileLineOf(submission.error?.field, fromFile.people) : null;
  // Every person in the way of inviting, all at once, each where it is: the person, and for a file its line and column.
  const flagged = people.flatMap((person, index) =>
    problemsOf(person).map((problem) => ({
      problem,
      place: placeOf(index, problem.field, person, fromFile),
    })),
  );
  const functionOptions = (extra: readonly string[]) => [
    ...rated.map((candidate) => ({
      value: candidate.id,
      label: candidate.name,
    })),
    ...extra
      .filter((id) => !functionIds.includes(id))
      .map((id) => ({ value: id, label: `${id} (not a function of ${organization.name})` })),
  ];

  return (
    <div class="panel-form" data-testid="invite-raters">
      <h3 class="panel-form__title">Invite raters</h3>
      <p class="card__subtitle">
        Each person gets a personal link to a questionnaire. Links are shown once, right after inviting: copy
        or download them then.
      </p>
      <div class="field invite-file" data-field="file">
        <label class="field__label" for="people-file">
          Or load a people file (CSV)
        </label>
        <input
          id="people-file"
          class="input"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="people-file-hint"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) void readFile(file);
            // The same file, corrected and chosen again, is read again.
            input.value = '';
          }}
        />
        <span class="field__hint" id="people-file-hint">
          Columns: <code>label,source,raterFunction,functions</code> (functions separated by <code>;</code>),
          and optionally <code>capabilities</code> and <code>respondent</code>.
        </span>
        {fileError && (
          <span class="field__error" role="alert" data-field-error="file">
            {fileError}
          </span>
        )}
      </div>
      <Form
        label="Invite raters"
        labels={{ invitations: (index) => `Person ${index + 1}` }}
        action={
          refusedLine ? `Could not invite (${fromFile?.name ?? 'file'}, ${refusedLine})` : 'Could not invite'
        }
        submission={submission}
        summarize
        submitLabel={people.length === 1 ? 'Invite 1 person' : `Invite ${people.length} people`}
        busyLabel="Inviting…"
        onSubmit={() => {
          const drafts = people.map(toInvitationInput);
          const refusal = alreadyInvited(people, drafts, invitations);
          if (refusal !== null) {
            submission.run(() => Promise.reject(refusal));
            return;
          }
          submission.run(async (signal) => {
            const found = await check(people, signal);
            const refused = people.flatMap((person) => problemsOf(person, found));
            if (refused.length > 0) throw everyRefusal(refused, people, fromFile);
            const data = await client.request(
              inviteRatersMutation,
              {
                input: {
                  assessmentId,
                  invitations: drafts,
                  expiresAt: expiresOn === '' ? null : `${expiresOn}T23:59:59Z`,
                  commandId,
                },
              },
              signal,
            );
            return data.inviteRaters;
          });
        }}
      >
        {fromFile && (
          <p class="notice" role="status">
            {fromFile.people.length} people from {fromFile.name}: check them, then invite.
          </p>
        )}
        {flagged.length > 0 && (
          <div class="notice notice--error" role="alert" data-testid="invite-problems">
            <p class="notice__title">
              {flagged.length === 1
                ? '1 person cannot be invited as they are'
                : `${flagged.length} people cannot be invited as they are`}
              : mend or remove {flagged.length === 1 ? 'them' : 'each'}; nobody is invited until then.
            </p>
            <ul class="invite-problems">
              {flagged.map(({ problem, place }) => (
                <li key={`${problem.key}-${problem.field ?? ''}`}>
                  <strong>{place}</strong>: {withoutField(problem.message)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ol class="invite-people">
          {people.map((person, index) => {
            const field = (name: string) => `invitations[${index}].${name}`;
            const source = person.source as RatingSource;
            const knownSource = source in sourceLabels;
            const refusals = problemsOf(person);
            return (
              <li
                key={person.key}
                class={`invite-person${refusals.length > 0 ? ' invite-person--refused' : ''}`}
                data-person={index}
                data-refused={refusals.length > 0 ? 'true' : undefined}
              >
                <div class="invite-person__header">
                  <span class="invite-person__title">
                    Person {index + 1}
                    {person.line !== null && <span class="muted"> · line {person.line} of the file</span>}
                  </span>
                  {people.length > 1 && (
                    <button
                      type="button"
                      class="button button--small button--link"
                      aria-label={`Remove person ${index + 1}`}
                      onClick={() => {
                        changed();
                        setPeople((previous) => previous.filter((candidate) => candidate.key !== person.key));
                      }}
                    >
                      Remove
                    </button>
                  )}
                </div>
                {refusals.length > 0 && (
                  <ul class="invite-person__problems" data-person-problems={index}>
                    {refusals.map((problem) => (
                      <li key={problem.field ?? ''} class="field__error">
                        {withoutField(problem.message)}
                      </li>
                    ))}
                  </ul>
                )}
                <div class="form__row">
                  <TextField
                    name={field('label')}
                    label="Who (a role, not necessarily a name)"
                    placeholder="Night shift lead"
                    maxLength={200}
                    value={person.label}
                    onValue={(label) => {
                      update(person.key, { label });
                    }}
                  />
                  <SelectField
                    name={field('source')}
                    label="Answers as"
                    hint={knownSource ? sourceHints[source] : undefined}
                    value={person.source}
                    onValue={(value) => {
                      update(person.key, {
                        source: value,
                        functionIds: value === 'SELF' ? person.functionIds.slice(0, 1) : person.functionIds,
                      });
                    }}
                    options={[
                      ...(Object.keys(sourceLabels) as RatingSource[]).map((value) => ({
                        value,
                        label: sourceLabels[value],
                      })),
                      ...(knownSource ? [] : [{ value: person.source, label: `${person.source} (unknown)` }]),
                    ]}
                  />
                  {source === 'PEER' && (
                    <SelectField
                      name={field('raterFunctionId')}
                      label="Their own function"
                      value={person.raterFunctionId}
                      onValue={(raterFunctionId) => {
                        update(person.key, {
                          raterFunctionId,
                          functionIds: person.functionIds.filter((id) => id !== raterFunctionId),
                        });
                      }}
                      options={[
                        { value: '', label: 'Choose…' },
                        ...functionOptions([person.raterFunctionId].filter(Boolean)),
                      ]}
                    />
                  )}
                </div>
                {source === 'SELF' ? (
                  <SelectField
                    name={field('functionIds')}
                    label="Their function (rated)"
                    value={person.functionIds[0] ?? ''}
                    onValue={(value) => {
                      update(person.key, { functionIds: [value] });
                    }}
                    options={functionOptions(person.functionIds)}
                  />
                ) : (
                  <ChecklistField
                    name={field('functionIds')}
                    legend="Functions they rate"
                    options={functionOptions(person.functionIds).filter(
                      (option) => source !== 'PEER' || option.value !== person.raterFunctionId,
                    )}
                    values={person.functionIds}
                    onValues={(values) => {
                      update(person.key, { functionIds: values });
                    }}
                  />
                )}
                <CheckboxField
                  name={field('allCapabilities')}
                  label={`Ask about every capability (${model.capabilities.length})`}
                  checked={person.allCapabilities}
                  onChecked={(allCapabilities) => {
                    update(person.key, { allCapabilities });
                  }}
                />
                {person.allCapabilities && isGuest(source) && (
                  <GuestScopeNotice
                    index={index}
                    source={source}
                    functionCount={person.functionIds.length}
                    model={model}
                    onChoose={() => {
                      update(person.key, {
                        allCapabilities: false,
                        capabilityIds: model.capabilities.map((capability) => capability.id),
                      });
                    }}
                  />
                )}
                {!person.allCapabilities && (
                  <ChecklistField
                    name={field('capabilityIds')}
                    legend="Capabilities asked"
                    options={model.capabilities.map((capability) => ({
                      value: capability.id,
                      label: capability.name,
                    }))}
                    values={person.capabilityIds}
                    onValues={(capabilityIds) => {
                      update(person.key, { capabilityIds });
                    }}
                  />
                )}
                <details
                  class="invite-person__more"
                  open={refusals.some((problem) => problem.field?.endsWith('respondentId') === true)}
                >
                  <summary>Respondent id (optional)</summary>
                  <TextField
                    name={field('respondentId')}
                    label="Respondent id"
                    hint="A pseudonymous slug such as night-lead; made for you when left empty. The same id in a later cycle follows the same person."
                    value={person.respondentId}
                    onValue={(respondentId) => {
                      update(person.key, { respondentId });
                    }}
                  />
                </details>
              </li>
            );
          })}
        </ol>
        <div class="form__row invite-people__actions">
          <button
            type="button"
            class="button button--small"
            onClick={() => {
              changed();
              setPeople((previous) => [...previous, blankPerson()]);
            }}
          >
            Add another person
          </button>
        </div>
        <TextField
          name="expiresAt"
          type="date"
          label="Links work until (optional)"
          hint="Until the end of that day (UTC). Left empty: until revoked or the assessment closes."
          value={expiresOn}
          onValue={(value) => {
            changed();
            setExpiresOn(value);
          }}
        />
      </Form>
    </div>
  );
}

/**
 * The people of the form who already have a working link (the same respondent id, source and rater
 * function), all named at once with how to fix it; null when there are none.
 */
function alreadyInvited(
  people: readonly PersonDraft[],
  drafts: readonly InvitationInput[],
  invitations: readonly RaterInvitation[],
): ApiError | null {
  const named = drafts.flatMap((draft, index) => {
    const { respondentId } = draft;
    if (respondentId === null || respondentId === undefined) return [];
    const working = invitations.find(
      (invitation) =>
        invitation.status === 'ACTIVE' &&
        sameRater(invitation, { ...draft, respondentId, raterFunctionId: draft.raterFunctionId ?? null }),
    );
    if (working === undefined) return [];
    const line = people[index]?.line ?? null;
    const who = draft.label ?? working.label ?? respondentId;
    return [`${who} (person ${index + 1}${line === null ? '' : `, line ${line} of the file`})`];
  });
  if (named.length === 0) return null;
  const message =
    named.length === 1
      ? `${named.join('')} already has a working link: give them a new link with New link… in the Raters table above (the old one stops), or remove them from this list`
      : `${named.length} people already have a working link: ${named.join(', ')}. Give each a new link with New link… in the Raters table above (the old one stops), or remove them from this list`;
  return new ApiError('CONFLICT', message, 'invitations', 'CAMPAIGN.ALREADY_INVITED');
}

/** Guests (a customer, an auditor) see the organisation from outside. */
const isGuest = (source: RatingSource): boolean => source === 'CUSTOMER' || source === 'AUDIT';

/**
 * Capabilities of the default model that only the organisation sees from inside, named as examples
 * of what a guest would be asked. The model itself marks no capability as customer-visible.
 */
const INSIDE_CAPABILITIES = ['investment-governance', 'customer-metrics', 'purpose-alignment'];

/**
 * Said beside "Ask about every capability" for a guest: how many questions that makes, that some
 * are about the inside of the organisation, and a way to ask fewer. The api's default stays.
 */
function GuestScopeNotice({
  index,
  source,
  functionCount,
  model,
  onChoose,
}: {
  index: number;
  source: RatingSource;
  functionCount: number;
  model: MaturityModel;
  onChoose: () => void;
}) {
  const capabilityCount = model.capabilities.length;
  const questions = capabilityCount * functionCount;
  const inside = INSIDE_CAPABILITIES.flatMap(
    (id) => model.capabilities.find((capability) => capability.id === id)?.name ?? [],
  ).slice(0, 2);
  const who = source === 'CUSTOMER' ? 'A customer' : 'An auditor';
  return (
    <div class="notice notice--warning invite-person__scope" data-guest-notice={index}>
      <p>
        {who} will be asked {questions} {questions === 1 ? 'question' : 'questions'} ({capabilityCount}{' '}
        capabilities × {functionCount} {functionCount === 1 ? 'function' : 'functions'}), including ones about
        the inside of the organisation
        {inside.length > 0 ? ` such as ${inside.join(' and ')}` : ''}, which a guest may not be able to judge.
      </p>
      <p>
        The model does not mark which capabilities a guest can see, so there is no such set to offer: choose
        the capabilities to ask instead.
      </p>
      <div class="notice__actions">
        <button type="button" class="button button--small" onClick={onChoose}>
          Choose the capabilities to ask
        </button>
      </div>
    </div>
  );
}

/**
 * Where a person's refusal is: "Person 3 · line 4, column functions" for a person of the file
 * (the field names the column), "Person 3" for one entered by hand.
 */
function placeOf(
  index: number,
  field: string | null,
  person: PersonDraft,
  fromFile: { people: readonly PersonOfFile[] } | null,
): string {
  if (person.line === null || fromFile === null) return `Person ${index + 1}`;
  const column =
    field === null
      ? null
      : fileLineOf(`invitations[${index}].${field.replace(/^invitations\[\d+\]\./, '')}`, fromFile.people);
  return `Person ${index + 1} · ${column ?? `line ${person.line}`}`;
}

/**
 * Every person in the way, as one refusal said by the Invite button. One person: the api's own
 * refusal, naming its field (shown beside it). Several: each with their place, and no one field.
 */
function everyRefusal(
  refused: readonly PersonProblem[],
  people: readonly PersonDraft[],
  fromFile: { people: readonly PersonOfFile[] } | null,
): ApiError {
  const placed = refused.map((problem) => {
    const index = people.findIndex((person) => person.key === problem.key);
    const person = people[index];
    const field =
      problem.field === null
        ? null
        : `invitations[${index}].${problem.field.replace(/^invitations\[\d+\]\./, '')}`;
    const place = person === undefined ? 'A person' : placeOf(index, problem.field, person, fromFile);
    // The api's words, naming the person's place in the list as it is now.
    const message = `invitations[${index}].${problem.message.replace(/^invitations\[\d+\]\./, '')}`;
    return { problem, field, message, said: `${place}: ${withoutField(problem.message)}` };
  });
  const [only] = placed;
  if (placed.length === 1 && only !== undefined)
    return new ApiError(only.problem.code as ApiErrorCode, only.message, only.field, only.problem.reason);
  return new ApiError(
    'CONFLICT',
    `${placed.length} people cannot be invited as they are, so nobody was invited: ${placed.map(({ said }) => said).join('; ')}`,
    null,
    only?.problem.reason ?? null,
  );
}

function toInvitationInput(person: PersonDraft): InvitationInput {
  const source = person.source as RatingSource;
  return {
    respondentId: person.respondentId.trim() === '' ? null : person.respondentId.trim(),
    label: person.label.trim() === '' ? null : person.label.trim(),
    source,
    raterFunctionId: source === 'PEER' && person.raterFunctionId !== '' ? person.raterFunctionId : null,
    functionIds: person.functionIds,
    capabilityIds: person.allCapabilities ? null : person.capabilityIds,
  };
}
