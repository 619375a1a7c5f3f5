import { ExecuteAssessmentCommand } from '../assessments/assessment.command';
import { interlodgeCommands } from './interlodge-commands';
import { CORRECTIONS, QUARTERS, RATING_SERIES } from './interlodge-story';

describe('interlodgeCommands', () => {
  const commands = interlodgeCommands();
  const assessmentSteps = (assessmentId: string) =>
    commands.filter(
      ({ command }) => command instanceof ExecuteAssessmentCommand && command.assessmentId === assessmentId,
    );

  it('should date the story from January 2024 to January 2026, oldest first', () => {
    const times = commands.map(({ at }) => at.getTime());
    expect(times).toEqual([...times].sort((left, right) => left - right));
    expect(commands[0]?.at.toISOString()).toBe('2024-01-08T09:00:00.000Z');
    expect(commands.at(-1)?.at.toISOString()).toBe('2026-01-23T10:00:00.000Z');
  });

  it('should give every command its own commandId, so a second load appends nothing', () => {
    const ids = commands.map(({ command }) => command.context.commandId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should open each review before its period end, rate it, and close it after the guest survey', () => {
    for (const quarter of QUARTERS) {
      const steps = assessmentSteps(quarter.id).filter(
        ({ command }) => command.command.type !== 'CorrectRating',
      );
      const periodEnd = Date.parse(quarter.periodEnd);
      expect(steps[0]?.command.command.type).toBe('OpenAssessment');
      expect(steps[0]!.at.getTime()).toBeLessThan(periodEnd);
      expect(steps.at(-1)?.command.command.type).toBe('CloseAssessment');
      const surveyed = steps.filter(
        ({ command }) =>
          command.command.type === 'RecordRating' && command.command.data.source === 'CUSTOMER',
      );
      expect(surveyed.length).toBeGreaterThan(0);
      for (const { at } of surveyed) {
        expect(at.getTime()).toBeGreaterThan(periodEnd);
        expect(at.getTime()).toBeLessThan(steps.at(-1)!.at.getTime());
      }
    }
  });

  it("should let some rater groups speak through several people whose mean is the story's level", () => {
    const groups = RATING_SERIES.filter((series) => series.respondents !== undefined);
    expect(
      groups.map(({ functionId, capabilityId, source }) => `${functionId}/${capabilityId}/${source}`),
    ).toEqual(
      expect.arrayContaining([
        'housekeeping/cross-functional-cooperation/SELF',
        'housekeeping/cross-functional-cooperation/PEER',
        'front-desk/employee-empowerment/SELF',
      ]),
    );
    for (const series of groups) {
      QUARTERS.forEach((_, quarter) => {
        const levels = (series.respondents ?? []).map((respondent) => Number(respondent.levels[quarter]));
        expect(levels.length).toBeGreaterThanOrEqual(2);
        // The group's level stays the story's, so every figure of the demo stays as it was.
        expect(levels.reduce((sum, level) => sum + level, 0) / levels.length).toBe(
          Number(series.levels[quarter]),
        );
      });
    }
  });

  it('should record one rating per respondent, named, in each review', () => {
    const recorded = assessmentSteps(QUARTERS[0]!.id).flatMap(({ command }) =>
      command.command.type === 'RecordRating' &&
      command.command.data.functionId === 'housekeeping' &&
      command.command.data.capabilityId === 'cross-functional-cooperation' &&
      command.command.data.source === 'SELF'
        ? [command.command.data]
        : [],
    );
    expect(recorded.map((rating) => rating.respondentId)).toEqual([
      'floor-supervisor-1',
      'floor-supervisor-2',
      'room-attendant-1',
      'room-attendant-2',
      'room-attendant-3',
    ]);
    expect(recorded.map((rating) => rating.level)).toEqual([4, 4, 2, 2, 3]);
    expect(recorded[0]?.evidence).toMatch(/log it on the board/);
  });

  it('should record each correction after its review closed', () => {
    for (const correction of CORRECTIONS) {
      const steps = assessmentSteps(correction.assessmentId);
      const closed = steps.find(({ command }) => command.command.type === 'CloseAssessment');
      const corrected = steps.find(({ command }) => command.command.type === 'CorrectRating');
      expect(corrected?.at.getTime()).toBeGreaterThan(closed?.at.getTime() ?? Infinity);
    }
  });
});
