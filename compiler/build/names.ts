// Identifiers in generated code, made from spec names ("company_lead" → mapCompanyLead, COMPANY_LEAD_SOURCE)
// and kept unique, so two spec names that differ only in punctuation still get two identifiers.

const RESERVED = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
]);

export class GeneratedNames {
  private readonly used = new Set<string>(RESERVED);

  /** Marks names the module defines or imports on its own, so no spec name can take them. */
  reserve(...names: string[]): void {
    for (const name of names) this.used.add(name);
  }

  unique(candidate: string): string {
    const base = /^[A-Za-z_$]/.test(candidate) ? candidate : `_${candidate}`;
    let name = base;
    for (let counter = 2; this.used.has(name); counter++) name = `${base}${counter}`;
    this.used.add(name);
    return name;
  }
}

/** ASCII words: accents are dropped ("Société" → "Societe"), other letters become "x". */
function words(text: string): string[] {
  const ascii = text.normalize("NFD").replace(/\p{M}/gu, "");
  return ascii
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .map((word) => word.replace(/[^A-Za-z0-9]/g, "x"));
}

/** "company_lead" → "CompanyLead" */
export function pascalCase(text: string): string {
  return (
    words(text)
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join("") || "Unnamed"
  );
}

/** "Company lead" → "COMPANY_LEAD" */
export function constantCase(text: string): string {
  const split = words(text).flatMap((word) => word.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" "));
  return split.map((word) => word.toUpperCase()).join("_") || "UNNAMED";
}
