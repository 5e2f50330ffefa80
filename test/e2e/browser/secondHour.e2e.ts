/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
// Browser check of issue 23 ("a newcomer's second hour"), in Debian's Chromium against the real n8n started exactly
// as `npm run dev` starts it (test/e2e/n8n/dev.ts: its examples, credential and time zone):
// 1. every example `npm run dev` imported runs, and Execute step then works on each PinBridge node; every example
//    file also imports through the editor's own Import → From File, and one imported that way runs;
// 2. Schedule output names the zone and shows the time in it; `npm run dev` gave n8n the machine's zone and said so;
// 3. a Publish built from scratch (Wait for Publish off) says how to see the outcome; a published Pin has its link;
// 4. the nodes panel finds the node for "publish", "publish pin", "schedule pin", "pinterest pin", Publish a Pin first;
// 5. canvas subtitles name the action ("Publish a Pin"), not "publish: pin";
// 6. Cover Image shows for video media only;
// 7. the API Key field says where to get a key; a wrong key in the account picker names the credential.
// Screenshots: test-output/browser/second-hour-*.png (git-ignored).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { N8nClient } from "../n8n/client";
import { startDevEnvironment, devTimeZone, type DevEnvironment } from "../n8n/dev";
import { freePort, REPO_DIR } from "../n8n/instance";
import { exampleWorkflowFiles, pickerNames } from "../n8n/workflows";
import { browserCheckRuns, openPage, type LaunchedBrowser } from "./chromium";
import { Editor } from "./editor";

const OUTPUT_DIR = path.join(REPO_DIR, "test-output", "browser");
const run = browserCheckRuns();

/** The examples with PinBridge nodes a manual run reaches (the others start from a chat, an MCP client or PinBridge). */
const RUNNABLE: Record<string, string[]> = {
  "PinBridge: publish a Pin from an image URL": ["Publish Pin"],
  "PinBridge: publish a Pin and wait until it is published": ["Publish and Wait"],
  "PinBridge: publish rows as Pins in batches": ["Publish Batch"],
  "PinBridge: every morning, schedule a Pin for each product": ["Schedule Pin"],
  "PinBridge: weekly publishing report (every Monday)": ["Publishing Summary", "Top Pins"],
};

jest.setTimeout(900_000);

