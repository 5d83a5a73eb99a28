// When each message from the client arrives: the connection hands messages to their handlers one per turn of the
// event loop, so background work told only by the handlers would run a slice or two between a keystroke's arrival
// and its handling, and again between the keystroke and the request that follows it.
//
// Watched over node IPC (how VS Code starts the server) and stdio (the command line, the benchmarks). Over a socket
// or a pipe, background work learns of a message when its handler starts.

/** Calls `arrived` as each message (or piece of one) comes in. Call it after the connection listens: a listener
 * added to stdin before the connection's own would let the stream flow while no reader takes what it reads. */
export function watchMessageArrivals(argv: readonly string[], arrived: () => void): void {
  if (argv.includes('--node-ipc')) process.on('message', arrived);
  else if (argv.includes('--stdio')) process.stdin.on('data', arrived);
}
