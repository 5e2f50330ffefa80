/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
// Browser check of what a newcomer meets first (issue 14), in Debian's Chromium against the real n8n:
// - the nodes panel: searching "PinBridge" shows the pair's entry with its whole description; opening it lists the
//   node details n8n shows for a community package, with every action by its name ("Publish a Pin", …) and, under
//   Triggers, the trigger's events ("On Pin failed", "On Pin published");
// - an example workflow as imported by `npm run dev`: the publish example, executed from the editor, its Publish Pin
//   node showing the Pin published, and the products starter's Schedule Pin node with the pickers showing names.
// Screenshots go to test-output/browser/ (git-ignored): nodes-panel-search.png, nodes-panel-actions.png,
// nodes-panel-triggers.png, example-publish-output.png, example-products-schedule-pin.png,
// credential-base-url-hint.png.
import path from "node:path";

import type { Locator, Page } from "playwright-core";

import { PAIR_DESCRIPTION } from "../../../nodes/shared/nodesPanel";
import { useE2eEnvironment } from "../fixture";
import { freePort, REPO_DIR } from "../n8n/instance";
import { pickerNames } from "../n8n/workflows";
import {
  browserCheckRuns,
  openPage,
  screenshotOnFailure,
  type LaunchedBrowser,
} from "./chromium";

const OUTPUT_DIR = path.join(REPO_DIR, "test-output", "browser");

const run = browserCheckRuns();

