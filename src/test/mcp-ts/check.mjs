// Checks a BuyWhere MCP server with the official TypeScript SDK (a client not written with the
// server): connects over Streamable HTTP, lists the tools, calls each one with the arguments given,
// validates every structuredContent against the tool's outputSchema with ajv and checks that the
// text content carries the same JSON. Exits non-zero on any failure.
//
// Usage: node check.mjs <mcp-url> <api-key> <calls.json>
//   calls.json: {"tool_name": {arguments}, ...}; every listed tool must be called.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import Ajv from "ajv";

const [url, key, callsFile] = process.argv.slice(2);
if (!url || !key || !callsFile) {
  console.error("usage: node check.mjs <mcp-url> <api-key> <calls.json>");
  process.exit(2);
}
const calls = JSON.parse(readFileSync(callsFile, "utf8"));
const failures = [];
const fail = (msg) => {
  failures.push(msg);
  console.error("FAIL " + msg);
};

const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${key}` } },
});
const client = new Client({ name: "buywhere-ts-check", version: "1.0.0" });
await client.connect(transport);

const { tools } = await client.listTools();
const ajv = new Ajv({ strict: false, allErrors: true });
const names = tools.map((t) => t.name).sort();
const expected = Object.keys(calls).sort();
if (JSON.stringify(names) !== JSON.stringify(expected)) {
  fail(`tools/list returned ${names} but expected ${expected}`);
}

for (const tool of tools) {
  if (!tool.outputSchema) {
    fail(`${tool.name}: no outputSchema`);
    continue;
  }
  if (!tool.annotations?.readOnlyHint || !tool.annotations?.idempotentHint) {
    fail(`${tool.name}: readOnlyHint/idempotentHint missing`);
  }
  const args = calls[tool.name];
  if (!args) continue;
  let result;
  try {
    result = await client.callTool({ name: tool.name, arguments: args });
  } catch (e) {
    fail(`${tool.name}: call failed: ${e.message}`);
    continue;
  }
  if (result.isError) {
    fail(`${tool.name}: isError: ${JSON.stringify(result.content)}`);
    continue;
  }
  const validate = ajv.compile(tool.outputSchema);
  if (!validate(result.structuredContent)) {
    fail(`${tool.name}: structuredContent does not match outputSchema: ${ajv.errorsText(validate.errors)}`);
  }
  const text = result.content?.find((c) => c.type === "text")?.text;
  if (!text || JSON.stringify(JSON.parse(text)) !== JSON.stringify(result.structuredContent)) {
    fail(`${tool.name}: text content does not carry the structuredContent JSON`);
  }
  console.log(`ok ${tool.name}`);
}

try {
  await client.callTool({ name: "search_products", arguments: { q: "x", limit: 1000 } });
  fail("search_products with limit=1000 did not fail");
} catch (e) {
  if (e.code !== -32602 || !String(e.message).includes("'limit'")) {
    fail(`bad argument: expected -32602 naming 'limit', got ${e.code} ${e.message}`);
  } else {
    console.log("ok invalid params");
  }
}

await transport.terminateSession().catch(() => {});
await client.close();
if (failures.length > 0) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log(`all ${tools.length} tools ok`);
