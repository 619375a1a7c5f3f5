// Shapes of the GraphQL API (docs/reference/api.md), limited to the fields the page reads.

export type RatingSource = 'SELF' | 'PEER' | 'CUSTOMER' | 'AUDIT';
export type InvestmentStatus = 'PLANNED' | 'APPROVED' | 'DEPLOYED' | 'CANCELLED';
export type InvestmentKind = 'OPERATIONAL' | 'CAPITAL';

export interface Level {
  value: number;
  name: string;
  description: string | null;
}

export interface Capability {
  id: string;
  name: string;
  dimension: string;
  weight: number;
  descriptors: string[];
}

export interface MaturityModel {
  id: string;
  version: number;
  name: string;
  levels: Level[];
  capabilities: Capability[];
}

export interface BusinessFunction {
  id: string;
  name: string;
  customerFacing: boolean;
  partner: boolean;
}

export interface Interaction {
  from: string;
  to: string;
  weight: number;
}

export interface Target {
  capabilityId: string;
  functionId: string | null;
  level: number;
}

export interface Organization {
  id: string;
  name: string;
  purpose: string | null;
  valueProposition: string | null;
  modelId: string;
  modelVersion: number;
  functions: BusinessFunction[];
  interactions: Interaction[];
  targets: Target[];
}

export interface Rating {
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId: string | null;
  evidence: string | null;
}

export interface Assessment {
  id: string;
  title: string;
  periodEnd: string;
  status: string;
  ratings: Rating[];
}

export interface Effect {
  functionId: string;
  capabilityId: string;
  low: number;
  likely: number;
  high: number;
}

export interface Investment {
  id: string;
  name: string;
  kind: InvestmentKind;
  cost: number;
  lagMonths: number;
  status: InvestmentStatus;
  deployedAt: string | null;
  effects: Effect[];
}

export interface MaturityCell {
  functionId: string;
  capabilityId: string;
  level: number | null;
  target: number | null;
  gap: number | null;
  perceptionGap: number | null;
  ratingCount: number;
}

export interface LinkScore {
  from: string;
  to: string;
  misalignment: number;
}

export interface Indices {
  customerCentricityIndex: number | null;
  alignmentIndex: number | null;
  targetAttainment: number | null;
}

export interface MaturityView extends Indices {
  asOf: string | null;
  knownAt: string | null;
  cells: MaturityCell[];
  coverage: number;
  weakestLinks: LinkScore[];
}

export interface MaturityPoint extends Indices {
  at: string;
  coverage: number;
}

export interface TrajectoryPoint extends Indices {
  month: number;
}

export interface SimulationWarning {
  code: string;
  message: string;
  from: string | null;
  to: string | null;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface Distribution {
  trials: number;
  customerCentricityIndex: Percentiles;
  alignmentIndex: Percentiles;
  probabilityAlignmentDrops: number;
}

export interface SimulationResult {
  baseline: Indices;
  projected: Indices;
  trajectory: TrajectoryPoint[];
  cells: MaturityCell[];
  weakestLinks: LinkScore[];
  warnings: SimulationWarning[];
  distribution: Distribution | null;
}

export interface FrontierPoint {
  cost: number;
  objective: number;
  investmentIds: string[];
}

export interface PortfolioResult {
  selectedIds: string[];
  totalCost: number;
  objective: number;
  exact: boolean;
  frontier: FrontierPoint[];
}

export type Role = 'ADMIN' | 'ASSESSOR' | 'PLANNER' | 'AUDITOR';

export interface Viewer {
  tokenId: string;
  label: string | null;
  role: Role;
  allOrganizations: boolean;
  organizationIds: string[];
  allowedOperations: string[];
}
