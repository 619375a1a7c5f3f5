// What the personal-data tests share: an organisation with one front-desk assessment, the view's
// numbers without its evidence (what erasing must leave as it was), and the key store's records.
import { type KeyRecord, SqliteKeyStore } from '@app/key-store';
import type { TestApi } from '../support/test-api';

/** Registers the organisation with a customer-facing front desk and opens one assessment. */
export async function openFrontDeskAssessment(
  api: TestApi,
  organizationId: string,
  assessmentId: string,
): Promise<void> {
  await api.mustQuery(
    'mutation($o: ID!) { registerOrganization(input: { id: $o, name: "Personal Data Hotel" }) { id } }',
    { o: organizationId },
  );
  await api.mustQuery(
    'mutation($o: ID!) { addFunction(input: { organizationId: $o, functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    { o: organizationId },
  );
  await api.mustQuery(
    'mutation($o: ID!, $a: ID!) { openAssessment(input: { organizationId: $o, assessmentId: $a, title: "Q1", periodEnd: "2025-03-31" }) { id } }',
    { o: organizationId, a: assessmentId },
  );
}

interface ViewWithEvidence {
  maturity: {
    cells: { ratings: { evidence: string | null; evidenceErased: boolean }[] }[];
  } & Record<string, unknown>;
}

/** The view without its evidence: what erasing must leave exactly as it was. */
export function numbersOf(view: ViewWithEvidence): unknown {
  return {
    ...view.maturity,
    cells: view.maturity.cells.map((cell) => ({
      ...cell,
      ratings: cell.ratings.map(({ evidence: _evidence, evidenceErased: _erased, ...rest }) => rest),
    })),
  };
}

/** The organisation's key records of one kind, as the key store under DATA_DIR holds them now. */
export async function keyRecordsOf(
  dataDir: string,
  organizationId: string,
  kind: KeyRecord['kind'],
): Promise<KeyRecord[]> {
  const keys = new SqliteKeyStore({ dataDir });
  try {
    return (await keys.records(organizationId)).filter((record) => record.kind === kind);
  } finally {
    await keys.close();
  }
}
