/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The example workflows (test/e2e/workflows/) as a user gets them, in a real n8n against the emulator: every file
// imports as it ships (placeholders and all); the copies seeded by `npm run dev` have their pickers in From List mode
// showing names; the publish example outputs the Pin live; the products starter schedules one Pin per product for
// tomorrow morning; the rows example publishes in one batch and its re-run creates nothing; the queue starter puts
// 30 rows at 3 a day, 30 more after them, and the first 30 again create nothing; the failed-Pin starter
// turns a pin.failed delivery into an alert.
import fs from "node:fs";

import { api, pinBody } from "../emulator/helpers";
import { useE2eEnvironment } from "./fixture";
import { nodeOutput } from "./n8n/client";
import { exampleWorkflowFiles, pickerNames } from "./n8n/workflows";

const env = useE2eEnvironment("examples");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const readExample = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

describe("example workflows as a user gets them", () => {
  it("every file imports into n8n as it ships, its pickers in From List mode holding the documented placeholders", async () => {
    const files = exampleWorkflowFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const wf = readExample(file);
      const id = await env.client.importWorkflow(wf);
      expect((await env.client.getWorkflow(id)).nodes).toHaveLength(
        wf.nodes.length,
      );
      for (const node of wf.nodes) {
        for (const [key, placeholder] of [
          ["account", "PINBRIDGE_ACCOUNT_ID"],
          ["board", "PINBRIDGE_BOARD_ID"],
        ]) {
          const picker = node.parameters?.[key];
          // A picker an AI agent fills ($fromAI) is an expression, not a choice left to the user.
          if (!picker || String(picker.value).startsWith("=")) continue;
          expect({ file, key, mode: picker.mode, value: picker.value }).toEqual(
            { file, key, mode: "list", value: placeholder },
          );
          expect(picker.cachedResultName).toContain(placeholder);
        }
        if (node.type.startsWith("n8n-nodes-pinbridge-suite.")) {
          expect(Object.values(node.credentials ?? {})).toEqual([
            { id: "PINBRIDGE_CREDENTIAL_ID", name: "PinBridge (emulator)" },
          ]);
        }
      }
      await env.client.deleteWorkflow(id);
    }
  });

  it("the seeded copies show the account and board by name in the pickers (From List mode)", async () => {
    const names = await pickerNames(
      env.emu.url,
      env.emu.apiKey,
      env.emu.accountId,
      env.emu.boardIds[0],
    );
    expect(names.accountName).toMatch(/^Emulator Studio/);
    expect(names.boardName).toEqual(expect.any(String));
    const id = await env.importExample("publish-pin-from-image-url");
    const publish = (await env.client.getWorkflow(id)).nodes.find(
      (n) => n.name === "Publish Pin",
    );
    expect(publish?.parameters.account).toEqual({
      __rl: true,
      mode: "list",
      value: env.emu.accountId,
      cachedResultName: names.accountName,
    });
    expect(publish?.parameters.board).toEqual({
      __rl: true,
      mode: "list",
      value: env.emu.boardIds[0],
      cachedResultName: names.boardName,
    });
  });

  it("publish example: the output shows the Pin published (Wait for Publish)", async () => {
    await env.emu.control.reset();
    await env.emu.control.config({ publish_delay_ms: 1500 });
    const id = await env.importExample("publish-pin-from-image-url");
    const run = await env.client.runWorkflow(id, { node: "Publish Pin" });
    expect(run.error).toBeUndefined();
    expect(run.items).toHaveLength(1);
    expect(run.items[0]).toMatchObject({
      status: "published",
      title: "Lemon tart, the easy way",
    });
    expect(run.items[0].pinterest_pin_id).toEqual(expect.any(String));
  });

  it("products starter: one Pin per product scheduled for tomorrow from 09:00, 30 minutes apart", async () => {
    await env.emu.control.reset();
    // A workflow time zone far from the machine's, so that reading 09:00 in any other zone would show.
    const id = await env.importExample("schedule-products-every-morning", (wf) => {
      wf.settings = { ...wf.settings, timezone: "Asia/Tokyo" };
    });
    const run = await env.client.runWorkflow(id, { node: "Schedule Pin" });
    expect(run.error).toBeUndefined();
    expect(run.items).toHaveLength(3);

    const schedules = await env.emu.control.schedules();
    expect(schedules.map((s) => s.payload.title).sort()).toEqual([
      "Ceramic table lamp",
      "Linen duvet cover, sand",
      "Oak side table",
    ]);
    const times = run.items.map((item) => Date.parse(String(item.run_at)));
    expect(times[1] - times[0]).toBe(30 * 60_000);
    expect(times[2] - times[1]).toBe(30 * 60_000);
    const tokyoClock = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tokyo",
      hour: "2-digit",
      minute: "2-digit",
    });
    expect(times.map((t) => tokyoClock.format(t))).toEqual(["09:00", "09:30", "10:00"]);
    const hoursAhead = (times[0] - Date.now()) / 3_600_000;
    expect(hoursAhead).toBeGreaterThan(0);
    expect(hoursAhead).toBeLessThan(48);
    const first = schedules.find(
      (s) => s.payload.title === "Linen duvet cover, sand",
    );
    expect(first?.payload).toMatchObject({
      link_url: "https://shop.example.com/products/linen-duvet-sand",
      image_url: "https://images.pinbridge.io/examples/linen-duvet-sand.jpg",
      description: "Stone-washed linen that gets softer with every wash.",
    });
    expect(Date.parse(String(first?.run_at))).toBe(times[0]);
  });

  it("rows in batches: one batch request for the 3 rows, 3 Pins; a re-run returns the same Pins and creates 0", async () => {
    await env.emu.control.reset();
    const id = await env.importExample("publish-rows-in-batches");
    const first = await env.client.runWorkflow(id, { node: "Publish Batch" });
    expect(first.error).toBeUndefined();
    expect(first.items.map((item) => [item.title, item.batch_status])).toEqual([
      ["Linen duvet cover, sand", "created"],
      ["Oak side table", "created"],
      ["Ceramic table lamp", "created"],
    ]);
    expect((await env.emu.control.requests({ path: "/v1/pins/batch" })).length).toBe(1);
    const again = await env.client.runWorkflow(id, { node: "Publish Batch" });
    expect(again.items.map((item) => [item.batch_status, item.replayed])).toEqual([
      ["existing", true],
      ["existing", true],
      ["existing", true],
    ]);
    expect(again.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect((await env.emu.control.pins()).length).toBe(3);
  });

  it("queue starter: 30 rows at 3 a day; 30 new rows continue after them; the first 30 again create nothing", async () => {
    await env.emu.control.reset();
    const zone = "America/New_York"; // far from the machine's zone, so reading the times anywhere else would show
    const inZone = (wf: { settings?: Record<string, unknown> }) => {
      wf.settings = { ...wf.settings, timezone: zone };
    };
    const clock = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" });
    const before = Date.now();
    const firstId = await env.importExample("queue-rows-3-a-day", inZone);
    const first = await env.client.runWorkflow(firstId, { node: "Add to Queue" });
    expect(first.error).toBeUndefined();
    expect(first.items).toHaveLength(30);
    expect(first.items.map((item) => item.queue_status)).toEqual(Array(30).fill("added"));
    const firstTimes = first.items.map((item) => Date.parse(String(item.slot_utc)));
    // every slot a 09:00, 13:00 or 19:00 in the workflow's zone, one Pin each, in row order, none skipped
    expect(new Set(firstTimes.map((t) => clock.format(t)))).toEqual(new Set(["09:00", "13:00", "19:00"]));
    expect(firstTimes.every((t, i) => i === 0 || t > firstTimes[i - 1])).toBe(true);
    expect(firstTimes[0]).toBeGreaterThanOrEqual(before + 60_000);
    expect(firstTimes[0] - before).toBeLessThan(24 * 3_600_000);
    expect(firstTimes[29] - firstTimes[0]).toBeLessThan(10 * 24 * 3_600_000); // 30 at 3 a day: within 10 days
    expect(new Set(first.items.map((item) => item.slot_local)).size).toBe(30);
    expect(String(first.items[0].slot_local)).toMatch(/-0[45]:00$/);

    // 30 new rows (a restock): queued after the first 30, at the plan's next times
    const secondId = await env.importExample("queue-rows-3-a-day", (wf) => {
      inZone(wf);
      const rows = wf.nodes.find((node) => node.name === "Rows");
      const data = JSON.parse(String(rows?.parameters.jsonOutput)) as { rows: Array<Record<string, string>> };
      for (const row of data.rows) row.title = `${row.title} (restock)`;
      if (rows) rows.parameters.jsonOutput = JSON.stringify(data);
    });
    const second = await env.client.runWorkflow(secondId, { node: "Add to Queue" });
    expect(second.error).toBeUndefined();
    expect(second.items.map((item) => item.queue_status)).toEqual(Array(30).fill("added"));
    const secondTimes = second.items.map((item) => Date.parse(String(item.slot_utc)));
    expect(secondTimes[0]).toBeGreaterThan(firstTimes[29]);
    expect(secondTimes[0] - firstTimes[29]).toBeLessThanOrEqual(14 * 3_600_000); // the very next time of the plan
    expect(new Set([...firstTimes, ...secondTimes]).size).toBe(60);
    expect(await env.emu.control.schedules()).toHaveLength(60);

    // the first 30 rows again: each gets its schedule back, nothing is created
    await env.emu.control.clearRequests();
    const third = await env.client.runWorkflow(firstId, { node: "Add to Queue" });
    expect(third.error).toBeUndefined();
    expect(third.items.map((item) => item.queue_status)).toEqual(Array(30).fill("already_queued"));
    expect(third.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect(await env.emu.control.requests({ method: "POST", path: "/v1/schedules" })).toHaveLength(0);
    expect(await env.emu.control.requests({ method: "GET", path: "/v1/schedules" })).toHaveLength(1);
    expect(await env.emu.control.schedules()).toHaveLength(60);
  });

  it("failed-Pin starter: a Pin PinBridge gives up on produces one alert naming it and the error", async () => {
    await env.emu.control.reset();
    await env.emu.control.config({ publish_delay_ms: 60_000 }); // the Pin stays queued until the test fails it
    const id = await env.importExample("alert-on-failed-pin");
    await env.client.activate(id);
    try {
      for (
        let i = 0;
        i < 50 && (await env.emu.control.webhooks()).length === 0;
        i++
      )
        await sleep(200);
      expect(await env.emu.control.webhooks()).toHaveLength(1);

      const created = await api(env.emu)<{ id: string }>(
        "POST",
        "/v1/pins",
        pinBody(env.emu, { title: "Spring wreath" }),
      );
      expect(created.status).toBe(201);
      await env.emu.control.failPin(created.body.id, {
        error_code: "pinterest_rejected",
        error_message: "The image is smaller than 200 × 300 pixels",
      });

      const [execution] = await env.client.waitForExecutions(id, 1);
      expect(execution.status).toBe("success");
      expect(nodeOutput(execution, "Alert")).toEqual([
        {
          subject: 'PinBridge could not publish "Spring wreath"',
          text: `Pin ${created.body.id} failed (pinterest_rejected): The image is smaller than 200 × 300 pixels. Retry it with PinBridge → Pin → Retry once the cause is fixed.`,
          pinId: created.body.id,
        },
      ]);
    } finally {
      await env.client.deactivate(id);
    }
  });
});
