// A large organisation's history, read as the dashboard and an auditor read it (trial report 5):
// an organisation of 120 quarterly assessments of 880 ratings (105,720 events; 40 and 35,240 in
// quick mode), written into the store before the api starts. Each read is timed with /health
// asked every 50 ms from another process meanwhile, so a read that holds the event loop shows as
// a slow /health, and with the api's peak resident memory after the downloads. The reads are the
// history's pages (oldest and newest first, filtered), the Audit screen's known-at starting point
// (as it reads now, and as it read before: every rating), the Reports page's timeline, the
// Overview's queries (now, and the every-rating query it sent before), the Assessments screen's
// (its list now, and every rating as before), and history.csv alone and two at once; then the
// first timeline, Overview and assessments read of a newly started api (nothing kept in memory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { graphql, type Server, startBuiltApi } from './bench-api';
import { peakRssMib as peakRssOf, sampleHealth } from './load.bench';
import { median, percentile } from './statistics';
import { writeOrganization } from './views.bench';

/** One read: how long it took (median of the runs), its size, and /health meanwhile. */
export interface HistoryReadFigure {
  runs: number;
  p50_ms: number;
  max_ms: number;
  kib: number;
  health_p99_ms: number;
  health_max_ms: number;
}

export interface HistoryBenchResult {
  history_reads: {
    events: number;
    assessments: number;
    peak_rss_mib: number;
    reads: Record<string, HistoryReadFigure>;
  };
}

const ORGANIZATION_ID = 'bench-history';
const FUNCTIONS = 10;
/** SELF, CUSTOMER, AUDIT and PEER, two respondents each: 880 ratings an assessment, as in the trial. */
const SOURCES = 4;
const RESPONDENTS = 2;

const SAMPLER_START_MS = 1000;

const round = (value: number): number => Math.round(value * 10) / 10;

/** The reads the pages and an auditor send, by what they are for. */
const HISTORY_PAGE = `query($o: ID!, $after: String, $filter: HistoryFilterInput) {
  history(organizationId: $o, first: 20, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { position type stream recordedAt actor data } }
  }
}`;
const HISTORY_PAGE_NEWEST_FIRST = `query($o: ID!) {
  history(organizationId: $o, first: 20, newestFirst: true) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { position type stream recordedAt actor data } }
  }
}`;
/** What the Overview sent before it read a cell's assessment on demand: every rating and its evidence. */
const ORGANIZATION_HISTORY = `query($o: ID!) {
  maturityTimeline(organizationId: $o) { at customerCentricityIndex alignmentIndex targetAttainment coverage provisional }
  assessments(organizationId: $o) {
    id title periodEnd status withdrawnAt
    ratings { functionId capabilityId level source raterFunctionId respondentId evidence evidenceErased }
  }
}`;
/** What the Audit screen's known-at comparison sent before it read the last correction as one event. */
const KNOWN_AT_EVERY_RATING = `query($o: ID!) {
  firstEvent: history(organizationId: $o, first: 1) { edges { node { recordedAt } } }
  assessments(organizationId: $o) {
    id title periodEnd
    ratings { functionId capabilityId source level correction { correctedAt previousLevel } }
  }
}`;
const KNOWN_AT_STARTING_POINT = `query($o: ID!) {
  firstEvent: history(organizationId: $o, first: 1) { edges { node { recordedAt } } }
  lastCorrection: history(organizationId: $o, first: 1, newestFirst: true, filter: { types: ["RatingCorrected"] }) {
    edges { node { recordedAt data } }
  }
}`;
/** What the Overview sends now: the timeline and the assessments without their ratings. */
const OVERVIEW = `query($o: ID!) {
  maturityTimeline(organizationId: $o) { at customerCentricityIndex alignmentIndex targetAttainment coverage provisional }
  assessments(organizationId: $o) { id title periodEnd status withdrawnAt }
}`;
/** Then one assessment's ratings, for the cells it decides. */
const ASSESSMENT_RATINGS = `query($a: ID!) {
  assessment(id: $a) {
    id title periodEnd status withdrawnAt
    ratings { functionId capabilityId level source raterFunctionId respondentId evidence evidenceErased }
  }
}`;
/** What the Assessments screen sent before: every assessment with every rating and its correction. */
const ASSESSMENTS_EVERY_RATING = `query($o: ID!) {
  assessments(organizationId: $o) {
    id title periodEnd status withdrawnAt withdrawalReason
    ratings { functionId capabilityId level source raterFunctionId respondentId evidence evidenceErased
      correction { previousLevel reason correctedAt } }
  }
}`;
/** What it sends now: the list with how many ratings each holds (then the chosen one's, as a cell's). */
const ASSESSMENTS_LIST = `query($o: ID!) {
  assessments(organizationId: $o) { id title periodEnd status withdrawnAt withdrawalReason ratingCount }
}`;
/** The Reports page's dates. */
const MATURITY_TIMELINE = `query($o: ID!) {
  maturityTimeline(organizationId: $o) { at customerCentricityIndex alignmentIndex targetAttainment coverage provisional }
}`;

