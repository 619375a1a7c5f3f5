import type { CommandBus } from '@nestjs/cqrs';
import { DEFAULT_MATURITY_MODEL_ID } from '@app/domain';
import { ExecuteAssessmentCommand } from '../assessments/assessment.command';
import type { CommandContext } from '../command-handling/command-context';
import { ExecuteInvestmentCommand } from '../investments/investment.command';
import { ExecuteOrganizationCommand } from '../organizations/organization.command';
import {
  FUNCTIONS,
  INTERACTIONS,
  INTERLODGE,
  INVESTMENTS,
  QUARTERS,
  RATING_SERIES,
  type RatingSeries,
  TARGETS,
} from './interlodge-story';

type DemoCommand = ExecuteOrganizationCommand | ExecuteAssessmentCommand | ExecuteInvestmentCommand;

export type DemoProgress = (done: number, total: number) => void;

export interface DemoSummary {
  organizationId: string;
  commands: number;
  assessments: number;
  investments: number;
}

// Fixed commandIds make every command idempotent: a second run appends nothing.
const contextOf = (commandId: string): CommandContext => ({
  actor: 'demo loader',
  role: 'ADMIN',
  commandId: `demo-${commandId}`,
  correlationId: 'demo-interlodge',
});

const evidenceAt = (series: RatingSeries, quarter: number): string | null => {
  let text: string | null = null;
  for (const [from, written] of series.evidence ?? []) if (from <= quarter) text = written;
  return text;
};

const levelAt = (series: RatingSeries, quarter: number): number => {
  const level = Number(series.levels[quarter]);
  if (!Number.isInteger(level))
    throw new Error(
      `demo data: ${series.functionId}/${series.capabilityId} has no level for quarter ${quarter}`,
    );
  return level;
};

/** The demo as the commands a user would send, in order. */
export function interlodgeCommands(): DemoCommand[] {
  const organizationId = INTERLODGE.id;
  const organization = (commandId: string, command: ExecuteOrganizationCommand['command']) =>
    new ExecuteOrganizationCommand(organizationId, command, contextOf(commandId));
  const commands: DemoCommand[] = [
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
  ];

  const investmentCommand = (id: string, step: string, command: ExecuteInvestmentCommand['command']) =>
    new ExecuteInvestmentCommand(id, command, contextOf(`${id}-${step}`));
  const plan = (investment: (typeof INVESTMENTS)[number]) => {
    const { deployedAt, id, ...planned } = investment;
    return [
      investmentCommand(id, 'plan', {
        type: 'PlanInvestment',
        data: { ...planned, investmentId: id, organizationId },
      }),
      ...(deployedAt === undefined
        ? []
        : [
            investmentCommand(id, 'approve', { type: 'ApproveInvestment' }),
            investmentCommand(id, 'deploy', { type: 'DeployInvestment', data: { deployedAt } }),
          ]),
    ];
  };

  const deployed = INVESTMENTS.filter((investment) => investment.deployedAt !== undefined);
  const planned = INVESTMENTS.filter((investment) => investment.deployedAt === undefined);
  QUARTERS.forEach((quarter, position) => {
    const assessment = (step: string, command: ExecuteAssessmentCommand['command']) =>
      new ExecuteAssessmentCommand(quarter.id, command, contextOf(`${quarter.id}-${step}`));
    commands.push(
      assessment('open', {
        type: 'OpenAssessment',
        data: {
          assessmentId: quarter.id,
          organizationId,
          title: quarter.title,
          periodEnd: quarter.periodEnd,
        },
      }),
    );
    for (const series of RATING_SERIES) {
      const rater = series.raterFunctionId ?? null;
      commands.push(
        assessment(
          `${series.functionId}-${series.capabilityId}-${series.source}-${rater ?? 'none'}`.toLowerCase(),
          {
            type: 'RecordRating',
            data: {
              functionId: series.functionId,
              capabilityId: series.capabilityId,
              level: levelAt(series, position),
              source: series.source,
              raterFunctionId: rater,
              evidence: evidenceAt(series, position),
            },
          },
        ),
      );
    }
    commands.push(assessment('close', { type: 'CloseAssessment' }));
    // Investments enter the record in the quarter they were decided: the 2024 training before Q2 closed.
    if (position === 1) commands.push(...deployed.flatMap(plan));
  });
  commands.push(...planned.flatMap(plan));
  return commands;
}

/**
 * Loads the Interlodge demo through the command bus, exactly as a user's commands would arrive.
 * Running it again changes nothing: every command carries the same commandId as the first time.
 */
export async function loadInterlodgeDemo(
  commandBus: CommandBus,
  onProgress?: DemoProgress,
): Promise<DemoSummary> {
  const commands = interlodgeCommands();
  let done = 0;
  for (const command of commands) {
    await commandBus.execute(command);
    done += 1;
    onProgress?.(done, commands.length);
  }
  return {
    organizationId: INTERLODGE.id,
    commands: commands.length,
    assessments: QUARTERS.length,
    investments: INVESTMENTS.length,
  };
}
