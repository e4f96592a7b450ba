// propose: an export folder (+ an existing spec) → a draft spec to review. In: the export, the source
// system's name, the target Odoo version's field catalog, optionally a spec to adapt. Out: the spec text and
// a report of what was matched, added and dropped, with confidences.
export { proposeDraft, type Draft, type DraftOptions } from "./draft.js";
export { renderReport, type ProposalReport } from "./report.js";
export { adaptSpec, AdaptRefused, type AdaptOptions, type Adapted } from "./adapt.js";
export { unifiedDiff } from "./edits.js";
