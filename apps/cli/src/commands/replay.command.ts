import type { Command } from 'commander';
import { type MaturityView, MaturityQueryService, OrganizationEvents } from '@app/application';
import type { JsonValue, RecordedEvent } from '@app/event-store';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { openOutput } from '../event-file/output';
import { formatIndices, formatMaturityView, openAssessmentLines } from './maturity-table';

interface ReplayOptions {
  org?: string;
  asOf?: string;
  knownAt?: string;
  step?: boolean;
  json?: boolean;
}

/** `replay`: the maturity view as it was at a point in valid and transaction time, or event by event. */
export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description(
      "Print an organisation's maturity view (functions x capabilities levels, then the indices) as of a date (valid time) and as known at a date (transaction time); with --step, walk its events oldest first, printing each and the indices after it.",
    )
    .requiredOption('--org <id>', 'the organisation')
    .option('--as-of <date>', 'valid time: only assessments with periodEnd up to this date count')
    .option('--known-at <date>', 'transaction time: ignore every event recorded after this date')
    .option('--step', 'walk event by event')
    .option('--json', 'print the view (or each step) as JSON')
    .action(async (options: ReplayOptions) => {
      const organizationId = options.org;
      if (organizationId === undefined) throw new CliError('--org <id> is required', EXIT.usage);
      await withApplication(
        async (app) => {
          const maturity = app.get(MaturityQueryService);
          const output = openOutput(undefined);
          const query = { asOf: options.asOf ?? null, knownAt: options.knownAt ?? null };
          if (options.step !== true) {
            const view = await maturity.maturity(organizationId, query);
            await output.write(
              options.json === true
                ? `${JSON.stringify(view, null, 2)}\n`
                : `${replayHeader(organizationId, view.asOf, view.knownAt)}\n${formatMaturityView(view)}`,
            );
            return;
          }
          if (options.json !== true)
            await output.write(
              `${replayHeader(organizationId, instantOf(query.asOf), instantOf(query.knownAt))}\n`,
            );
          const events = await app.get(OrganizationEvents).all(organizationId);
          const knownAt = query.knownAt === null ? Infinity : Date.parse(query.knownAt);
          const outsideAsOf = laterCycles(query.asOf);
          let previous: { recordedAt: string; view: MaturityView } | null = null;
          for (const event of events) {
            if (Date.parse(event.metadata.recordedAt) > knownAt) break;
            if (outsideAsOf.skips(event)) continue;
            // An event is part of what was known at its recordedAt (a batch shares one), so the view
            // after it is the view known at that instant.
            const view: MaturityView =
              previous?.recordedAt === event.metadata.recordedAt
                ? previous.view
                : await maturity.maturity(organizationId, {
                    asOf: query.asOf,
                    knownAt: event.metadata.recordedAt,
                  });
            previous = { recordedAt: event.metadata.recordedAt, view };
            const notes = openAssessmentLines(view).map((line) => `    ${line}\n`);
            await output.write(
              options.json === true
                ? `${JSON.stringify({ event: describeEvent(event), view })}\n`
                : `#${event.position} ${event.metadata.recordedAt} ${event.stream}@${event.revision} ${event.type} ${summarize(event)}\n    ${formatIndices(view)}\n${notes.join('')}`,
            );
          }
          if (outsideAsOf.skipped > 0 && options.json !== true)
            await output.write(
              `${outsideAsOf.skipped} events of assessments whose period ends after ${instantOf(query.asOf) ?? ''} were left out: they do not count as of that date.\n`,
            );
        },
        { seedOnStartup: false },
      );
    });
}

/**
 * Which events a step-by-step replay as of a date leaves out: those of assessments whose period
 * ends after it, which cannot change the view (valid time: only assessments with periodEnd up to
 * asOf count). An assessment's events follow its opening, which names its period end.
 */
function laterCycles(asOf: string | null): { skips(event: RecordedEvent): boolean; skipped: number } {
  const until = asOf === null ? Infinity : Date.parse(asOf);
  const periodEnds = new Map<string, number>();
  const state = {
    skipped: 0,
    skips(event: RecordedEvent): boolean {
      const { assessmentId, periodEnd } = event.data;
      if (typeof assessmentId !== 'string') return false;
      if (event.type === 'AssessmentOpened' && typeof periodEnd === 'string')
        periodEnds.set(assessmentId, Date.parse(periodEnd));
      const skip = (periodEnds.get(assessmentId) ?? -Infinity) > until;
      if (skip) state.skipped += 1;
      return skip;
    },
  };
  return state;
}

function describeEvent(event: RecordedEvent): Record<string, unknown> {
  const { position, stream, revision, type, data, metadata, hash } = event;
  return {
    position,
    stream,
    revision,
    type,
    data,
    actor: metadata.actor,
    recordedAt: metadata.recordedAt,
    hash,
  };
}

function summarize(event: RecordedEvent): string {
  const { data } = event;
  if (event.type === 'RatingRecorded' || event.type === 'RatingCorrected')
    return `${text(data.functionId)}/${text(data.capabilityId)} = ${text(data.level)} (${text(data.source)})`;
  return `by ${event.metadata.actor}`;
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/** The exact instants the view is for, so a transcript says what "known at a date" meant. */
function replayHeader(organizationId: string, asOf: string | null, knownAt: string | null): string {
  const instants = `${organizationId} as of ${asOf ?? 'now'}, as known at ${knownAt ?? 'now (everything recorded)'}`;
  // How a bare date was read matters only when a date was given.
  return asOf === null && knownAt === null ? instants : `${instants} (a date alone is its start, 00:00 UTC)`;
}

/** A date as the api reads it; text that is no date is left for the query to refuse. */
function instantOf(date: string | null): string | null {
  if (date === null) return null;
  const parsed = Date.parse(date);
  return Number.isNaN(parsed) ? date : new Date(parsed).toISOString();
}
