/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The weekly-report example in a real n8n against the emulator: Schedule Trigger → Publishing Summary → Top Pins →
// one message-ready item. The emulator's clock runs two days behind wall time, so the Pins it publishes now lie
// inside "the last 7 days" as n8n counts them ($today − 7 days up to yesterday).
import { dailyFigures } from "../emulator/analytics/figures";
import { api, pinBody } from "../emulator/helpers";
import { useE2eEnvironment } from "./fixture";

const TWO_DAYS_MS = 2 * 86_400_000;
const env = useE2eEnvironment("analytics", {
  startTime: Date.now() - TWO_DAYS_MS,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Publishes Pins with these titles (and one that fails) and waits until PinBridge has decided all of them. */
async function publishWeek(titles: string[]): Promise<string[]> {
  const call = api(env.emu);
  const ids: string[] = [];
  for (const title of titles) {
    ids.push((await call("POST", "/v1/pins", pinBody(env.emu, { title }))).body.id);
  }
  await call(
    "POST",
    "/v1/pins",
    pinBody(env.emu, {
      title: "Broken image",
      image_url: "https://unreachable.example.com/x.jpg",
    }),
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    const pins = await env.emu.control.pins();
    if (pins.every((p) => p.status === "published" || p.status === "failed"))
      break;
    if (Date.now() > deadline)
      throw new Error("pins were not published in time");
    await sleep(100);
  }
  return ids;
}

describe("weekly publishing report example in real n8n", () => {
  let workflowId: string;

  beforeAll(async () => {
    await env.emu.control.reset();
    workflowId = await env.importExample("weekly-publishing-report");
  });

  it("turns the summary and the top Pins of the last 7 days into one message-ready item", async () => {
    const ids = await publishWeek(["Lemon tart", "Scones", "Apple pie", "Focaccia"]);
    const publishDay = new Date(await env.emu.control.now())
      .toISOString()
      .slice(0, 10);
    const run = await env.client.runWorkflow(workflowId, {
      node: "Weekly Message",
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe("success");

    // What PinBridge was asked: the summary in the workflow's zone, the top 3 by impressions over the 7 days.
    const summaries = await env.emu.control.requests({
      path: "/v1/dashboard/summary",
    });
    expect(summaries).toHaveLength(1);
    expect(summaries[0].query).toEqual({
      tz: expect.any(String),
      start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?[+-]\d{2}:\d{2}$/),
      end: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?[+-]\d{2}:\d{2}$/),
    });
    const tops = await env.emu.control.requests({ path: "/v1/analytics/pins" });
    expect(tops.map((r) => [r.status, r.query.sort_by, r.query.limit])).toEqual([
      [200, "impression", "3"],
    ]);

    // Ranked by the emulator's deterministic figures for the day they were published.
    const titles = ["Lemon tart", "Scones", "Apple pie", "Focaccia"];
    const expected = ids
      .map((id, i) => ({
        pin_id: id,
        title: titles[i],
        impressions: dailyFigures("pin", id, publishDay).impression,
        saves: dailyFigures("pin", id, publishDay).save,
      }))
      .sort((a, b) => b.impressions - a.impressions)
      .slice(0, 3)
      .map((pin, i) => ({ rank: i + 1, ...pin }));

    expect(run.items).toHaveLength(1);
    const message = run.items[0];
    expect(message.published).toBe(4);
    expect(message.failed).toBe(1);
    expect(message.top_pins).toEqual(expected);
    expect(message.text).toContain(
      "Published: 4 · Failed: 1 · Success rate: 80%",
    );
    expect(message.text).toContain(
      expected
        .map(
          (pin) =>
            `${pin.rank}. ${pin.title} (${pin.impressions} impressions, ${pin.saves} saves)`,
        )
        .join("\n"),
    );
    expect(message.text).toMatch(/^PinBridge weekly report, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\n/);
  });
});
