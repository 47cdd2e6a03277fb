/** Editor features over a checked document, in offsets and plain data (no LSP types); one file per feature. */
export { outline, OutlineItem, SymbolKind } from './outline';
export { foldingRanges } from './folding';
export { hover, HoverResult } from './hover';
export { formatComputation, totalsAt } from './computation';
export { inlayHints, InlayHint } from './inlay';
export { completion, CompletionItem } from './completion';
export { narrativeNumbers } from './tokens';
export { formatDocument } from './format';
export { convert, ConvertResult } from './convert';
export { coverageSummary, coverageLine, TableCoverageView } from './coverage';
export { escapeMarkdown } from './markdown';
