/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// What real n8n (2.41.1, single process, SQLite) saves of the static data a trigger writes in its `webhook()`: the
// evidence behind the PinBridge Trigger's redelivery design (README "PinBridge Trigger", deliveries.ts).
//
// A probe trigger, loaded as a custom node, appends the call's number to its node static data on every call and
// starts an execution only when asked (`?start=1`). After each call the test reads the workflow's static data back
// through n8n's public API (what n8n saved in its database).
//
// Seen in 2.41.1, and asserted here:
// - a call that starts an execution: nothing of what `webhook()` wrote is saved. n8n's WorkflowRunner wraps the same
//   static-data object in a new Workflow before it answers (establishContextForPersistence → ObservableObject.create
//   resets `__dataChanged`), and the execution itself runs on static data re-read from the database;
// - a call that starts none (acknowledged, refused): what `webhook()` wrote is saved (LiveWebhooks' response callback
//   → WorkflowStaticDataService.saveStaticData), on top of the database's copy (writes of earlier executing calls
//   are gone).
// So static data cannot remember which deliveries started an execution.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { N8nClient, waitFor, type WorkflowJson } from "./n8n/client";
import { freePort, startN8n, type N8nInstance } from "./n8n/instance";

const PROBE_WEBHOOK_ID = "5d2b8e0a-7c41-4f9e-8a3b-1f6e2d4c9b70";

/** A trigger that records every call in its node static data; `?start=1` makes the call start an execution. */
const PROBE_NODE = `
class StaticDataProbe {
	constructor() {
		this.description = {
			displayName: 'Static Data Probe', name: 'staticDataProbe', group: ['trigger'], version: 1,
			description: 'Test probe', defaults: { name: 'Probe' }, inputs: [], outputs: ['main'], properties: [],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'probe' }],
		};
	}
	async webhook() {
		const staticData = this.getWorkflowStaticData('node');
		const query = this.getQueryData();
		staticData.calls = [...(Array.isArray(staticData.calls) ? staticData.calls : []), String(query.n)];
		if (query.start === '1') return { workflowData: [[{ json: { n: query.n } }]] };
		return { webhookResponse: { received: true } };
	}
}
module.exports = { StaticDataProbe };
`;

const workflow: WorkflowJson = {
  name: "static data probe",
  nodes: [
    {
      id: "0b9c1a52-3e7d-4f10-9c2a-6d8e4b1f7a01",
      name: "Probe",
      type: "CUSTOM.staticDataProbe",
      typeVersion: 1,
      position: [0, 0],
      webhookId: PROBE_WEBHOOK_ID,
      parameters: {},
    },
    {
      id: "0b9c1a52-3e7d-4f10-9c2a-6d8e4b1f7a02",
      name: "Done",
      type: "n8n-nodes-base.noOp",
      typeVersion: 1,
      position: [260, 0],
      parameters: {},
    },
  ],
  connections: {
    Probe: { main: [[{ node: "Done", type: "main", index: 0 }]] },
  },
  settings: { executionOrder: "v1" },
};

let n8n: N8nInstance;
let client: N8nClient;
let userFolder: string;
let workflowId: string;

async function call(n: number, start: boolean): Promise<void> {
  const res = await client.callWebhook(
    `${PROBE_WEBHOOK_ID}/probe?n=${n}&start=${start ? 1 : 0}`,
    {},
  );
  expect(res.status).toBe(200);
}

/** The probe's calls as n8n saved them (public API read of the workflow). */
async function savedCalls(): Promise<string[] | undefined> {
  const saved = (await client.getWorkflow(workflowId)).staticData as
    | Record<string, { calls?: string[] }>
    | undefined;
  return saved?.["node:Probe"]?.calls;
}

describe("n8n 2.41.1: what it saves of static data written in a trigger’s webhook()", () => {
  beforeAll(async () => {
    userFolder = fs.mkdtempSync(
      path.join(os.tmpdir(), "pinbridge-e2e-staticdata-"),
    );
    const custom = path.join(userFolder, "custom");
    fs.mkdirSync(custom, { recursive: true });
    fs.writeFileSync(path.join(custom, "StaticDataProbe.node.js"), PROBE_NODE);
    n8n = await startN8n({
      port: await freePort(),
      userFolder,
      env: { N8N_CUSTOM_EXTENSIONS: custom },
    });
    client = new N8nClient(n8n);
    workflowId = await client.importWorkflow(workflow);
    await client.activate(workflowId);
    // Activation finishes after the API answers: call (starting nothing) until n8n knows the webhook.
    await waitFor(
      async () =>
        (await client.callWebhook(`${PROBE_WEBHOOK_ID}/probe?n=0&start=0`, {}))
          .status === 200,
      {
        what: "the probe webhook",
      },
    );
    expect(await savedCalls()).toEqual(["0"]);
  });

  afterAll(async () => {
    await n8n?.stop();
    if (userFolder && !process.env.E2E_KEEP)
      fs.rmSync(userFolder, { recursive: true, force: true });
  });

  it("a call that starts an execution: nothing written is saved", async () => {
    await call(1, true);
    await client.waitForExecutions(workflowId, 1);
    expect(await savedCalls()).toEqual(["0"]);
    await call(2, true);
    await client.waitForExecutions(workflowId, 2);
    expect(await savedCalls()).toEqual(["0"]);
  });

  it("a call that starts none: what it wrote is saved, on the database copy (earlier executing calls are gone)", async () => {
    await call(3, false);
    expect(await savedCalls()).toEqual(["0", "3"]); // not ['0', '1', '2', '3']
    await call(4, true);
    await client.waitForExecutions(workflowId, 3);
    expect(await savedCalls()).toEqual(["0", "3"]); // 4 started an execution: not saved
    await call(5, false);
    expect(await savedCalls()).toEqual(["0", "3", "5"]);
    expect(await client.listExecutions({ workflowId })).toHaveLength(3);
  });
});
