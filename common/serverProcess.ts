// How the language server's process is started: the options every launcher passes (the extension, the protocol
// tests, the benchmarks), so that what is tested and measured is what runs.

/**
 * Node options of the server process. A young generation of 2 MB rather than the default 16: what the server
 * loads (a knowledge base of a million names, a corpus index) lives as long as the server, so a large nursery only
 * copies it between semispaces before promoting it and holds tens of megabytes more while loading. A million names:
 * peak RSS 306–324 MB with the default, 271–293 MB with 2 MB, ready as soon.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2'];
