// Read-model benchmarks (issue 4). `rebuild`: drop the read models and replay the whole store,
// against plain better-sqlite3 reading and JSON-parsing the very same rows in the same run.
// `as_of`: maturity(asOf, knownAt) of an organisation of 50 functions x 11 capabilities x 20
// cycles inside a store of 1,000,000 events (fewer in quick mode); `as_of_respondents`: the same
// organisation shape with every cell rated by a group of 5 respondents (5 times the ratings).
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NestFactory } from '@nestjs/core';
import { type DynamicModule, Module } from '@nestjs/common';
import {
  SQLITE_EVENT_STORE_FILE_NAME,
  SqliteEventStore,
  type NewEvent,
  type StoredEventRow,
} from '@app/event-store';
import { DEFAULT_MATURITY_MODEL, assessmentStream, organizationStream } from '@app/domain';
import { ApplicationModule, MaturityQueryService, ReadModels, loadAppConfig } from '@app/application';
import { median, percentile } from './statistics';

export interface ViewsBenchResult {
  rebuild: { events: number; events_per_s: number; raw_read_parse_events_per_s: number };
  as_of: { p50_ms: number; p99_ms: number };
  as_of_respondents: { respondents_per_group: number; p50_ms: number; p99_ms: number };
}

interface BenchSizes {
  totalEvents: number;
  asOfSamples: number;
  rebuildRuns: number;
}

const FOCUS_ORGANIZATION = 'bench-focus';
const RESPONDENTS_ORGANIZATION = 'bench-respondents';
const RESPONDENTS_PER_GROUP = 5;
const FOCUS_FUNCTIONS = 50;
const CYCLES = 20;
const BACKGROUND_FUNCTIONS = 10;
const SOURCES = ['SELF', 'CUSTOMER', 'AUDIT', 'PEER'] as const;
const CAPABILITIES = DEFAULT_MATURITY_MODEL.capabilities.map((capability) => capability.id);
const HISTORY_START = Date.UTC(2020, 0, 1);
const METADATA = { actor: 'bench', role: 'ADMIN', commandId: null, schemaVersion: 1 };

export async function benchViews(options: { quick: boolean }): Promise<ViewsBenchResult> {
  const sizes: BenchSizes = options.quick
    ? { totalEvents: 120_000, asOfSamples: 40, rebuildRuns: 2 }
    : { totalEvents: 1_000_000, asOfSamples: 200, rebuildRuns: 3 };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'views-bench-'));
  try {
    return await measure(dataDir, await generateStore(dataDir, sizes.totalEvents), sizes);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Simulated transaction time: one minute per append, so knownAt cuts through the history. */
export function minuteClock(start: number): { clock: () => Date; now: () => number } {
  let minutes = 0;
  return {
    clock: () => new Date(start + (minutes += 1) * 60_000),
    now: () => start + minutes * 60_000,
  };
}

const event = (type: string, data: NewEvent['data']): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: METADATA,
});

export function organizationEvents(organizationId: string, functionCount: number): NewEvent[] {
  const events = [
    event('OrganizationRegistered', {
      organizationId,
      name: organizationId,
      purpose: null,
      valueProposition: null,
      modelId: DEFAULT_MATURITY_MODEL.id,
      modelVersion: 1,
      registeredAt: '2020-01-01T00:00:00.000Z',
    }),
  ];
  for (let index = 0; index < functionCount; index += 1) {
    events.push(
      event('FunctionAdded', {
        organizationId,
        functionId: `function-${index}`,
        name: `Function ${index}`,
        customerFacing: index % 3 === 0,
        partner: false,
      }),
    );
  }
  for (const capabilityId of CAPABILITIES)
    events.push(event('TargetSet', { organizationId, capabilityId, functionId: null, level: 4 }));
  return events;
}

/**
 * One assessment: opened, then `sources` rater groups on each cell, each of `respondents`
 * respondents (none named when 1), in one append as an import would.
 */