(run ? describe : describe.skip)("browser: a newcomer's second hour (issue 23)", () => {
  let dev: DevEnvironment;
  let client: N8nClient;
  let browser: LaunchedBrowser;
  let ui: Editor;
  let userFolder: string;
  let printed = "";
  let workflows: Array<{ id: string; name: string }>;
  /** The names the account and board pickers list for the emulator's seeded account and first board. */
  let names: { accountName?: string; boardName?: string };

  beforeAll(async () => {
    userFolder = fs.mkdtempSync(path.join(os.tmpdir(), "pinbridge-e2e-second-hour-"));
    const log = jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed += `${args.join(" ")}\n`;
    });
    try {
      // No hot reload: another build of dist/ in this checkout would unload the node in the middle of a step.
      dev = await startDevEnvironment({ port: await freePort(), emulatorPort: await freePort(), userFolder, reload: false });
    } finally {
      log.mockRestore();
    }
    client = new N8nClient(dev.n8n);
    workflows = await client.listWorkflows();
    const emu = dev.emulator;
    names = await pickerNames(emu.url, emu.apiKey, emu.accountId, emu.boardIds[0]);
    const opened = await openPage(OUTPUT_DIR);
    browser = opened.browser;
    opened.page.setDefaultTimeout(90_000);
    opened.page.setDefaultNavigationTimeout(90_000);
    ui = new Editor(opened.page, dev.n8n.url, OUTPUT_DIR);
    await ui.signIn(dev.n8n.owner);
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
    if (userFolder && !process.env.E2E_KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
  });

  const idOf = (name: string) => workflows.find((w) => w.name === name)!.id;
  /** The workflow as n8n stored it; waits for a save the editor has started to land. */
  const stored = async (id: string) => {
    for (let waited = 0; ; waited += 1000) {
      const answer = await client.request<{ data: { nodes: unknown[]; pinData: unknown } }>("rest", "GET", `/workflows/${id}`, undefined, {
        okStatuses: [200, 404],
      });
      if (answer.status === 200 || waited > 60_000) return answer.body.data;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  const storedPinData = async (id: string) => (await stored(id)).pinData;

  it("2. npm run dev gives n8n the machine's time zone (or GENERIC_TIMEZONE, else Etc/UTC) and prints it", async () => {
    expect(dev.timeZone).toBe(devTimeZone());
    expect(printed).toContain(`time zone    ${dev.timeZone}`);
    const settings = await client.request<{ data: { timezone: string } }>("rest", "GET", "/settings");
    expect(settings.body.data.timezone).toBe(dev.timeZone);
  });

  it("1. every example npm run dev imported: Execute workflow, then Execute step on each PinBridge node", async () => {
    // What the walk finds wrong is collected, so that one run reports every point, not only the first.
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => ok || problems.push(problem);
    for (const [name, nodes] of Object.entries(RUNNABLE)) {
      const id = idOf(name);
      await ui.step(`example-${id}`, async () => {
        await ui.openWorkflow(id);
        const run = await ui.executeWorkflow();
        check(run.includes("Workflow executed successfully"), `${name}: Execute workflow did not succeed`);
        for (const node of nodes) {
          await ui.openNode(node);
          const output = await ui.executeStep();
          const failure = /(Cannot read properties[^"\n]*|Problem (running|executing) [^\n]*)/.exec(output);
          check(!failure, `${name} → ${node}: Execute step failed: ${failure?.[0]}`);
          check(/\d+ items?\b/.test(output), `${name} → ${node}: Execute step gave no items`);
          if (node === "Publish and Wait") {
            // 3. A published Pin carries its page on Pinterest.
            check(
              /"pinterest_url": "https:\/\/www\.pinterest\.com\/pin\/\d+\/"/.test(output),
              `${node}: no pinterest_url in the published Pin`,
            );
            await ui.shot("second-hour-published-link.png");
          }
          if (node === "Schedule Pin") {
            // 2. The time in the zone used, and the zone named (the workflow sets none: n8n's, from npm run dev).
            check(
              /"run_at_local": "\d{4}-\d{2}-\d{2}T09:00:00[+-]\d{2}:\d{2}"/.test(output),
              `${node}: no run_at_local at 09:00 in the zone used`,
            );
            check(output.includes(`"time_zone": "${dev.timeZone}"`), `${node}: the zone (${dev.timeZone}) is not named`);
            await ui.shot("second-hour-schedule-zone.png");
          }
          await ui.closeNode();
        }
      });
      const pinData = await storedPinData(id);
      check(JSON.stringify(pinData) === "{}", `${name}: stored with pinData ${JSON.stringify(pinData)}, not {}`);
    }
    // 5. The canvas names the actions.
    const report = await ui.canvasNode("Publishing Summary").innerText();
    check(report.includes("Get a publishing summary"), `canvas: Publishing Summary reads "${report.replace(/\s+/g, " ")}"`);
    const top = await ui.canvasNode("Top Pins").innerText();
    check(top.includes("Get the top Pins"), `canvas: Top Pins reads "${top.replace(/\s+/g, " ")}"`);
    await ui.shot("second-hour-canvas-subtitles.png");
    expect(problems).toEqual([]);
  });

  it("1. every example file imports through Import → From File; the publish example imported so runs", async () => {
    for (const file of exampleWorkflowFiles()) {
      const shipped = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: Array<{ type: string }> };
      // Sticky notes are drawn on the canvas, but not as nodes.
      const onCanvas = shipped.nodes.filter((node) => node.type !== "n8n-nodes-base.stickyNote").length;
      const id = await ui.step(`import-${path.basename(file, ".json")}`, () => ui.importFromFile(file, onCanvas));
      const saved = await stored(id);
      expect({ file, nodes: saved.nodes.length, pinData: saved.pinData }).toEqual({
        file,
        nodes: shipped.nodes.length,
        pinData: {},
      });
      if (!file.endsWith("publish-pin-from-image-url.json")) continue;
      // The file names placeholders for the account and board: the user picks theirs, then runs it.
      await ui.step("import-run", async () => {
        await ui.openNode("Publish Pin");
        await ui.pick("account", names.accountName!);
        await ui.pick("board", names.boardName!);
        await ui.closeNode();
        expect(await ui.executeWorkflow()).toContain("Workflow executed successfully");
        await ui.openNode("Publish Pin");
        expect(await ui.executeStep()).toContain('"status": "published"');
        await ui.shot("second-hour-imported-from-file.png");
        await ui.closeNode();
      });
    }
  });

  it("4. the nodes panel finds the node by what a newcomer types, Publish a Pin first; 3, 5, 6 on a Publish built from scratch", async () => {
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => ok || problems.push(problem);
    for (const query of ["publish", "publish pin", "schedule pin", "pinterest pin"]) {
      const found = await ui.step("panel-search", async () => {
        await ui.page.goto(`${dev.n8n.url}/workflow/new`);
        return await ui.searchNodesPanel(query);
      });
      check(found.includes("PinBridge"), `nodes panel: "${query}" finds ${JSON.stringify(found)}`);
    }
    await ui.shot("second-hour-panel-search.png");
    await ui.step("panel-actions", async () => {
      await ui.searchNodesPanel("PinBridge");
      await ui.openPanelEntry("PinBridge");
      await ui.page.getByText(/^Actions \(\d+\)$/).first().click();
      await ui.page.getByText("Publish a Pin", { exact: true }).first().waitFor();
      // n8n fills the action list in after the first group; on a busy machine the text was read before the third
      // group was there (seen in CI under stress-ng): wait for it, the order is still checked below.
      await ui.page.getByText(/^activity log actions$/i).first().waitFor({ state: "attached" });
    });
    // Actions are grouped by resource, in the node's order: Pin first, its first action Publish a Pin; then Schedule.
    const panel = (await ui.panelText()).toLowerCase();
    const groups = ["pin actions", "schedule actions", "activity log actions"].map((group) => panel.indexOf(group));
    check(
      /pin actions publish a pin /.test(panel) && groups.every((at) => at >= 0) && groups[0] < groups[1] && groups[1] < groups[2],
      `nodes panel: Pin actions are not first with Publish a Pin first (group positions ${groups.join(", ")})`,
    );
    await ui.shot("second-hour-panel-publish-first.png");

    await ui.step("from-scratch", async () => {
      await ui.page.getByText("Publish a Pin", { exact: true }).first().click();
      await ui.testId("node-parameters").waitFor();
      await ui.pick("account", names.accountName!);
      await ui.pick("board", names.boardName!);
      await ui.fill("imageUrl", "https://images.pinbridge.io/examples/lemon-tart.jpg");
      await ui.fill("title", "My first Pin");
    });
    // 6. Image media: no Cover Image.
    check(!(await ui.testId("node-parameters").innerText()).includes("Cover Image"), "Cover Image shows for image media");
    const output = await ui.step("from-scratch-run", () => ui.executeStep());
    check(output.includes('"status": "queued"'), "Publish from scratch: not queued");
    check(
      /1 Pin is queued at PinBridge, not on Pinterest yet/.test(output) && output.includes("Wait for Publish"),
      "Publish from scratch: nothing says how to see the outcome of the queued Pin",
    );
    await ui.shot("second-hour-queued-hint.png");
    await ui.step("video-cover", async () => {
      await ui.testId("parameter-input-mediaSource").click();
      await ui.page.locator(".el-select-dropdown__item:visible", { hasText: "Existing Video Asset" }).click();
      await ui.page.getByText("Cover Image", { exact: true }).first().waitFor();
    });
    await ui.shot("second-hour-cover-for-video.png");
    await ui.closeNode();
    // 5. On the canvas, the new node's subtitle is the action.
    const nodes = (await ui.testId("canvas-node").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
    // (A node's text also holds its edge's item count, e.g. "1 item".)
    check(
      nodes.some((text) => text.endsWith("Publish a Pin Publish a Pin")),
      `canvas: the new node reads ${JSON.stringify(nodes)}`,
    );
    expect(problems).toEqual([]);
  });

  it("7. the API Key field says where to get a key; a refused key in the account picker names the credential", async () => {
    const wrong = await client.createCredential(
      "pinBridgeSuiteApi",
      { baseUrl: dev.emulatorUrl, apiKey: "pb_live_this_key_does_not_exist" },
      "PinBridge (wrong key)",
    );
    await ui.step("credential", async () => {
      await ui.page.goto(`${dev.n8n.url}/home/credentials/${wrong.id}`);
      await ui.page.getByText("PinBridge dashboard → API keys", { exact: false }).first().waitFor();
    });
    await ui.shot("second-hour-api-key-hint.png");
    await ui.page.keyboard.press("Escape");

    await ui.openWorkflow(idOf("PinBridge: publish a Pin from an image URL"));
    await ui.step("wrong-key-picker", async () => {
      await ui.openNode("Publish Pin");
      await ui.testId("node-credentials-select").click();
      await ui.page
        .locator('[data-test-id^="node-credentials-select-item-"]:visible, .el-select-dropdown__item:visible')
        .filter({ hasText: "PinBridge (wrong key)" })
        .first()
        .click();
      // Under load the first list request can still be loading long after: close the list and open it again.
      const refusal = ui.page.getByText('PinBridge refused the credential "PinBridge (wrong key)"', { exact: false }).first();
      let shown = false;
      for (let attempt = 1; attempt <= 3 && !shown; attempt++) {
        await ui.openList("account");
        shown = await refusal.waitFor({ timeout: 60_000 }).then(
          () => true,
          (error: Error) => (console.warn(`[browser] list attempt ${attempt}: ${error.message.split("\n")[0]}`), false),
        );
        if (!shown) await ui.page.keyboard.press("Escape");
      }
      expect(shown).toBe(true);
      // The credential just changed: n8n may load the list once more; the screenshot waits for the message again.
      await refusal.waitFor({ timeout: 60_000 }).catch(() => undefined);
    });
    await ui.shot("second-hour-wrong-key-picker.png");
  });
});
