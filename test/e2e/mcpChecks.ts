/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
/* eslint-disable import-x/no-unresolved -- the MCP SDK's subpaths resolve through its package.json exports, which this lint resolver does not read */
// The PinBridge node as AI-agent tools, end to end with no language model: the shipped "PinBridge MCP server"
// template (n8n's MCP Server Trigger with five PinBridge tools whose inputs come from $fromAI) is imported into a real
// n8n and activated; an MCP client (the official TypeScript SDK, as Claude Desktop or any MCP client would) connects
// to its endpoint, lists the tools and calls them. Every count is read at the emulator.
// The template ships with Bearer authentication on and no credential chosen (issue 23): as imported it cannot be
// activated; with a Bearer credential chosen, a client without the token (or with another) is refused and one with it
// is served.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { sleep } from "n8n-workflow";

import type { E2eEnvironment } from "./fixture";
import { WORKFLOWS_DIR } from "./n8n/workflows";

const MCP_PATH = "pinbridge";
const MCP_TRIGGER = "PinBridge MCP Server";
/** The token MCP clients must send (a fresh one per run, as a user would generate one). */
const bearerToken = `mcp-e2e-${randomBytes(16).toString("hex")}`;

interface ToolResult {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
}

const textOf = (result: ToolResult) =>
  result.content
    .filter((part) => part.type === "text")
    .map((part) => part.text)
    .join("\n");

/** The tool's answer, parsed: n8n hands the node's output items back as a JSON array. */
function itemsOf(result: ToolResult): Array<Record<string, unknown>> {
  expect({
    isError: result.isError ?? false,
    text: result.isError ? textOf(result) : "",
  }).toEqual({ isError: false, text: "" });
  const parsed = JSON.parse(textOf(result)) as unknown;
  return (Array.isArray(parsed) ? parsed : [parsed]) as Array<
    Record<string, unknown>
  >;
}

