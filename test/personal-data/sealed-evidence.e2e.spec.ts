// Evidence is sealed at write: the events (and so their hashes) hold ciphertext, the keys live in
// keys.db, and every place that shows evidence opens it.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { filesContaining } from '@app/key-store/testing';
import { startTestApi, type TestApi } from '../support/test-api';

const MARKER = `Customer Carol ${randomUUID()} complained about the lobby`;

describe('evidence sealed at write, opened on read', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery(
      `mutation { registerOrganization(input: { id: "sealed-hotel", name: "Sealed Hotel" }) { id } }`,
    );
    await api.mustQuery(
      `mutation { addFunction(input: { organizationId: "sealed-hotel", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }`,
    );
    await api.mustQuery(
      `mutation { openAssessment(input: { organizationId: "sealed-hotel", assessmentId: "sealed-q1", title: "Q1", periodEnd: "2025-03-31" }) { id } }`,
    );
    await api.mustQuery(
      `mutation($evidence: String) { recordRating(input: { assessmentId: "sealed-q1", functionId: "front-desk", capabilityId: "customer-insight", level: 3, source: SELF, evidence: $evidence }) { id } }`,
      { evidence: MARKER },
    );
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  it('should show the evidence in the assessment, the maturity view, the history and the history file', async () => {
    const { assessment } = await api.mustQuery<{ assessment: { ratings: { evidence: string | null }[] } }>(
      `{ assessment(id: "sealed-q1") { ratings { evidence } } }`,
    );
    expect(assessment.ratings).toEqual([{ evidence: MARKER }]);
    const { maturity } = await api.mustQuery<{
      maturity: {
        cells: { functionId: string; capabilityId: string; ratings: { evidence: string | null }[] }[];
      };
    }>(
      `{ maturity(organizationId: "sealed-hotel") { cells { functionId capabilityId ratings { evidence } } } }`,
    );
    const cell = maturity.cells.find((one) => one.capabilityId === 'customer-insight');
    expect(cell?.ratings).toEqual([{ evidence: MARKER }]);
    const { history } = await api.mustQuery<{
      history: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
    }>(`{ history(organizationId: "sealed-hotel", first: 50) { edges { node { type data } } } }`);
    const recorded = history.edges.find((edge) => edge.node.type === 'RatingRecorded');
    expect(recorded?.node.data.evidence).toBe(MARKER);
    const download = await fetch(`${api.baseUrl}/reports/history.csv?organizationId=sealed-hotel`, {
      headers: { authorization: `Bearer ${api.adminToken}` },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toContain(MARKER);
  });

  it('should store only ciphertext in the events, with the hash chain intact', async () => {
    const { verifyIntegrity } = await api.mustQuery<{ verifyIntegrity: { ok: boolean } }>(
      `{ verifyIntegrity(organizationId: "sealed-hotel") { ok } }`,
    );
    expect(verifyIntegrity.ok).toBe(true);
    const eventsFiles = filesContaining(api.dataDir, 'sealed-q1').filter((file) =>
      file.startsWith('events.db'),
    );
    expect(eventsFiles.length).toBeGreaterThan(0);
    expect(filesContaining(api.dataDir, MARKER)).toEqual([]);
    const stored = eventsFiles
      .map((file) => readFileSync(path.join(api.dataDir, file)).toString('latin1'))
      .join('');
    expect(stored).toContain('aes-256-gcm+hkdf-sha256/1');
  });

  it('should keep the keys in keys.db, readable by its owner only', () => {
    const mode = statSync(path.join(api.dataDir, 'keys.db')).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});
