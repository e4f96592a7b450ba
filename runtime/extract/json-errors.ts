// Where JSON text goes wrong, in words and at an exact offset. JSON.parse says what is wrong but not
// always where ("Unexpected token '}', … is not valid JSON"), so a failed parse is walked again here.
// Only ever called on a value that already failed to parse: clarity over speed.

export interface JsonFault {
  offset: number;
  detail: string;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const LITERALS = ["true", "false", "null"];

export function locateJsonFault(text: string): JsonFault | undefined {
  type Expect = "value" | "key" | "key-or-end" | "colon" | "comma-or-end" | "value-or-end" | "end";
  const closers: string[] = [];
  let expect: Expect = "value";
  let i = 0;
  const fault = (detail: string, at = i): JsonFault => ({ offset: at, detail });
  const found = (): string => (i >= text.length ? "the end of the text" : `'${text[i]}'`);
  const afterValue = (): Expect => (closers.length === 0 ? "end" : "comma-or-end");

  while (i <= text.length) {
    while (WHITESPACE.has(text[i] ?? "")) i++;
    const c = text[i];
    if (c === undefined) {
      if (expect === "end") return undefined;
      return fault(
        closers.length > 0
          ? `unexpected end: '${closers[closers.length - 1]}' is missing`
          : "unexpected end of the text",
      );
    }
    switch (expect) {
      case "end":
        return fault(`unexpected ${found()} after the end of the value`);
      case "colon":
        if (c !== ":") return fault(`expected ':' after the property name but found ${found()}`);
        i++;
        expect = "value";
        continue;
      case "comma-or-end": {
        const closer = closers[closers.length - 1]!;
        if (c === ",") {
          i++;
          expect = closer === "}" ? "key" : "value";
        } else if (c === closer) {
          i++;
          closers.pop();
          expect = afterValue();
        } else {
          return fault(`expected ',' or '${closer}' but found ${found()}`);
        }
        continue;
      }
      case "key":
      case "key-or-end":
        if (c === "}" && expect === "key-or-end") {
          i++;
          closers.pop();
          expect = afterValue();
          continue;
        }
        if (c !== '"') return fault(`expected a property name in double quotes but found ${found()}`);
        {
          const end = stringEnd(text, i);
          if (typeof end !== "number") return end;
          i = end;
        }
        expect = "colon";
        continue;
      case "value-or-end":
        if (c === "]") {
          i++;
          closers.pop();
          expect = afterValue();
          continue;
        }
        break;
      case "value":
        break;
    }
    // a value
    if (c === "{" || c === "[") {
      closers.push(c === "{" ? "}" : "]");
      i++;
      expect = c === "{" ? "key-or-end" : "value-or-end";
      continue;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (typeof end !== "number") return end;
      i = end;
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, i));
      const number = NUMBER.exec(text.slice(i, i + 400))?.[0];
      if (literal) i += literal.length;
      else if (number) i += number.length;
      else return fault(`expected a value but found ${found()}`);
    }
    expect = afterValue();
  }
  return undefined;
}

/** The index after the string that opens at `start`, or the fault inside it. */
function stringEnd(text: string, start: number): number | JsonFault {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, detail: "a raw control character (a line break?) inside a string" };
    if (c === 0x5c) {
      const escape = text[i + 1];
      if (escape === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, detail: "a \\u escape needs four hex digits" };
        i += 6;
        continue;
      }
      if (escape === undefined || !'"\\/bfnrt'.includes(escape))
        return { offset: i, detail: `invalid escape \\${escape ?? ""}` };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: start, detail: "a string that opens here is never closed" };
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