/** The MCP checks in one real n8n (`label` names the version in the test titles). */
export function mcpChecks(env: E2eEnvironment, label: string): void {
  describe(`PinBridge as MCP tools in real n8n ${label} (MCP Server Trigger)`, () => {
    let client: Client;
    const pinArguments = () => ({
      board_id: env.emu.boardIds[0],
      image_url: "https://images.pinbridge.io/examples/lemon-tart.jpg",
      title: "Lemon tart, the easy way",
      description: "Five ingredients, twenty minutes.",
      link: "https://example.com/lemon-tart",
    });

    const endpoint = () => `${env.n8n.url}/mcp/${MCP_PATH}`;
    /** A raw MCP `initialize` POST, as any client sends first; its HTTP status says whether n8n let it in. */
    const initializeStatus = async (headers: Record<string, string>) =>
      (
        await fetch(endpoint(), {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            ...headers,
          },
          body: JSON.stringify({
            jsonrpc: "2.0",
            id: 1,
            method: "initialize",
            params: {
              protocolVersion: "2025-03-26",
              capabilities: {},
              clientInfo: { name: "pinbridge-e2e-raw", version: "1.0.0" },
            },
          }),
        })
      ).status;

    beforeAll(async () => {
      await env.emu.control.reset();
      // As imported, the trigger asks for a Bearer credential nobody has chosen. n8n 2.41 refuses to activate it;
      // n8n 1.123 activates it, and then its endpoint must let nobody in.
      const asShipped = await env.importExample("pinbridge-mcp-server");
      const activation = await env.client.activate(asShipped).then(
        () => "activated" as const,
        (error: Error) => error,
      );
      if (activation === "activated") {
        let status = 0;
        for (let attempt = 0; attempt < 40 && (status === 0 || status === 404); attempt++) {
          if (attempt) await sleep(250); // the endpoint is registered shortly after activation answers
          status = await initializeStatus({});
        }
        console.log(`[mcp ${label}] template activated as shipped; an anonymous initialize gets HTTP ${status}`);
        expect(status).toBeGreaterThanOrEqual(400);
        await env.client.deactivate(asShipped);
      } else {
        expect(activation).toBeInstanceOf(Error);
      }
      await env.client.deleteWorkflow(asShipped);

      // The user's step: choose (here: create) a Bearer credential on the MCP Server Trigger, then activate.
      // (Straight to the public API: createCredential's extra field for n8n 1.x is refused for this type there.)
      const bearer = (
        await env.client.request<{ id: string; name: string }>("public", "POST", "/credentials", {
          name: "MCP clients (e2e)",
          type: "httpBearerAuth",
          data: { token: bearerToken },
        })
      ).body;
      const workflowId = await env.importExample("pinbridge-mcp-server", (wf) => {
        const trigger = wf.nodes.find((node) => node.name === MCP_TRIGGER);
        trigger!.credentials = {
          httpBearerAuth: { id: bearer.id, name: bearer.name },
        };
      });
      await env.client.activate(workflowId);
      client = new Client({ name: "pinbridge-e2e", version: "1.0.0" });
      // Activation answers before n8n has registered the trigger's endpoint: retry the connection briefly.
      let lastError: unknown;
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          await client.connect(
            new StreamableHTTPClientTransport(new URL(endpoint()), {
              requestInit: {
                headers: { Authorization: `Bearer ${bearerToken}` },
              },
            }),
          );
          return;
        } catch (error) {
          lastError = error;
          client = new Client({ name: "pinbridge-e2e", version: "1.0.0" });
          await sleep(250);
        }
      }
      throw lastError;
    });

    it("the template ships with Bearer authentication on and no credential chosen", () => {
      const shipped = JSON.parse(
        fs.readFileSync(path.join(WORKFLOWS_DIR, "pinbridge-mcp-server.json"), "utf8"),
      ) as { nodes: Array<{ name: string; parameters: Record<string, unknown>; credentials?: unknown }> };
      const trigger = shipped.nodes.find((node) => node.name === MCP_TRIGGER);
      expect(trigger?.parameters.authentication).toBe("bearerAuth");
      expect(trigger?.credentials).toBeUndefined();
    });

    it("refuses a client without the token, or with another, before any tool is listed; serves one with it", async () => {
      const anonymous = new Client({ name: "anonymous", version: "1.0.0" });
      await expect(
        anonymous.connect(new StreamableHTTPClientTransport(new URL(endpoint()))),
      ).rejects.toThrow();
      // n8n 2.41 answers 403 to both; 401 is the other status a refusal may take. Either way: not in.
      expect([401, 403]).toContain(await initializeStatus({}));
      expect([401, 403]).toContain(
        await initializeStatus({ Authorization: "Bearer not-the-token" }),
      );
      expect(
        await initializeStatus({ Authorization: `Bearer ${bearerToken}` }),
      ).toBe(200);
      // The authenticated SDK client (beforeAll) is served: it lists the tools.
      expect((await client.listTools()).tools.length).toBe(5);
      await anonymous.close().catch(() => undefined);
    });

    afterAll(async () => await client?.close());

    it("lists the five tools with what an LLM needs: purpose, required inputs, types and limits in words", async () => {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        "get_pin_status",
        "list_boards",
        "publish_pin",
        "queue_pin",
        "schedule_pin",
      ]);
      const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));

      const publish = byName.publish_pin;
      expect(publish.description).toMatch(/Publishes one image Pin/);
      expect(publish.description).toMatch(/same arguments/);
      const publishSchema = publish.inputSchema as {
        properties: Record<string, { type: string; description: string }>;
        required: string[];
      };
      expect(Object.keys(publishSchema.properties).sort()).toEqual([
        "board_id",
        "description",
        "image_url",
        "link",
        "title",
      ]);
      expect(publishSchema.required.sort()).toEqual([
        "board_id",
        "description",
        "image_url",
        "link",
        "title",
      ]);
      for (const property of Object.values(publishSchema.properties))
        expect(property.type).toBe("string");
      expect(publishSchema.properties.title.description).toMatch(
        /at most 100 characters/,
      );
      expect(publishSchema.properties.description.description).toMatch(
        /at most 800 characters/,
      );
      expect(publishSchema.properties.link.description).toMatch(/2,048/);

      const schedule = byName.schedule_pin.inputSchema as {
        properties: Record<string, { description: string }>;
      };
      expect(schedule.properties.run_at.description).toMatch(
        /time zone offset/,
      );
      // queue_pin: the Pin's fields only; the plan is the workflow's
      expect(Object.keys(byName.queue_pin.inputSchema.properties ?? {}).sort()).toEqual(
        Object.keys(publishSchema.properties).sort(),
      );
      expect(byName.queue_pin.description).toMatch(/next free posting time/);
      expect(
        Object.keys(byName.list_boards.inputSchema.properties ?? {}),
      ).toEqual([]);
      expect(
        Object.keys(byName.get_pin_status.inputSchema.properties ?? {}),
      ).toEqual(["pin_id"]);
    });

    it("list_boards answers with the account’s boards", async () => {
      const boards = itemsOf(
        (await client.callTool({
          name: "list_boards",
          arguments: {},
        })) as ToolResult,
      );
      expect(boards.map((board) => board.id).sort()).toEqual(
        [...env.emu.boardIds].sort(),
      );
    });

    it("publish_pin publishes exactly one Pin; the same call again publishes nothing new", async () => {
      await env.emu.control.reset();
      const first = itemsOf(
        (await client.callTool({
          name: "publish_pin",
          arguments: pinArguments(),
        })) as ToolResult,
      );
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({
        title: "Lemon tart, the easy way",
        board_id: env.emu.boardIds[0],
      });
      let pins = await env.emu.control.pins();
      expect(pins.map((pin) => pin.id)).toEqual([first[0].id]);
      // The idempotency key is derived from the Pin's content through the tool path as through a workflow.
      expect(pins[0].idempotency_key).toMatch(/^n8n-pin-/);

      const again = itemsOf(
        (await client.callTool({
          name: "publish_pin",
          arguments: pinArguments(),
        })) as ToolResult,
      );
      expect(again[0].id).toBe(first[0].id);
      pins = await env.emu.control.pins();
      expect(pins).toHaveLength(1);
      expect(
        await env.emu.control.requests({ method: "POST", path: "/v1/pins" }),
      ).toHaveLength(2);

      const status = itemsOf(
        (await client.callTool({
          name: "get_pin_status",
          arguments: { pin_id: first[0].id },
        })) as ToolResult,
      );
      expect(status[0]).toMatchObject({ pin_id: first[0].id });
      expect(["queued", "deferred", "publishing", "published"]).toContain(
        status[0].status,
      );
    });

    it("a title over 100 characters comes back as a tool error naming the field and the rule; nothing is sent", async () => {
      await env.emu.control.reset();
      const result = (await client.callTool({
        name: "publish_pin",
        arguments: { ...pinArguments(), title: "x".repeat(101) },
      })) as ToolResult;
      const text = textOf(result);
      expect(result.isError).toBe(true);
      expect(text).toMatch(/Title/);
      expect(text).toMatch(/at most 100 characters/);
      expect(text).not.toContain(env.emu.apiKey);
      expect(
        await env.emu.control.requests({ method: "POST", path: "/v1/pins" }),
      ).toHaveLength(0);
      expect(await env.emu.control.pins()).toHaveLength(0);
    });

    it("queue_pin puts one Pin at the next free posting time; the same call again returns that schedule", async () => {
      await env.emu.control.reset();
      const before = Date.now();
      const call = async () =>
        itemsOf(
          (await client.callTool({
            name: "queue_pin",
            arguments: pinArguments(),
          })) as ToolResult,
        );
      const [queued] = await call();
      expect(queued).toMatchObject({ status: "scheduled", queue_status: "added" });
      expect(String(queued.slot_local).slice(11, 16)).toMatch(/^(09|13|19):00$/);
      const slot = Date.parse(String(queued.slot_utc));
      expect(Date.parse(String(queued.run_at))).toBe(slot);
      // the plan's next time: at least a minute ahead, and no plan gap is longer than 19:00 → 09:00
      expect(slot).toBeGreaterThanOrEqual(before + 60_000);
      expect(slot - before).toBeLessThanOrEqual(14 * 3600_000 + 60_000);
      const [again] = await call();
      expect(again).toMatchObject({ id: queued.id, queue_status: "already_queued" });
      expect((await env.emu.control.schedules()).map((s) => s.id)).toEqual([queued.id]);
      expect(
        await env.emu.control.requests({ method: "POST", path: "/v1/schedules" }),
      ).toHaveLength(1);
    });

    it("schedule_pin creates exactly one schedule at the time asked", async () => {
      await env.emu.control.reset();
      const runAt = new Date(Date.now() + 3 * 24 * 3600_000);
      runAt.setUTCMilliseconds(0);
      const iso = runAt.toISOString().replace(".000Z", "+00:00");
      const [schedule] = itemsOf(
        (await client.callTool({
          name: "schedule_pin",
          arguments: { ...pinArguments(), run_at: iso },
        })) as ToolResult,
      );
      expect(schedule.status).toBe("scheduled");
      expect(Date.parse(String(schedule.run_at))).toBe(runAt.getTime());
      const schedules = await env.emu.control.schedules();
      expect(schedules.map((s) => s.id)).toEqual([schedule.id]);
    });
  });
}
