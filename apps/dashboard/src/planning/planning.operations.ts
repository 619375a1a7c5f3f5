// What the planning screen reads and sends.
import { operation } from '../api/client';
import type { Investment, InvestmentKind } from '../api/types';

const investmentFields = `
  id name kind cost lagMonths status deployedAt
  effects { functionId capabilityId low likely high }
`;

export const planningQuery = operation<{ investments: Investment[] }, { organizationId: string }>(`
  query Planning($organizationId: ID!) {
    investments(organizationId: $organizationId) { ${investmentFields} }
  }
`);

export interface EffectDraft {
  functionId: string;
  capabilityId: string;
  low: number;
  likely: number;
  high: number;
}

export const planInvestmentMutation = operation<
  { planInvestment: Investment },
  {
    input: {
      organizationId: string;
      name: string;
      kind: InvestmentKind;
      cost: number;
      lagMonths: number;
      effects: EffectDraft[];
    };
  }
>(`
  mutation PlanInvestment($input: PlanInvestmentInput!) {
    planInvestment(input: $input) { ${investmentFields} }
  }
`);

export const approveInvestmentMutation = operation<
  { approveInvestment: Investment },
  { investmentId: string }
>(`
  mutation ApproveInvestment($investmentId: ID!) {
    approveInvestment(investmentId: $investmentId) { ${investmentFields} }
  }
`);

export const deployInvestmentMutation = operation<
  { deployInvestment: Investment },
  { investmentId: string; deployedAt: string }
>(`
  mutation DeployInvestment($investmentId: ID!, $deployedAt: DateTime!) {
    deployInvestment(investmentId: $investmentId, deployedAt: $deployedAt) { ${investmentFields} }
  }
`);

export const cancelInvestmentMutation = operation<
  { cancelInvestment: Investment },
  { investmentId: string; reason: string | null }
>(`
  mutation CancelInvestment($investmentId: ID!, $reason: String) {
    cancelInvestment(investmentId: $investmentId, reason: $reason) { ${investmentFields} }
  }
`);

export interface Realisation {
  investmentId: string;
  predicted: number;
  actual: number | null;
  ratio: number | null;
  due: boolean;
  dueFrom: string;
}

export const realisationQuery = operation<{ investmentRealisation: Realisation }, { investmentId: string }>(`
  query Realisation($investmentId: ID!) {
    investmentRealisation(investmentId: $investmentId) { investmentId predicted actual ratio due dueFrom }
  }
`);
