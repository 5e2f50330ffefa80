/**
 * Keeps `npm run dev`'s output readable when it goes to a file or a pipe. `n8n-node build` draws a spinner: a frame
 * every 80 ms, each a glyph plus the label, followed by cursor-move and erase escape codes. On a terminal that
 * animates in place; in a log file it is one line thousands of characters long. When stdout is not a TTY the build's
 * output is therefore collected and only the readable part is kept: escape codes removed and each spinner run reduced
 * to its last frame (the line it ends with).
 */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[A-Za-z]/g;
/** A spinner frame's glyph, or the glyph its last frame is replaced by when it stops (done, cancelled, failed). */
const SPINNER_GLYPH = /[◒◐◓◑◇■▲]/g;

export function readableBuildOutput(raw: string): string {
  return raw
    .replace(ESCAPE_SEQUENCE, "")
    .split(/\r?\n/)
    .map((line) => {
      const lastFrame = [...line.matchAll(SPINNER_GLYPH)].pop();
      return (lastFrame ? line.slice(lastFrame.index) : line).trimEnd();
    })
    .filter((line) => line.trim() !== "")
    .join("\n");
}
