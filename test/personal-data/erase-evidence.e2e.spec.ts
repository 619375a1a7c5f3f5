// Erasing evidence (docs/reference/personal-data.md): after redactEvidence returns, the text reads
// null with evidenceErased everywhere, levels and scores are as they were, verifyIntegrity passes,
// and neither the text nor the destroyed key's bytes are in any file under DATA_DIR, nor in an
// export or a backup made afterwards.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { KeyRecord } from '@app/key-store';
import { filesContaining } from '@app/key-store/testing';
import { startTestApi, type TestApi } from '../support/test-api';
import { buildCli, runCli } from '../audit/cli-runner';
import { keyRecordsOf, numbersOf, openFrontDeskAssessment } from './personal-data-fixtures';

const WRONG_PASTE = `Customer Carol Jones ${randomUUID()} of room 12 complained`;
const KEPT = `Survey ${randomUUID()} shows the queue is shorter`;

const RATING = `mutation($capabilityId: ID!, $level: Int!, $evidence: String) {
  recordRating(input: { assessmentId: "erase-q1", functionId: "front-desk", capabilityId: $capabilityId, level: $level, source: SELF, evidence: $evidence }) { id } }`;
const VIEW = `{ maturity(organizationId: "erase-hotel") {
  coverage customerCentricityIndex alignmentIndex
  cells { functionId capabilityId level gap perceptionGap ratingCount ratings { source level evidence evidenceErased weight } } } }`;

interface View {
  maturity: {
    cells: { capabilityId: string; ratings: { evidence: string | null; evidenceErased: boolean }[] }[];
  } & Record<string, unknown>;
}

const idOf = (record: KeyRecord): string => (record.kind === 'value-secret' ? record.valueId : record.keyId);

const valueSecrets = (dataDir: string): Promise<KeyRecord[]> =>
  keyRecordsOf(dataDir, 'erase-hotel', 'value-secret');