export async function benchHistory(options: { quick: boolean }): Promise<HistoryBenchResult> {
  const assessments = options.quick ? 40 : 120;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-history-'));
  const token = `bench-admin-${process.pid}-0123456789abcdef`;
  let api: Server | null = null;
  try {
    const events = await generateOrganization(dataDir, assessments);
    api = await startBuiltApi(dataDir, token);
    const url = api.url;
    const ask =
      (query: string, variables: Record<string, unknown> = {}) =>
      async (): Promise<number> => {
        const data = await graphql(url, token, query, { o: ORGANIZATION_ID, ...variables });
        return Buffer.byteLength(JSON.stringify(data));
      };
    // The first read waits for the read models to catch up with the store: not timed.
    await ask(HISTORY_PAGE)();
    const deepCursor = Buffer.from(`position:${Math.floor(events * 0.9)}`, 'utf8').toString('base64url');
    const download = async (): Promise<number> => {
      const response = await fetch(`${url}/reports/history.csv?organizationId=${ORGANIZATION_ID}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`history.csv answered ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    };
    const reads: Record<string, HistoryReadFigure> = {
      history_first_page: await timed(url, 10, ask(HISTORY_PAGE)),
      history_page_at_90_percent: await timed(url, 10, ask(HISTORY_PAGE, { after: deepCursor })),
      history_page_of_one_type: await timed(
        url,
        10,
        ask(HISTORY_PAGE, { filter: { types: ['AssessmentOpened'] } }),
      ),
      history_newest_page: await timed(url, 10, ask(HISTORY_PAGE_NEWEST_FIRST)),
      known_at_starting_point: await timed(url, 3, ask(KNOWN_AT_STARTING_POINT)),
      known_at_every_rating: await timed(url, 3, ask(KNOWN_AT_EVERY_RATING)),
      maturity_timeline: await timed(url, 3, ask(MATURITY_TIMELINE)),
      overview: await timed(url, 3, ask(OVERVIEW)),
      overview_assessment_ratings: await timed(
        url,
        3,
        ask(ASSESSMENT_RATINGS, { a: `${ORGANIZATION_ID}-${assessments - 1}` }),
      ),
      organization_history: await timed(url, 3, ask(ORGANIZATION_HISTORY)),
      assessments_every_rating: await timed(url, 3, ask(ASSESSMENTS_EVERY_RATING)),
      assessments_list: await timed(url, 3, ask(ASSESSMENTS_LIST)),
      history_csv: await timed(url, 2, download),
      history_csv_two_at_once: await timed(url, 1, async () => {
        const sizes = await Promise.all([download(), download()]);
        return sizes.reduce((sum, size) => sum + size, 0);
      }),
    };
    const peakRssMib = peakRssOf(api.pid);
    // The first read of a newly started api: nothing of the organisation is kept in memory yet.
    const firstRead = async (read: () => Promise<number>): Promise<HistoryReadFigure> => {
      await api?.stop();
      api = await startBuiltApi(dataDir, token);
      const fresh = api.url;
      await graphql(fresh, token, HISTORY_PAGE, { o: ORGANIZATION_ID });
      return timed(fresh, 1, read);
    };
    const askFresh = (query: string) => async (): Promise<number> => {
      const data = await graphql(api?.url ?? url, token, query, { o: ORGANIZATION_ID });
      return Buffer.byteLength(JSON.stringify(data));
    };
    reads.first_maturity_timeline = await firstRead(askFresh(MATURITY_TIMELINE));
    reads.first_overview = await firstRead(askFresh(OVERVIEW));
    reads.first_assessments_list = await firstRead(askFresh(ASSESSMENTS_LIST));
    reads.first_assessments_every_rating = await firstRead(askFresh(ASSESSMENTS_EVERY_RATING));
    return {
      history_reads: { events, assessments, peak_rss_mib: peakRssMib, reads },
    };
  } finally {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the read `runs` times one after another, /health sampled meanwhile. */
async function timed(url: string, runs: number, read: () => Promise<number>): Promise<HistoryReadFigure> {
  const health = sampleHealth(url);
  // The sampler is a process of its own: let it start asking before the read begins.
  await new Promise((resolve) => setTimeout(resolve, SAMPLER_START_MS));
  const times: number[] = [];
  let bytes = 0;
  let healthTimes: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      bytes = await read();
      times.push(performance.now() - started);
    }
  } finally {
    healthTimes = await health.stop();
  }
  return {
    runs,
    p50_ms: round(median(times)),
    max_ms: round(Math.max(...times)),
    kib: round(bytes / 1024),
    health_p99_ms: round(percentile(healthTimes, 0.99)),
    health_max_ms: round(Math.max(0, ...healthTimes)),
  };
}

/** The organisation, its functions and its assessments, each assessment one append. */
function generateOrganization(dataDir: string, assessments: number): Promise<number> {
  return writeOrganization(
    dataDir,
    {
      organizationId: ORGANIZATION_ID,
      functions: FUNCTIONS,
      sources: SOURCES,
      respondents: RESPONDENTS,
      start: Date.UTC(1996, 0, 1),
    },
    (_written, cycle) => cycle < assessments,
  );
}
