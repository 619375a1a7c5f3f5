// Another process (an api replica on the same database) may record an erasure: once this
// process's projection applies it, the states this process kept, folded with the opened text,
// are dropped like the recording process drops its own.
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ReadModels } from '../projections/read-models';
import { StreamStateLoader } from '../streams/stream-state-loader';

const ERASURES: ReadonlySet<string> = new Set(['RespondentForgotten', 'EvidenceRedacted']);

@Injectable()
export class ErasureFollower implements OnModuleDestroy {
  private readonly stopListening: () => void;

  constructor(readModels: ReadModels, streams: StreamStateLoader) {
    this.stopListening = readModels.runner.onApplied((events) => {
      if (events.some((event) => ERASURES.has(event.type))) streams.forgetKeptStates();
    });
  }

  onModuleDestroy(): void {
    this.stopListening();
  }
}
