/**
 * Text from a report or a catalogue file put into Markdown (hovers, the computation view) is
 * escaped, so that a document cannot add images (fetched when the hover shows), links, command:
 * URIs, HTML or formatting: the characters that open them are backslash-escaped (CommonMark shows
 * them as written), the colon after a URL scheme too (no autolink), and list or heading marks at
 * the start of a line.
 */
const INLINE = /[\\`*_[\]()!<>|~&#]/g;

export function escapeMarkdown(s: string): string {
  return s
    .replace(INLINE, (c) => '\\' + c)
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):/g, '$1\\:')
    .replace(/^([ \t]*)([-+=]|\d+[.)])(?=[ \t]|$)/gm, '$1\\$2')
    .replace(/\r?\n/g, '  \n');
}
