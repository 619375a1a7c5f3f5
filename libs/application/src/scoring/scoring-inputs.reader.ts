// The one way an organisation's scoring inputs are read: from the organisation index, as known at
// a transaction time, so maturity views, simulations and realisations all see the same facts.
import { Injectable } from '@nestjs/common';
import {
  type AssessmentRating,
  type AssessmentRatings,
  requireIsoDate,
  requireOrganization,
  requireSlug,
  type ScoringModel,
} from '@app/domain';
import type { JsonObject, JsonValue } from '@app/event-store';
import { isSealedValue } from '@app/key-store';
import { yieldToOtherWork } from '@app/projections';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { PersonalData } from '../personal-data/personal-data';
import { ReadModels } from '../projections/read-models';
import { OrganizationHistory } from './organization-history';
import { type ScoringInputs, toScoringModel, toScoringOrganization } from './scoring-inputs';

/**
 * Rating events kept in memory across the histories of the organisations read most recently
 * (about 250 bytes each); beyond it the least recently read history is dropped and read again
 * from the index when next needed.
 */
const MAX_KEPT_RATING_EVENTS = 400_000;

/** About how many index events are read and added between two pauses for other requests. */
const EVENTS_PER_PART = 2_000;
const FIRST_RUNS_PER_PART = 16;
const MAX_RUNS_PER_PART = 4_096;

/** Scores an organisation not yet registered at knownAt: no functions, so no cells. */
const NOTHING_KNOWN: ScoringInputs = {
  model: { levelCount: 2, capabilities: [] } satisfies ScoringModel,
  organization: { functions: [], interactions: [], targets: [] },
  assessments: [],
  openAssessments: [],
};

@Injectable()
export class ScoringInputsReader {
  /**
   * Each organisation's history as read so far, least recently read first. The index only grows
   * at the end, so a kept history is brought up to date by reading the rows after its last
   * position: a time slider's reads of one organisation parse its events once.
   */
  private readonly histories = new Map<string, OrganizationHistory>();
  private keptRatingEvents = 0;

  constructor(
    private readonly readModels: ReadModels,
    private readonly models: MaturityModelCatalog,
    private readonly personalData: PersonalData,
  ) {}

  /**
   * The organisation's model, structure and assessments from the events recorded up to `knownAt`
   * (all when null), once the read models have caught up. An organisation never registered is
   * NOT_FOUND; one registered only after `knownAt` has nothing to score yet.
   */
  async read(organizationId: string, knownAt: string | null = null): Promise<ScoringInputs> {
    const id = requireSlug('organizationId', organizationId);
    const recordedUntil = knownAt === null ? null : Date.parse(requireIsoDate('knownAt', knownAt));
    await this.readModels.ready();
    const history = await this.historyOf(id);
    // Folding a long history's assessments is the heavy part: other requests go between them.
    const steps = history.knownAtStepByStep(recordedUntil);
    let step = steps.next();
    while (step.done !== true) {
      await yieldToOtherWork();
      step = steps.next();
    }
    const known = step.value;
    if (
      known.organization.status !== 'REGISTERED' &&
      recordedUntil !== null &&
      this.readModels.index.hasOrganization(id)
    ) {
      return NOTHING_KNOWN;
    }
    const organization = requireOrganization(known.organization, 'organizationId', id);
    const model = await this.models.require(organization.modelId, organization.modelVersion);
    return {
      model: toScoringModel(model),
      organization: toScoringOrganization(organization),
      assessments: await this.openEvidence(known.assessments),
      openAssessments: known.openAssessments,
    };
  }

  /**
   * The kept histories hold evidence sealed, as the index stores it: the evidence of the ratings
   * that count is opened here, for this read only, so a destroyed key erases it from the next read.
   * Assessments without sealed evidence are passed on as they are (their groupings stay reused).
   */
  private async openEvidence(assessments: readonly AssessmentRatings[]): Promise<AssessmentRatings[]> {
    // Until opened, a rating's evidence may be the sealed value the index holds, not a string.
    const isSealed = (rating: AssessmentRating): boolean => isSealedValue(rating.evidence);
    const sealed = assessments.flatMap((assessment) => assessment.ratings.filter(isSealed));
    if (sealed.length === 0) return [...assessments];
    const opened = await this.personalData.open(
      sealed.map((rating): { type: string; data: JsonObject } => ({
        type: 'RatingRecorded',
        data: { evidence: rating.evidence as unknown as JsonValue },
      })),
    );
    const openedOf = new Map<AssessmentRating, AssessmentRating>();
    sealed.forEach((rating, index) => {
      const data = opened[index]?.data;
      const evidence = data?.evidence;
      openedOf.set(rating, {
        ...rating,
        evidence: typeof evidence === 'string' ? evidence : null,
        evidenceErased: data?.evidenceErased === true,
      });
    });
    return assessments.map((assessment) =>
      assessment.ratings.some(isSealed)
        ? { ...assessment, ratings: assessment.ratings.map((rating) => openedOf.get(rating) ?? rating) }
        : assessment,
    );
  }

  /**
   * The kept history brought up to date with the index, a part at a time with other requests
   * served between parts. Reads of one organisation may interleave: a history ignores the events
   * it already holds, and each read goes on until the index has nothing after what it holds.
   */
  private async historyOf(organizationId: string): Promise<OrganizationHistory> {
    const history = this.histories.get(organizationId) ?? new OrganizationHistory();
    // The most recently read last: the least recently read are dropped first.
    this.histories.delete(organizationId);
    this.histories.set(organizationId, history);
    let runLimit = FIRST_RUNS_PER_PART;
    for (;;) {
      const events = this.readModels.index.eventsOf(organizationId, {
        afterPosition: history.lastPosition,
        runLimit,
      });
      if (events.length === 0) break;
      const before = history.ratingEventCount;
      history.add(events);
      // Counted only while kept (another read may have dropped it meanwhile).
      if (this.histories.get(organizationId) === history)
        this.keptRatingEvents += history.ratingEventCount - before;
      // Runs are appends of 1 to thousands of events: size the next part by this one's.
      runLimit = Math.min(
        MAX_RUNS_PER_PART,
        Math.max(1, Math.round((runLimit * EVENTS_PER_PART) / events.length)),
      );
      await yieldToOtherWork();
    }
    for (const [oldestId, oldest] of this.histories) {
      if (this.keptRatingEvents <= MAX_KEPT_RATING_EVENTS || oldestId === organizationId) break;
      this.histories.delete(oldestId);
      this.keptRatingEvents -= oldest.ratingEventCount;
    }
    return history;
  }
}
