// The credential and the action node in a real n8n against the emulator: the credential test, the example publish
// workflow with 20 items (one Pin per item, output in order), running the same execution again, n8n's Retry of a
// failed execution, and Wait for Publish. Every count is read at the emulator.
import { createWrongKeyCredential, useE2eEnvironment } from "./fixture";
import { itemsTitled, PUBLISH_NODE, titleFromItem } from "./publishWorkflow";

const env = useE2eEnvironment("publish");

const WAIT_NODE = "Publish and Wait";

describe("credential test in real n8n", () => {
  beforeEach(async () => await env.emu.control.reset());

  it("succeeds with the emulator key (one authenticated request reaches PinBridge)", async () => {
    expect(await env.client.testCredential(env.credential.id)).toMatchObject({
      status: "OK",
    });
    const seen = await env.emu.control.requests({
      method: "GET",
      path: "/v1/pinterest/accounts",
    });
    expect(seen.map((r) => r.status)).toEqual([200]);
  });

  it("fails for a wrong key with a message that says so", async () => {
    const tested = await env.client.testCredential(
      (await createWrongKeyCredential(env)).id,
    );
    expect(tested.status).toBe("Error");
    expect(tested.message).toMatch(/PinBridge rejected this API key/);
    // n8n itself sends a request again once after a 401 (its credential helper's "pre-authentication" retry, which
    // runs even for types that have no pre-authentication): exactly two refused requests, nothing accepted.
    const seen = await env.emu.control.requests({
      method: "GET",
      path: "/v1/pinterest/accounts",
    });
    expect(seen.map((r) => r.status)).toEqual([401, 401]);
  });

  it("succeeds for the key pasted with a trailing no-break space and tab (the emulator refuses them, as PinBridge does)", async () => {
    const pasted = await env.client.createCredential(
      "pinBridgeSuiteApi",
      { baseUrl: env.emu.url, apiKey: `${env.emu.apiKey}\u00a0\t` },
      "PinBridge (pasted key)",
    );
    expect(await env.client.testCredential(pasted.id)).toMatchObject({ status: "OK" });
    const seen = await env.emu.control.requests({ method: "GET", path: "/v1/pinterest/accounts" });
    expect(seen.map((r) => r.status)).toEqual([200]);
  });
});

