// The document's sections, in reading order. Each id names one partial per format:
// templates/markdown/<id>.hbs and templates/html/<id>.hbs. The table of contents and the anchors come from here.

export const SECTIONS = [
  { id: "overview", title: "Overview" },
  { id: "objects", title: "Objects" },
  { id: "fields", title: "Field mappings" },
  { id: "value-maps", title: "Value maps" },
  { id: "lossy", title: "Lossy register" },
  { id: "custom-fields", title: "Custom fields" },
  { id: "lookups", title: "Lookups and references" },
  { id: "load-order", title: "Load order" },
  { id: "workflows", title: "Workflow inventory" },
  { id: "coverage", title: "Coverage" },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];
