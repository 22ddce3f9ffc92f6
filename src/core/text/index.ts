// Safe text for every output, one module per output type: Markdown (tooltips, hovers), Mermaid (diagram
// labels and comments), terminal text (the CLI) and SARIF messages, on one shared base (visible.ts).
export { ELLIPSIS, NAME_CAP, capWords, isHidden, visibleCodePoint, visibleText } from './visible';
export type { VisibleOptions } from './visible';
export { FSI, PDI, displayName, hasRightToLeft, isolatedName } from './bidi';
export type { DisplayName } from './bidi';
export { SNIPPET_CAP, markdownCode, markdownText } from './markdown';
export { MERMAID_COMMENT_CAP, MERMAID_LABEL_CAP, escapeMermaidLabel, mermaidComment, mermaidLabel } from './mermaid';
export { MESSAGE_CAP, terminalMessage, terminalText } from './terminal';
export { SARIF_MESSAGE_CAP, sarifMessage, sarifName } from './sarif';
export { PLAIN_MESSAGE_CAP, plainMessage, plainName } from './plain';
