/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * What a user does in n8n 2.41's editor, as Playwright steps: sign in, open a workflow, Execute workflow, open a node,
 * Execute step, read the output pane, pick from a resource locator's list, import a workflow file through the
 * workflow menu (Import → From File), add a node from the nodes panel. Selectors are n8n's own data-test-ids.
 */
import path from "node:path";

import type { Locator, Page } from "playwright-core";

import type { N8nOwner } from "../n8n/instance";
import { screenshotOnFailure } from "./chromium";

/** Seconds n8n may take for what is quick on an idle machine: these checks run on 2 cores shared with other work. */
export const SLOW_MS = 120_000;

export class Editor {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly outputDir: string,
  ) {}

  testId(id: string, within: Page | Locator = this.page): Locator {
    return within.locator(`[data-test-id="${id}"]`);
  }

  /** One step: on failure it leaves `failed-<name>.png` in the output folder. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return screenshotOnFailure(this.page, this.outputDir, name, fn);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(this.outputDir, name) });
    console.log(`[browser] screenshot: test-output/browser/${name}`);
  }

  async signIn(owner: N8nOwner): Promise<void> {
    await this.page.goto(`${this.baseUrl}/signin`);
    await this.page.locator('input[type="email"]').fill(owner.email);
    await this.page.locator('input[type="password"]').fill(owner.password);
    await this.testId("form-submit-button").click();
    await this.page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  }

  async openWorkflow(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/workflow/${id}`);
    await this.testId("canvas-node").first().waitFor();
  }

  canvasNode(name: string): Locator {
    return this.testId("canvas-node").filter({ hasText: name }).first();
  }

  /** Execute workflow, then wait for n8n's verdict; returns the page text at that moment. */
  async executeWorkflow(): Promise<string> {
    await this.testId("execute-workflow-button").first().click();
    await this.page.waitForFunction(
      () =>
        /Workflow executed successfully|Problem (running|executing|in node)/.test(
          document.body.innerText,
        ),
      undefined,
      { timeout: SLOW_MS },
    );
    return await this.page.locator("body").innerText();
  }

  async openNode(name: string): Promise<void> {
    await this.canvasNode(name).dblclick();
    await this.testId("node-parameters").waitFor();
  }

  /** Close the node's panel with its × (Escape only closes a dropdown while one has the focus). */
  async closeNode(): Promise<void> {
    await this.page.keyboard.press("Escape");
    const button = this.testId("ndv-close-button");
    if (await button.isVisible()) await button.click();
    await this.testId("node-parameters").waitFor({ state: "detached" });
  }

  outputPanel(): Locator {
    return this.testId("ndv-output-panel").or(this.testId("output-panel")).first();
  }

  /**
   * Execute step in the open node; waits for a result (items, or an error) in the output pane and returns the
   * pane's text, in JSON view when the node produced items, followed by the page's (for error pop-ups). Runs of
   * white space and the JSON view's indentation dots are one space: `"status": "queued",`.
   */
  async executeStep(): Promise<string> {
    const before = Date.now();
    await this.testId("node-execute-button").first().click();
    await this.page.waitForFunction(
      () => {
        const pane =
          document.querySelector('[data-test-id="ndv-output-panel"]') ??
          document.querySelector('[data-test-id="output-panel"]');
        const text = (pane as HTMLElement | null)?.innerText ?? "";
        const problem = /Problem (running|executing|in node)|Cannot read properties/.test(
          document.body.innerText,
        );
        return problem || /\d+ items?\b/.test(text) || /Error|error/.test(text);
      },
      undefined,
      { timeout: SLOW_MS },
    );
    console.log(`[browser] Execute step answered in ${Math.round((Date.now() - before) / 1000)} s`);
    // The JSON view when there are items (after a failed step its switch stays disabled).
    const json = this.outputPanel().getByText("JSON", { exact: true }).first();
    if (await json.count()) await json.click({ timeout: 5_000 }).catch(() => undefined);
    const text = `${await this.outputPanel().innerText()}\n${await this.page.locator("body").innerText()}`;
    return text.replace(/[\s\u00b7]+/g, " ");
  }

  /** Open a resource locator's list (From List mode); returns the items showing. */
  async openList(parameter: string): Promise<Locator> {
    await this.testId("rlc-input", this.testId(`resource-locator-${parameter}`)).click();
    return this.page.locator('[data-test-id="rlc-item"]:visible');
  }

  /** Pick the item named `label` from a picker's list; waits until the picker shows it. */
  async pick(parameter: string, label: string): Promise<void> {
    const items = await this.openList(parameter);
    await items.filter({ hasText: label }).first().click();
    await this.page.waitForFunction(
      ([name, expected]) =>
        [
          ...document.querySelectorAll(
            `[data-test-id="resource-locator-${name}"] [data-test-id="rlc-input"]`,
          ),
        ].some((el) => (el as HTMLInputElement).value === expected),
      [parameter, label] as const,
    );
  }

  async fill(parameter: string, value: string): Promise<void> {
    await this.page.locator(`[data-test-id="parameter-input-${parameter}"] input`).first().fill(value);
  }

  /** In an empty new workflow: the workflow menu's Import → From File, with `file`; saves it and returns its id. */
  async importFromFile(file: string, nodeCount: number): Promise<string> {
    await this.page.goto(`${this.baseUrl}/workflow/new`);
    await this.testId("workflow-menu").waitFor();
    await this.testId("workflow-menu").click();
    await this.testId("workflow-menu-item-import").hover();
    const chooser = this.page.waitForEvent("filechooser");
    await this.testId("workflow-menu-item-import-from-file").click();
    await (await chooser).setFiles(file);
    await this.page.waitForFunction(
      (count) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= count,
      nodeCount,
      { timeout: SLOW_MS },
    );
    await this.page.keyboard.press("Control+s");
    await this.page.waitForURL((url) => /\/workflow\/[A-Za-z0-9]{8,}/.test(url.pathname), { timeout: SLOW_MS });
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  /** The nodes panel's text, as shown (group titles upper-cased by CSS), one space between words. */
  async panelText(): Promise<string> {
    const text = await this.page.locator('[data-test-id="node-creator"], .node-creator, body').first().innerText();
    return text.replace(/\s+/g, " ");
  }

  /** The nodes panel (the canvas "+"), searched for `query`; returns the names of the entries listed. */
  async searchNodesPanel(query: string): Promise<string[]> {
    const search = this.testId("node-creator-search-bar");
    if (!(await search.isVisible())) {
      await this.testId("node-creator-plus-button")
        .or(this.testId("canvas-add-button"))
        .or(this.testId("canvas-plus-button"))
        .first()
        .click();
    }
    await search.fill(query);
    await this.page.waitForTimeout(500); // the panel filters as you type
    return (await this.page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts()).map((t) => t.trim());
  }

  /** In the nodes panel: open the entry named `name`. */
  async openPanelEntry(name: string): Promise<void> {
    await this.page
      .locator('[data-test-id="node-creator-node-item"], [data-test-id="node-creator-action-item"]')
      .filter({ has: this.page.locator('[data-test-id="node-creator-item-name"]', { hasText: new RegExp(`^${name}$`) }) })
      .first()
      .click();
  }
}
