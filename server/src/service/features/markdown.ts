/**
 * Text from a report or a catalogue file put into Markdown (hovers, the computation view) is
 * escaped: every Markdown and HTML mark character, and the colon of a URL scheme, so that a
 * document cannot add images (fetched when the hover shows), links, command: URIs or HTML.
 */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~:@&"'=]/g;

export function escapeMarkdown(s: string): string {
  return s.replace(SPECIAL, (c) => '\\' + c).replace(/\r?\n/g, '  \n');
}
