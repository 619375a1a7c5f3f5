// The Interlodge story as the commands its people sent, each at the time it happened.
import { DEFAULT_MATURITY_MODEL_ID } from '@app/domain';
import { ExecuteAssessmentCommand } from '../assessments/assessment.command';
import type { CommandContext } from '../command-handling/command-context';
import { ExecuteInvestmentCommand } from '../investments/investment.command';
import { ExecuteOrganizationCommand } from '../organizations/organization.command';
import {
  CORRECTIONS,
  FUNCTIONS,
  INTERACTIONS,
  INTERLODGE,
  INVESTMENTS,
  QUARTERS,
  RATING_SERIES,
  type RatingSeries,
  STORY_TIMES,
  TARGETS,
} from './interlodge-story';

export type DemoCommand = ExecuteOrganizationCommand | ExecuteAssessmentCommand | ExecuteInvestmentCommand;

export interface DatedDemoCommand {
  /** When the command was sent in the story: the transaction time of what it records. */
  at: Date;
  command: DemoCommand;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Fixed commandIds make every command idempotent: a second run appends nothing.
const contextOf = (commandId: string): CommandContext => ({
  actor: 'demo loader',
  role: 'ADMIN',
  commandId: `demo-${commandId}`,
  correlationId: 'demo-interlodge',
});

/** One voice of a rater group: the group as one (no respondent), or one of its respondents. */
interface Voice {
  respondentId: string | null;
  levels: RatingSeries['levels'];
  evidence?: RatingSeries['evidence'];
}

const voicesOf = (series: RatingSeries): Voice[] =>
  series.respondents === undefined
    ? [{ respondentId: null, levels: series.levels, evidence: series.evidence }]
    : series.respondents.map((respondent, position) => ({
        respondentId: respondent.id,
        levels: respondent.levels,
        // The first respondent wrote the group's evidence up.
        evidence: respondent.evidence ?? (position === 0 ? series.evidence : undefined),
      }));

const evidenceAt = (voice: Voice, quarter: number): string | null => {
  let text: string | null = null;
  for (const [from, written] of voice.evidence ?? []) if (from <= quarter) text = written;
  return text;
};

const levelAt = (series: RatingSeries, voice: Voice, quarter: number): number => {
  const level = Number(voice.levels[quarter]);
  if (!Number.isInteger(level))
    throw new Error(
      `demo data: ${series.functionId}/${series.capabilityId}${voice.respondentId === null ? '' : ` (${voice.respondentId})`} has no level for quarter ${quarter}`,
    );
  return level;
};

/** A sitting: commands a few minutes apart from its start. */
const sitting = (start: Date, commands: readonly DemoCommand[]): DatedDemoCommand[] =>
  commands.map((command, position) => ({
    at: new Date(start.getTime() + position * STORY_TIMES.minutesBetweenCommands * MINUTE),
    command,
  }));

/** 09:00 UTC, `days` after (or before, when negative) a period end. */
const daysFrom = (periodEnd: string, days: number): Date =>
  new Date(Date.parse(periodEnd) + days * DAY + 9 * 60 * MINUTE);

function setUp(): DatedDemoCommand[] {
  const organizationId = INTERLODGE.id;
  const organization = (commandId: string, command: ExecuteOrganizationCommand['command']) =>
    new ExecuteOrganizationCommand(organizationId, command, contextOf(commandId));
  return sitting(new Date(STORY_TIMES.setUp), [
    organization('register', {
      type: 'RegisterOrganization',
      data: { ...INTERLODGE, modelId: DEFAULT_MATURITY_MODEL_ID },
    }),
    ...FUNCTIONS.map(({ id, ...business }) =>
      organization(`function-${id}`, { type: 'AddFunction', data: { functionId: id, ...business } }),
    ),
    ...INTERACTIONS.map((link) =>
      organization(`link-${link.from}-${link.to}`, { type: 'LinkFunctions', data: link }),
    ),
    ...TARGETS.map((target) =>
      organization(`target-${target.capabilityId}-${target.functionId ?? 'all'}`, {
        type: 'SetTarget',
        data: target,
      }),
    ),
  ]);
}

function quarterlyReview(quarter: (typeof QUARTERS)[number], position: number): DatedDemoCommand[] {
  const assessment = (step: string, command: ExecuteAssessmentCommand['command']) =>
    new ExecuteAssessmentCommand(quarter.id, command, contextOf(`${quarter.id}-${step}`));
  const ratings = (series: RatingSeries) => {
    const rater = series.raterFunctionId ?? null;
    const cell =
      `${series.functionId}-${series.capabilityId}-${series.source}-${rater ?? 'none'}`.toLowerCase();
    return voicesOf(series).map((voice) =>
      assessment(voice.respondentId === null ? cell : `${cell}-${voice.respondentId}`, {
        type: 'RecordRating',
        data: {
          functionId: series.functionId,
          capabilityId: series.capabilityId,
          level: levelAt(series, voice, position),
          source: series.source,
          raterFunctionId: rater,
          respondentId: voice.respondentId,
          evidence: evidenceAt(voice, position),
        },
      }),
    );
  };
  const { cycle } = STORY_TIMES;
  const bySource = (matches: (series: RatingSeries) => boolean) =>
    RATING_SERIES.filter(matches).flatMap(ratings);
  return [
    ...sitting(daysFrom(quarter.periodEnd, -cycle.openedDaysBefore), [
      assessment('open', {
        type: 'OpenAssessment',
        data: {
          assessmentId: quarter.id,
          organizationId: INTERLODGE.id,
          title: quarter.title,
          periodEnd: quarter.periodEnd,
        },
      }),
    ]),
    ...sitting(
      daysFrom(quarter.periodEnd, -cycle.selfRatedDaysBefore),
      bySource((series) => series.source === 'SELF'),
    ),
    ...sitting(
      daysFrom(quarter.periodEnd, -cycle.othersRatedDaysBefore),
      bySource((series) => series.source !== 'SELF' && series.source !== 'CUSTOMER'),
    ),
    ...sitting(
      daysFrom(quarter.periodEnd, cycle.guestSurveyDaysAfter),
      bySource((series) => series.source === 'CUSTOMER'),
    ),
    ...sitting(daysFrom(quarter.periodEnd, cycle.closedDaysAfter), [
      assessment('close', { type: 'CloseAssessment' }),
    ]),
  ];
}

function investmentDecisions(investment: (typeof INVESTMENTS)[number]): DatedDemoCommand[] {
  const { deployedAt, approvedAt, plannedAt, id, ...planned } = investment;
  const step = (name: string, command: ExecuteInvestmentCommand['command']) =>
    new ExecuteInvestmentCommand(id, command, contextOf(`${id}-${name}`));
  const decisions: DatedDemoCommand[] = [
    {
      at: new Date(plannedAt),
      command: step('plan', {
        type: 'PlanInvestment',
        data: { ...planned, investmentId: id, organizationId: INTERLODGE.id },
      }),
    },
  ];
  if (approvedAt !== undefined)
    decisions.push({ at: new Date(approvedAt), command: step('approve', { type: 'ApproveInvestment' }) });
  if (deployedAt !== undefined)
    decisions.push({
      at: new Date(Date.parse(deployedAt) + 8 * 60 * MINUTE),
      command: step('deploy', { type: 'DeployInvestment', data: { deployedAt } }),
    });
  return decisions;
}

function correction(entry: (typeof CORRECTIONS)[number]): DatedDemoCommand {
  const { assessmentId, at, ...rating } = entry;
  return {
    at: new Date(at),
    command: new ExecuteAssessmentCommand(
      assessmentId,
      { type: 'CorrectRating', data: { ...rating, raterFunctionId: null } },
      contextOf(`${assessmentId}-correct-${rating.functionId}-${rating.capabilityId}`),
    ),
  };
}

/** The demo as the commands its people sent, oldest first, each with the time it was sent. */
export function interlodgeCommands(): DatedDemoCommand[] {
  const commands = [
    ...setUp(),
    ...QUARTERS.flatMap(quarterlyReview),
    ...INVESTMENTS.flatMap(investmentDecisions),
    ...CORRECTIONS.map(correction),
  ];
  // Stable: commands of one sitting keep their order.
  return commands.sort((left, right) => left.at.getTime() - right.at.getTime());
}
