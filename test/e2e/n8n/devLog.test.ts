// `npm run dev` written to a file (issue 14): the build's spinner must not fill the log with escape codes.
import { readableBuildOutput } from "./devLog";

const ESC = "\u001b";
const frame = (glyph: string, label: string) =>
  `${glyph}  ${label}${ESC}[999D${ESC}[J`;

describe("readableBuildOutput", () => {
  it("reduces n8n-node build’s spinner, as written to a pipe, to the lines it ends with", () => {
    // As `n8n-node build` writes it when stdout is not a terminal (captured from a real run).
    const raw = [
      "┌   n8n-node build  v0.48.3",
      "│",
      `${frame("◒", "Building TypeScript files")}${frame("◐", "Building TypeScript files.")}${frame("◓", "Building TypeScript files..")}◇  TypeScript build successful`,
      "│",
      `${frame("◑", "Copying static files")}◇  Copied static files`,
      "│",
      "└  ✓ Build successful",
    ].join("\n");
    const readable = readableBuildOutput(raw);
    expect(readable).not.toContain(ESC);
    expect(readable.split("\n")).toEqual([
      "┌   n8n-node build  v0.48.3",
      "│",
      "◇  TypeScript build successful",
      "│",
      "◇  Copied static files",
      "│",
      "└  ✓ Build successful",
    ]);
  });

  it("keeps a failed build’s error lines", () => {
    const raw = `${frame("◒", "Building TypeScript files")}■  TypeScript build failed\nnodes/x.ts(3,1): error TS1005: ';' expected.\n`;
    expect(readableBuildOutput(raw)).toBe(
      "■  TypeScript build failed\nnodes/x.ts(3,1): error TS1005: ';' expected.",
    );
  });
});
