// PinBridge through n8n's MCP Server Trigger in the pinned n8n (the checks: mcpChecks.ts; the compatibility tier runs
// them in n8n 1.123.x too), and the AI-agent template beside it.
import { useE2eEnvironment } from "./fixture";
import { mcpChecks } from "./mcpChecks";

const env = useE2eEnvironment("mcp");

mcpChecks(env, "(pinned)");

describe('the "AI agent that writes and schedules Pins" template', () => {
  it("imports into n8n, which knows every node it uses; its PinBridge tools are the MCP server’s", async () => {
    const id = await env.importExample("ai-agent-writes-and-schedules-pins");
    const imported = await env.client.getWorkflow(id);
    const known = new Set(await env.client.nodeTypeNames());
    expect(
      imported.nodes
        .map((node) => node.type)
        .filter((type) => !known.has(type)),
    ).toEqual([]);
    const toolsOf = (nodes: typeof imported.nodes) =>
      nodes
        .filter((node) => node.type.endsWith(".pinBridgeSuiteTool"))
        .map((node) => ({ name: node.name, parameters: node.parameters }))
        .sort((a, b) => a.name.localeCompare(b.name));
    const mcpServer = await env.client.getWorkflow(
      await env.importExample("pinbridge-mcp-server"),
    );
    expect(toolsOf(imported.nodes)).toEqual(toolsOf(mcpServer.nodes));
    expect(toolsOf(imported.nodes)).toHaveLength(5);
  });
});
