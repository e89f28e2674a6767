import { expect, test } from '@playwright/test';
import { authorisationMatrix, type Probe } from './authorisation-matrix';
import {
  callAction,
  classify,
  discoveredAction,
  discoverSurface,
  figures,
  ROLES,
  rowCounts,
  send,
  securityFixtures,
  type Answer,
  type Role,
  type Surface,
} from './support';

function probeAs(probe: Probe, item: Surface, role: Role): Promise<Answer> {
  if (!('action' in probe))
    return send(probe.path(), { method: probe.method, role, headers: probe.headers, body: probe.body?.() });
  if (item.kind !== 'action') throw new Error(`${item.key}: an action probe for a ${item.kind}`);
  return callAction({ id: item.id, page: probe.page() }, probe.arg(), { encoding: probe.encoding, role });
}

test('[MATRIX] every discovered page, route and action has a row, and every row is still in the build', () => {
  const discovered = discoverSurface().map((item) => item.key);
  const classified = Object.keys(authorisationMatrix);
  expect(
    discovered.filter((key) => !classified.includes(key)),
    'discovered but not classified in e2e/security/authorisation-matrix.ts',
  ).toEqual([]);
  expect(
    classified.filter((key) => !discovered.includes(key)),
    'classified but no longer in the build',
  ).toEqual([]);
});

test("[IDOR] another buyer cannot read or settle a buyer's charge, even naming the payer's user id", async () => {
  const f = securityFixtures();
  const page = `/sandbox/pay/${f.pendingReference}`;
  // A renamed or removed checkout action fails here rather than skipping the probe.
  const action = discoveredAction('actions/sandbox-checkout.ts#submitSandboxCharge', page);
  const before = await rowCounts();
  let tried = 0;
  for (const encoding of ['json', 'multipart', 'no-js-form'] as const) {
    for (const outcome of ['succeeded', 'failed']) {
      const answer = await callAction(
        action,
        { reference: f.pendingReference, outcome, userId: String(f.buyer.id), user: String(f.buyer.id) },
        { encoding, role: 'otherBuyer' },
      );
      tried++;
      expect(answer.status, `${encoding} ${outcome}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
      expect(classify(answer), `${encoding} ${outcome}`).not.toContain('applied');
      expect(classify(answer), `${encoding} ${outcome}`).not.toContain('already_settled');
    }
  }
  expect(await rowCounts()).toEqual(before);
  const otherView = await send(page, { role: 'otherBuyer' });
  expect(otherView.status).toBe(404);
  // The reference is in the URL they typed (and so in the page's route data); the charge is not.
  expect(otherView.body).not.toContain('name="outcome"');
  // The payer still has an open charge with its two buttons: nothing was settled for them.
  const ownerView = await send(page, { role: 'buyer' });
  expect(ownerView.status).toBe(200);
  expect(ownerView.body).toContain('name="outcome"');
  figures(test.info(), { 'idor attempts': tried + 2 });
});

test('[MATRIX] each role gets exactly its row of the authorisation matrix', async () => {
  const surface = discoverSurface();
  const mismatches: string[] = [];
  let probes = 0;
  for (const [key, row] of Object.entries(authorisationMatrix)) {
    const item = surface.find((candidate) => candidate.key === key);
    if (!item) continue;
    for (const role of ROLES) {
      const before = await rowCounts();
      const answer = await probeAs(row.probe, item, role);
      probes++;
      const got = classify(answer);
      if (got !== row.expect[role])
        mismatches.push(
          `${key} as ${role}: expected ${row.expect[role]}, got ${got} (${answer.body.slice(0, 160).replace(/\s+/g, ' ')})`,
        );
      if (!row.writes?.includes(role)) {
        const after = await rowCounts();
        if (JSON.stringify(after) !== JSON.stringify(before))
          mismatches.push(`${key} as ${role}: changed row counts ${JSON.stringify(diff(before, after))}`);
      }
    }
  }
  figures(test.info(), { 'matrix probes': probes });
  expect(mismatches, mismatches.join('\n')).toEqual([]);
});

function diff(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(
    Object.keys({ ...before, ...after })
      .filter((table) => before[table] !== after[table])
      .map((table) => [table, `${before[table]} → ${after[table]}`]),
  );
}