(run ? describe : describe.skip)("browser: a newcomer's first look", () => {
  const env = useE2eEnvironment("first-hour");
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openPage(OUTPUT_DIR));
    await page.goto(`${env.n8n.url}/signin`);
    await page.locator('input[type="email"]').fill(env.n8n.owner.email);
    await page.locator('input[type="password"]').fill(env.n8n.owner.password);
    await testId("form-submit-button").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const testId = (id: string, within: Page | Locator = page) =>
    within.locator(`[data-test-id="${id}"]`);

  const step = <T>(name: string, fn: () => Promise<T>) =>
    screenshotOnFailure(page, OUTPUT_DIR, name, fn);

  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(OUTPUT_DIR, name) });
    console.log(`[browser] screenshot: test-output/browser/${name}`);
  };

  it("nodes panel: one PinBridge entry with the pair's whole sentence; inside, the actions and the trigger's events", async () => {
    const workflowId = await env.importExample("publish-pin-from-image-url");
    await step("open-panel", async () => {
      await page.goto(`${env.n8n.url}/workflow/${workflowId}`);
      await testId("canvas-node").first().waitFor();
      await testId("node-creator-plus-button").click();
      await testId("node-creator-search-bar").fill("PinBridge");
    });

    const entry = await step("search", async () => {
      const found = page
        .locator(
          '[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"]',
        )
        .filter({
          has: page.locator('[data-test-id="node-creator-item-name"]', {
            hasText: /^PinBridge$/,
          }),
        });
      await found.first().waitFor();
      return found;
    });
    // n8n lists the action node and its trigger as one app entry, with the trigger's description (both carry the same).
    expect(await entry.count()).toBe(1);
    expect(
      (await testId("node-creator-item-description", entry).innerText()).trim(),
    ).toBe(PAIR_DESCRIPTION);
    await shot("nodes-panel-search.png");

    // For a community package n8n opens its "Node details": the description again, then every action by its name.
    await step("actions", async () => {
      await entry.click();
      await page.getByText("Publish a Pin", { exact: true }).first().waitFor();
    });
    const details = await page.locator("body").innerText();
    expect(details).toContain(PAIR_DESCRIPTION);
    for (const action of [
      "Publish a Pin",
      "Get many Pins",
      "Publish many Pins in batches",
      "Retry a failed Pin",
    ]) {
      expect(details).toContain(action);
    }
    expect(details).not.toMatch(/\b(a|many|failed) pins?\b/);
    await page
      .getByText("Publish a Pin", { exact: true })
      .first()
      .scrollIntoViewIfNeeded();
    await shot("nodes-panel-actions.png");
    // The trigger's events are listed in the same entry, under Triggers.
    await step("triggers", async () => {
      await page
        .getByText(/^Triggers \(2\)$/)
        .first()
        .click();
      await page
        .getByText("On Pin published", { exact: true })
        .first()
        .waitFor();
    });
    expect(await page.locator("body").innerText()).toContain("On Pin failed");
    await page
      .getByText("On Pin published", { exact: true })
      .first()
      .scrollIntoViewIfNeeded();
    await shot("nodes-panel-triggers.png");
    await page.keyboard.press("Escape");
  });

  it("publish example: executed in the editor, the Publish Pin node shows the Pin published", async () => {
    await env.emu.control.reset();
    await env.emu.control.config({ publish_delay_ms: 1500 });
    const workflowId = await env.importExample("publish-pin-from-image-url");
    await step("execute", async () => {
      await page.goto(`${env.n8n.url}/workflow/${workflowId}`);
      await testId("canvas-node").first().waitFor();
      await testId("execute-workflow-button").first().click();
      await page.waitForFunction(
        () =>
          document.body.innerText.includes("Workflow executed successfully"),
        undefined,
        { timeout: 60_000 },
      );
    });
    await step("open-output", async () => {
      await testId("canvas-node")
        .filter({ hasText: "Publish Pin" })
        .first()
        .dblclick();
      await testId("ndv-output-panel")
        .or(testId("output-panel"))
        .first()
        .waitFor();
      await page.waitForFunction(() =>
        document.body.innerText.includes("published"),
      );
    });
    const output = await testId("ndv-output-panel")
      .or(testId("output-panel"))
      .first()
      .innerText();
    expect(output).toContain("published");
    expect(output).not.toMatch(/\bqueued\b/);
    await shot("example-publish-output.png");
    await page.keyboard.press("Escape");
  });

  it("products starter: the Schedule Pin node shows the account and board by name", async () => {
    const names = await pickerNames(
      env.emu.url,
      env.emu.apiKey,
      env.emu.accountId,
      env.emu.boardIds[0],
    );
    const workflowId = await env.importExample(
      "schedule-products-every-morning",
    );
    await step("open-node", async () => {
      await page.goto(`${env.n8n.url}/workflow/${workflowId}`);
      await testId("canvas-node")
        .filter({ hasText: "Schedule Pin" })
        .first()
        .dblclick();
      await testId("node-parameters").waitFor();
    });
    const inputs = async (parameter: string) =>
      await testId("rlc-input", testId(`resource-locator-${parameter}`))
        .first()
        .inputValue();
    expect(await inputs("account")).toBe(names.accountName);
    expect(await inputs("board")).toBe(names.boardName);
    await shot("example-products-schedule-pin.png");
  });
  it("credential: Test at an unreachable Base URL says only the socket code, and the Base URL field says what it means", async () => {
    // Nothing listens on a port just handed out and released.
    const unreachable = `http://127.0.0.1:${await freePort()}`;
    const credential = await env.client.createCredential(
      "pinBridgeSuiteApi",
      { baseUrl: unreachable, apiKey: env.emu.apiKey },
      "PinBridge (unreachable)",
    );
    // n8n's own credential test reports a network failure by its code alone (not something a node can change).
    expect(await env.client.testCredential(credential.id)).toMatchObject({
      status: "Error",
      message: "ECONNREFUSED",
    });
    await step("open-credential", async () => {
      await page.goto(`${env.n8n.url}/home/credentials/${credential.id}`);
      await page.getByText("Base URL", { exact: true }).first().waitFor();
    });
    const modal = await page.locator("body").innerText();
    expect(modal).toContain(
      "If Test answers ECONNREFUSED, ENOTFOUND or ETIMEDOUT, nothing answered at this address",
    );
    await shot("credential-base-url-hint.png");
  });
});
