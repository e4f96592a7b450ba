// Progress on long work: a bar that redraws in place on a terminal, plain lines (one per object, and every
// so often) when the output goes to a file or a CI log.
import type { CommandEnvironment } from "./command.js";

export interface ProgressEvent {
  source: string;
  rows: number;
  done: boolean;
  /** rows expected, when known */
  total?: number;
}

export interface ProgressReporter {
  update: (event: ProgressEvent) => void;
  done: () => void;
}

const PLAIN_EVERY_MS = 5000;

export function progressReporter(
  env: CommandEnvironment,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter {
  const interactive = env.color && Boolean(stream.isTTY);
  const started = new Map<string, number>();
  // A source's clock starts when the one before it finished (or when the reporter was made): its first
  // event already carries a whole batch.
  let previousEventAt = Date.now();
  // Plain output stays quiet for the first seconds: a small export prints one line per object.
  let lastPlain = Date.now();
  let drawn = false;
  const rate = (source: string, rows: number) => {
    const ms = Date.now() - (started.get(source) ?? Date.now());
    return ms > 0 ? Math.round((rows * 1000) / ms) : 0;
  };
  return {
    update(event) {
      if (!started.has(event.source)) started.set(event.source, previousEventAt);
      previousEventAt = Date.now();
      const perSecond = rate(event.source, event.rows);
      const eta = event.total && perSecond > 0 ? ` ETA ${Math.ceil((event.total - event.rows) / perSecond)}s` : "";
      const text = `${event.source}: ${event.rows.toLocaleString("en")} rows${event.total ? ` of ${event.total.toLocaleString("en")}` : ""} (${perSecond.toLocaleString("en")}/s)${eta}`;
      if (interactive) {
        const bar = event.total ? `[${"#".repeat(Math.round((20 * event.rows) / event.total)).padEnd(20)}] ` : "";
        stream.write(`\r\x1b[2K${bar}${text}${event.done ? "\n" : ""}`);
        drawn = !event.done;
        return;
      }
      const now = Date.now();
      if (event.done || now - lastPlain >= PLAIN_EVERY_MS) {
        lastPlain = now;
        stream.write(`${text}${event.done ? " done" : ""}\n`);
      }
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