describe('redactEvidence: one wrong paste erased, nothing left behind', () => {
  let api: TestApi;
  let workspace: string;

  beforeAll(async () => {
    buildCli();
    workspace = mkdtempSync(path.join(tmpdir(), 'maturity-erase-'));
    api = await startTestApi();
    await openFrontDeskAssessment(api, 'erase-hotel', 'erase-q1');
    await api.mustQuery(RATING, { capabilityId: 'customer-insight', level: 2, evidence: WRONG_PASTE });
    await api.mustQuery(RATING, { capabilityId: 'customer-insight', level: 3, evidence: WRONG_PASTE });
    await api.mustQuery(RATING, { capabilityId: 'service-recovery', level: 4, evidence: KEPT });
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it('should erase the evidence of every recording of the rating, keep the rest, and leave no trace', async () => {
    const before = await api.mustQuery<View>(VIEW);
    const secretsBefore = await valueSecrets(api.dataDir);
    expect(secretsBefore).toHaveLength(3);
    const materialOf = (record: KeyRecord): Buffer => Buffer.from(record.material ?? '', 'base64');
    // The search finds key bytes where they are: it could fail.
    for (const record of secretsBefore)
      expect(filesContaining(api.dataDir, materialOf(record))).not.toEqual([]);

    const redacted = await api.mustQuery<{ redactEvidence: boolean }>(
      `mutation { redactEvidence(input: { assessmentId: "erase-q1", functionId: "front-desk", capabilityId: "customer-insight", source: SELF, reason: "wrong paste", commandId: "redact-1" }) }`,
    );
    expect(redacted.redactEvidence).toBe(true);
    // Right when the call returns, before anything else touches the files.
    const tracesRightAfter = new Map(
      secretsBefore.map((secret) => [
        idOf(secret),
        [
          ...filesContaining(api.dataDir, materialOf(secret)),
          ...filesContaining(api.dataDir, secret.material ?? ''),
        ],
      ]),
    );
    expect(filesContaining(api.dataDir, WRONG_PASTE)).toEqual([]);

    // Every place that shows evidence.
    const { assessment } = await api.mustQuery<{
      assessment: {
        ratings: { capabilityId: string; level: number; evidence: string | null; evidenceErased: boolean }[];
      };
    }>(`{ assessment(id: "erase-q1") { ratings { capabilityId level evidence evidenceErased } } }`);
    expect(assessment.ratings).toEqual([
      { capabilityId: 'customer-insight', level: 3, evidence: null, evidenceErased: true },
      { capabilityId: 'service-recovery', level: 4, evidence: KEPT, evidenceErased: false },
    ]);
    const after = await api.mustQuery<View>(VIEW);
    expect(numbersOf(after)).toEqual(numbersOf(before));
    const insight = after.maturity.cells.find((cell) => cell.capabilityId === 'customer-insight');
    expect(insight?.ratings).toEqual([expect.objectContaining({ evidence: null, evidenceErased: true })]);
    const { history } = await api.mustQuery<{
      history: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
    }>(`{ history(organizationId: "erase-hotel", first: 50) { edges { node { type data } } } }`);
    const recordings = history.edges.filter((edge) => edge.node.type === 'RatingRecorded');
    expect(
      recordings.map((edge) => [edge.node.data.evidence ?? null, edge.node.data.evidenceErased ?? false]),
    ).toEqual([
      [null, true],
      [null, true],
      [KEPT, false],
    ]);
    const record = history.edges.find((edge) => edge.node.type === 'EvidenceRedacted');
    expect(record?.node.data).toMatchObject({
      assessmentId: 'erase-q1',
      capabilityId: 'customer-insight',
      reason: 'wrong paste',
    });
    expect(JSON.stringify(record?.node.data)).not.toContain('Carol');
    const csv = await fetch(`${api.baseUrl}/reports/history.csv?organizationId=erase-hotel`, {
      headers: { authorization: `Bearer ${api.adminToken}` },
    });
    expect(await csv.text()).not.toContain(WRONG_PASTE);

    const { verifyIntegrity } = await api.mustQuery<{ verifyIntegrity: { ok: boolean } }>(
      `{ verifyIntegrity { ok } }`,
    );
    expect(verifyIntegrity.ok).toBe(true);

    // Nothing left behind: not the text, not the destroyed secrets; the kept one is still there.
    const exported = path.join(workspace, 'export.ndjson');
    expect((await runCli(api.dataDir, ['export', exported])).code).toBe(0);
    const backup = path.join(workspace, 'backup.db');
    expect((await runCli(api.dataDir, ['backup', backup])).code).toBe(0);
    expect(readdirSync(workspace).sort()).toEqual(['backup.db', 'backup.db.keys', 'export.ndjson']);
    const secretsAfter = await valueSecrets(api.dataDir);
    const erasedIds = new Set(secretsAfter.filter((secret) => secret.material === null).map(idOf));
    expect(erasedIds.size).toBe(2);
    for (const [id, files] of tracesRightAfter)
      if (erasedIds.has(id)) expect({ id, files }).toEqual({ id, files: [] });
      else expect(files).toContain('keys.db');
    for (const place of [api.dataDir, workspace]) {
      expect(filesContaining(place, WRONG_PASTE)).toEqual([]);
      for (const secret of secretsBefore.filter((one) => erasedIds.has(idOf(one)))) {
        expect(filesContaining(place, materialOf(secret))).toEqual([]);
        expect(filesContaining(place, secret.material ?? '')).toEqual([]);
      }
    }
    // The kept secret is where it belongs: the search is not blind.
    const kept = secretsBefore.find((secret) => !erasedIds.has(idOf(secret))) as KeyRecord;
    expect(filesContaining(workspace, materialOf(kept))).toEqual(['backup.db.keys']);
    expect(filesContaining(workspace, kept.material ?? '')).toEqual(['export.ndjson']);
  }, 120_000);
});
