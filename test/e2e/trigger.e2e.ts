/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The PinBridge Trigger in a real n8n against the emulator, one lifecycle in order: activation registers exactly one
// webhook; a Pin published at PinBridge starts exactly one execution carrying the event; a forged delivery POSTed
// straight to n8n's production webhook URL gets 401 and starts none; restarting n8n with the workflow active leaves
// exactly one webhook and deliveries still verify; deactivating deletes the webhook.
// The emulator's clock is manual: Pins publish only when the test says so, and each delivery is sent (and n8n's
// answer received) before control.publishPin() returns.
import { createHmac } from "node:crypto";

import { api, pinBody } from "../emulator/helpers";
import { useE2eEnvironment } from "./fixture";
import { nodeOutput, waitFor, type N8nExecution } from "./n8n/client";
import { loadExampleWorkflow } from "./n8n/workflows";

const env = useE2eEnvironment("trigger", { clock: "manual" });

const EXAMPLE = "trigger-pin-published";
const TRIGGER_NODE = "PinBridge Trigger";
const RECORD_NODE = "Record Event";
const webhookId = loadExampleWorkflow(EXAMPLE).nodes.find(
  (n) => n.name === TRIGGER_NODE,
)?.webhookId as string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let workflowId: string;
let registeredId: string;

/** n8n's production URL for the trigger (what the node registers at PinBridge). */
const productionUrl = () => `${env.n8n.url}/webhook/${webhookId}/webhook`;

async function publishNewPin(): Promise<string> {
  const created = await api(env.emu)<{ id: string }>(
    "POST",
    "/v1/pins",
    pinBody(env.emu),
  );
  expect(created.status).toBe(201);
  await env.emu.control.publishPin(created.body.id);
  return created.body.id;
}

/** All executions of the workflow, after giving n8n a moment to start any it was going to start. */
async function settledExecutions(): Promise<N8nExecution[]> {
  await sleep(1500);
  return await env.client.listExecutions({ workflowId });
}

describe("PinBridge Trigger in real n8n", () => {
  beforeAll(async () => {
    await env.emu.control.reset();
    workflowId = await env.importExample(EXAMPLE);
  });

  it("activating the workflow registers exactly one webhook at PinBridge, for its production URL", async () => {
    expect(await env.emu.control.webhooks()).toHaveLength(0);
    await env.client.activate(workflowId);
    // n8n answers the activation before the node's webhookMethods have run: wait for the registration.
    await waitFor(async () => (await env.emu.control.webhooks()).length > 0, {
      what: "the webhook at PinBridge",
    });
    await sleep(1000);
    const hooks = await env.emu.control.webhooks();
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      url: productionUrl(),
      events: ["pin.published"],
    });
    expect(
      (await env.emu.control.counters()).requests_by_route["POST /v1/webhooks"],
    ).toBe(1);
    registeredId = hooks[0].id;
  });

  it("a Pin published at PinBridge starts exactly one execution carrying the event", async () => {
    const pinId = await publishNewPin();
    const [delivery] = await env.emu.control.deliveries({ pin_id: pinId });
    expect(delivery).toMatchObject({
      status: "delivered",
      event: "pin.published",
      webhook_id: registeredId,
    });
    expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);

    const [execution] = await env.client.waitForExecutions(workflowId, 1);
    expect(await settledExecutions()).toHaveLength(1);
    expect(execution.status).toBe("success");
    expect(execution.mode).toBe("webhook");
    const items = nodeOutput(execution, RECORD_NODE);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      event: "pin.published",
      pin_id: pinId,
      account_id: env.emu.accountId,
      deliveryId: delivery.id,
      receivedAt: expect.any(String),
    });
  });

  it("a forged delivery POSTed to the production URL gets 401 and starts no execution", async () => {
    const body = JSON.stringify({
      event: "pin.published",
      delivery_id: "dlv_forged_1",
      pin_id: "forged-pin",
      account_id: env.emu.accountId,
      status: "published",
    });
    const wrongSecret = createHmac("sha256", "not-the-webhook-secret")
      .update(body)
      .digest("hex");
    const forged = await env.client.callWebhook(`${webhookId}/webhook`, body, {
      headers: {
        "x-pinbridge-signature": wrongSecret,
        "x-pinbridge-event": "pin.published",
        "x-pinbridge-delivery-id": "dlv_forged_1",
      },
    });
    expect(forged.status).toBe(401);
    const unsigned = await env.client.callWebhook(
      `${webhookId}/webhook`,
      body.replace("_1", "_2"),
    );
    expect(unsigned.status).toBe(401);

    expect(await settledExecutions()).toHaveLength(1);
  });

  it("restarting n8n with the workflow active leaves exactly one webhook, and deliveries still verify", async () => {
    await env.n8n.restart();
    env.client.setCookie(env.n8n.cookie);
    expect((await env.client.getWorkflow(workflowId)).active).toBe(true);
    await sleep(2000);
    const hooks = await env.emu.control.webhooks();
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: registeredId, url: productionUrl() });
    expect(
      (await env.emu.control.counters()).requests_by_route["POST /v1/webhooks"],
    ).toBe(1);

    const pinId = await publishNewPin();
    const [delivery] = await env.emu.control.deliveries({ pin_id: pinId });
    expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);
    const executions = await env.client.waitForExecutions(workflowId, 2);
    expect(await settledExecutions()).toHaveLength(2);
    const latest = executions.sort((a, b) => Number(b.id) - Number(a.id))[0];
    expect(nodeOutput(latest, RECORD_NODE)).toEqual([
      expect.objectContaining({ pin_id: pinId, deliveryId: delivery.id }),
    ]);
  });

  it("deactivating the workflow deletes the webhook at PinBridge", async () => {
    await env.client.deactivate(workflowId);
    await waitFor(async () => (await env.emu.control.webhooks()).length === 0, {
      what: "the webhook to be deleted",
    });
    const deletes = await env.emu.control.requests({
      method: "DELETE",
      path: `/v1/webhooks/${registeredId}`,
    });
    expect(deletes.map((r) => r.status)).toEqual([204]);

    // Nothing is registered any more: a published Pin is delivered nowhere and starts nothing.
    const pinId = await publishNewPin();
    expect(await env.emu.control.deliveries({ pin_id: pinId })).toHaveLength(0);
    expect(await settledExecutions()).toHaveLength(2);
  });
});
