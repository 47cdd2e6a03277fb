/**
 * Node options the language server is started with (by the VS Code client, and by npm run bench to
 * measure what the editor runs). A young generation of 2 MB instead of V8's default 16 MB: the
 * models of a report are long-lived, so a larger nursery only holds garbage longer and keeps the
 * process ~30 MB larger with a large report open, without making checks faster (measured).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];