describe("example publish workflow in real n8n", () => {
  let workflowId: string;
  let firstRun: { executionId: string; ids: string[] };

  beforeAll(async () => {
    await env.emu.control.reset();
    workflowId = await env.importExample(
      "publish-pin-from-image-url",
      titleFromItem,
    );
  });

  it("20 items create exactly 20 Pins and output them, one per item, in order", async () => {
    const run = await env.client.runWorkflow(workflowId, {
      triggerItems: itemsTitled("Lemon tart"),
      node: PUBLISH_NODE,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe("success");

    const pins = await env.emu.control.pins();
    expect(pins).toHaveLength(20);
    expect(
      (await env.emu.control.counters()).requests_by_route["POST /v1/pins"],
    ).toBe(20);

    expect(run.items).toHaveLength(20);
    expect(run.items.map((item) => item.title)).toEqual(
      itemsTitled("Lemon tart").map((i) => i.title),
    );
    const ids = run.items.map((item) => String(item.id));
    expect(new Set(ids).size).toBe(20);
    expect([...ids].sort()).toEqual(pins.map((p) => p.id).sort());
    for (const item of run.items) {
      const pin = pins.find((p) => p.id === item.id);
      expect(pin).toMatchObject({
        title: item.title,
        pinterest_account_id: env.emu.accountId,
        board_id: env.emu.boardIds[0],
      });
    }
    // Each output says this run created its Pin (PinBridge's clock: created_at against the answer's Date).
    expect(run.items.map((item) => item.created_by_this_call)).toEqual(
      ids.map(() => true),
    );
    firstRun = { executionId: run.executionId, ids };
  });

  it("running the same execution again creates no new Pin and outputs the same Pins", async () => {
    const before = await env.emu.control.counters();
    await env.emu.control.advance(60); // a re-run a minute later (runs under a second apart cannot be told apart)
    const again = await env.client.rerunExecution(firstRun.executionId, {
      node: PUBLISH_NODE,
    });
    expect(again.error).toBeUndefined();
    expect(again.status).toBe("success");
    expect(again.executionId).not.toBe(firstRun.executionId);

    const after = await env.emu.control.counters();
    expect(
      after.requests_by_route["POST /v1/pins"] -
        before.requests_by_route["POST /v1/pins"],
    ).toBe(20);
    expect(after.idempotent_replays - before.idempotent_replays).toBe(20);
    expect(after.pins_created).toBe(before.pins_created);
    expect(await env.emu.control.pins()).toHaveLength(20);
    expect(again.items.map((item) => String(item.id))).toEqual(firstRun.ids);
    // …and each output says so: PinBridge returned the Pin it already had for the key.
    expect(again.items.map((item) => item.created_by_this_call)).toEqual(
      firstRun.ids.map(() => false),
    );
  });

  it("n8n's Retry of a failed execution publishes only what is missing: no duplicate Pin", async () => {
    await env.emu.control.reset();
    // The first POST /v1/pins of the run gets a 402 (quota); the node has no Continue On Fail, so the run fails.
    await env.emu.control.addFault({
      method: "POST",
      path: "/v1/pins",
      status: 402,
      count: 1,
      body: {
        detail: {
          error: {
            code: "quota_exceeded",
            message: "Monthly Pin quota reached",
            upgrade_url: "https://pinbridge.io/pricing",
          },
        },
      },
    });
    const items = itemsTitled("Retried pin");
    const failed = await env.client.runWorkflow(workflowId, {
      triggerItems: items,
      node: PUBLISH_NODE,
    });
    expect(failed.status).toBe("error");
    expect(failed.error).toMatch(/quota/i);
    const afterFailure = await env.emu.control.pins();
    const refused = (
      await env.emu.control.requests({ method: "POST", path: "/v1/pins" })
    ).filter((r) => r.status === 402);
    expect(refused).toHaveLength(1);
    // Every other item was sent and published once; the refused one is the only title missing.
    expect(afterFailure).toHaveLength(19);

    await env.emu.control.clearFaults();
    const retried = await env.client.retryExecution(failed.executionId, {
      node: PUBLISH_NODE,
    });
    expect(retried.error).toBeUndefined();
    expect(retried.status).toBe("success");
    expect(retried.execution.retryOf).toBe(failed.executionId);

    const pins = await env.emu.control.pins();
    expect(pins).toHaveLength(20);
    expect(pins.map((p) => p.title).sort()).toEqual(
      items.map((i) => i.title).sort(),
    );
    expect(new Set(pins.map((p) => p.idempotency_key)).size).toBe(20);
    const counters = await env.emu.control.counters();
    expect(counters.pins_created).toBe(20);
    expect(counters.idempotent_replays).toBe(19);
    expect(retried.items.map((item) => item.title)).toEqual(
      items.map((i) => i.title),
    );
  });
});

describe("example Wait for Publish workflow in real n8n", () => {
  it("returns the Pin as published", async () => {
    await env.emu.control.reset();
    // Long enough that a node that did not wait would output the Pin still queued.
    await env.emu.control.config({ publish_delay_ms: 3000 });
    const workflowId = await env.importExample("publish-and-wait");
    const run = await env.client.runWorkflow(workflowId, { node: WAIT_NODE });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe("success");
    expect(run.items).toHaveLength(1);
    expect(run.items[0]).toMatchObject({ status: "published" });

    const pins = await env.emu.control.pins();
    expect(pins).toHaveLength(1);
    expect(pins[0]).toMatchObject({
      id: run.items[0].id,
      status: "published",
      title: "A calm linen bedroom",
    });
    expect(pins[0].pinterest_pin_id).toEqual(expect.any(String));
  });
});
