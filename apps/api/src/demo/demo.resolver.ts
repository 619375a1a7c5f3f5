import { ModuleRef } from '@nestjs/core';
import { Mutation, Resolver } from '@nestjs/graphql';
import { loadInterlodgeDemo } from '@app/application';
import { DemoRecording, DemoSummary } from './demo-summary.model';

@Resolver(() => DemoSummary)
export class DemoResolver {
  constructor(private readonly moduleRef: ModuleRef) {}

  @Mutation(() => DemoSummary, {
    description:
      'Loads the demo organisation "interlodge" (a hotel, two years of quarterly assessments, six investments), as `npm run cli -- demo` does: its history recorded at the dates it happened (2024 to 2026), so the views as known at a past date show what was known then. Only into a store without organisations (CONFLICT otherwise). Safe to repeat: a second call records nothing.',
  })
  async loadDemo(): Promise<DemoSummary> {
    const summary = await loadInterlodgeDemo(this.moduleRef);
    return { ...summary, recording: DemoRecording[summary.recording] };
  }
}