export function assessmentEvents(
  organizationId: string,
  assessmentId: string,
  cycle: number,
  functionCount: number,
  sources: number,
  respondents = 1,
): NewEvent[] {
  const periodEnd = new Date(Date.UTC(2020 + Math.floor(cycle / 4), (cycle % 4) * 3 + 3, 0)).toISOString();
  const events = [
    event('AssessmentOpened', {
      assessmentId,
      organizationId,
      title: `Cycle ${cycle}`,
      periodEnd,
      modelId: DEFAULT_MATURITY_MODEL.id,
      modelVersion: 1,
      openedAt: periodEnd,
    }),
  ];
  for (let functionIndex = 0; functionIndex < functionCount; functionIndex += 1) {
    CAPABILITIES.forEach((capabilityId, capabilityIndex) => {
      for (let sourceIndex = 0; sourceIndex < sources; sourceIndex += 1) {
        const source = SOURCES[sourceIndex] ?? 'SELF';
        for (let respondent = 0; respondent < respondents; respondent += 1) {
          events.push(
            event('RatingRecorded', {
              assessmentId,
              organizationId,
              functionId: `function-${functionIndex}`,
              capabilityId,
              level: ((functionIndex + capabilityIndex + cycle + sourceIndex + respondent) % 5) + 1,
              source,
              raterFunctionId: source === 'PEER' ? `function-${(functionIndex + 1) % functionCount}` : null,
              evidence: 'Observed in the quarterly review with the front-line teams.',
              respondentId: respondents === 1 ? null : `respondent-${respondent}`,
            }),
          );
        }
      }
    });
  }
  return events;
}

/**
 * One organisation written straight into a store before an api opens it: its functions, then one
 * assessment per append while `more(written, cycle)` holds. Returns how many events it wrote.
 */
export async function writeOrganization(
  dataDir: string,
  shape: { organizationId: string; functions: number; sources: number; respondents?: number; start: number },
  more: (written: number, cycle: number) => boolean,
): Promise<number> {
  const { clock } = minuteClock(shape.start);
  const store = new SqliteEventStore({ dataDir, clock, integrityCheck: 'none' });
  let written = 0;
  const append = async (stream: string, batch: NewEvent[]): Promise<void> => {
    await store.append(stream, batch, { expectedRevision: 'any' });
    written += batch.length;
  };
  try {
    await append(
      organizationStream(shape.organizationId),
      organizationEvents(shape.organizationId, shape.functions),
    );
    for (let cycle = 0; more(written, cycle); cycle += 1) {
      const assessmentId = `${shape.organizationId}-${cycle}`;
      await append(
        assessmentStream(assessmentId),
        assessmentEvents(
          shape.organizationId,
          assessmentId,
          cycle,
          shape.functions,
          shape.sources,
          shape.respondents,
        ),
      );
    }
  } finally {
    await store.close();
  }
  return written;
}

export interface GeneratedStore {
  events: number;
  /** Transaction time of the last append (epoch milliseconds). */
  lastRecordedAt: number;
}

/** Writes the store through the adapter's batch append; returns how many events it holds. */
/** Exported for profiling a rebuild on its own. */
export async function generateStore(dataDir: string, totalEvents: number): Promise<GeneratedStore> {
  const { clock, now } = minuteClock(HISTORY_START);
  const store = new SqliteEventStore({ dataDir, clock, integrityCheck: 'none' });
  let written = 0;
  const append = async (stream: string, events: NewEvent[]): Promise<void> => {
    await store.append(stream, events, { expectedRevision: 'any' });
    written += events.length;
  };
  try {
    for (const organizationId of [FOCUS_ORGANIZATION, RESPONDENTS_ORGANIZATION])
      await append(organizationStream(organizationId), organizationEvents(organizationId, FOCUS_FUNCTIONS));
    let background = 0;
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const assessmentId = `${FOCUS_ORGANIZATION}-${cycle}`;
      await append(
        assessmentStream(assessmentId),
        assessmentEvents(FOCUS_ORGANIZATION, assessmentId, cycle, FOCUS_FUNCTIONS, 1),
      );
      const respondentsAssessmentId = `${RESPONDENTS_ORGANIZATION}-${cycle}`;
      await append(
        assessmentStream(respondentsAssessmentId),
        assessmentEvents(
          RESPONDENTS_ORGANIZATION,
          respondentsAssessmentId,
          cycle,
          FOCUS_FUNCTIONS,
          1,
          RESPONDENTS_PER_GROUP,
        ),
      );
      // Other organisations' events interleave with the focus organisation's, as in a shared store.
      const target = Math.round(((cycle + 1) / CYCLES) * totalEvents);
      while (written < target) {
        const organizationId = `bench-${background}`;
        background += 1;
        await append(
          organizationStream(organizationId),
          organizationEvents(organizationId, BACKGROUND_FUNCTIONS),
        );
        for (let backgroundCycle = 0; backgroundCycle < 4 && written < target; backgroundCycle += 1) {
          const backgroundAssessment = `${organizationId}-${backgroundCycle}`;
          await append(
            assessmentStream(backgroundAssessment),
            assessmentEvents(organizationId, backgroundAssessment, backgroundCycle, BACKGROUND_FUNCTIONS, 4),
          );
        }
      }
    }
  } finally {
    await store.close();
  }
  return { events: written, lastRecordedAt: now() };
}

@Module({})
class ViewsBenchModule {
  static forRoot(dataDir: string): DynamicModule {
    const config = { ...loadAppConfig({}), dataDir };
    return { module: ViewsBenchModule, imports: [ApplicationModule.forRoot(config)] };
  }
}

async function measure(
  dataDir: string,
  generated: GeneratedStore,
  sizes: BenchSizes,
): Promise<ViewsBenchResult> {
  const app = await NestFactory.createApplicationContext(ViewsBenchModule.forRoot(dataDir), {
    logger: ['error'],
  });
  try {
    const readModels = app.get(ReadModels);
    const maturity = app.get(MaturityQueryService);
    // Raw and ours interleaved, medians of each: on a shared machine the load drifts within seconds.
    const eventsFile = path.join(dataDir, SQLITE_EVENT_STORE_FILE_NAME);
    const raw: number[] = [rawReadParse(eventsFile)];
    const ours: number[] = [];
    let events = 0;
    for (let run = 0; run < sizes.rebuildRuns; run += 1) {
      const rebuild = await readModels.rebuild();
      events = rebuild.events;
      ours.push(rebuild.events / (rebuild.milliseconds / 1000));
      raw.push(rawReadParse(eventsFile));
    }

    const periodEnds = Array.from({ length: CYCLES }, (_, cycle) =>
      new Date(Date.UTC(2020 + Math.floor(cycle / 4), (cycle % 4) * 3 + 3, 0)).toISOString(),
    );
    const history = generated.lastRecordedAt - HISTORY_START;
    const asOfSamples = async (organizationId: string): Promise<number[]> => {
      const samples: number[] = [];
      for (let sample = 0; sample < sizes.asOfSamples + 5; sample += 1) {
        const asOf = periodEnds[sample % CYCLES] ?? null;
        // Transaction times from the middle of the history to its end: most events count.
        const knownAt = new Date(HISTORY_START + history * (0.5 + ((sample * 37) % 100) / 200)).toISOString();
        const startedAt = performance.now();
        await maturity.maturity(organizationId, { asOf, knownAt });
        // The first few warm up the JIT and the page cache.
        if (sample >= 5) samples.push(performance.now() - startedAt);
      }
      return samples.sort((left, right) => left - right);
    };
    const samples = await asOfSamples(FOCUS_ORGANIZATION);
    const respondentSamples = await asOfSamples(RESPONDENTS_ORGANIZATION);
    return {
      rebuild: {
        events,
        events_per_s: Math.round(median(ours)),
        raw_read_parse_events_per_s: Math.round(median(raw)),
      },
      as_of: { p50_ms: round(percentile(samples, 0.5)), p99_ms: round(percentile(samples, 0.99)) },
      as_of_respondents: {
        respondents_per_group: RESPONDENTS_PER_GROUP,
        p50_ms: round(percentile(respondentSamples, 0.5)),
        p99_ms: round(percentile(respondentSamples, 0.99)),
      },
    };
  } finally {
    await app.close();
  }
}

/** Plain better-sqlite3: every row in position order, its data and metadata JSON-parsed. */
function rawReadParse(file: string): number {
  const database = new Database(file, { readonly: true });
  try {
    const select = database.prepare<[number, number], StoredEventRow>(
      'SELECT position, id, stream, revision, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
    );
    const startedAt = performance.now();
    let after = 0;
    let count = 0;
    let checksum = 0;
    for (;;) {
      const rows = select.all(after, 5000);
      for (const row of rows) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        checksum += Object.keys(data).length + Object.keys(metadata).length;
      }
      count += rows.length;
      const last = rows.at(-1);
      if (last === undefined || rows.length < 5000) break;
      after = last.position;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    if (checksum < 0) throw new Error('unreachable: keeps the parse from being optimised away');
    return count / seconds;
  } finally {
    database.close();
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;
