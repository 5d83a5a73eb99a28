// Errors a request can end with, as the user should see them. Both become JSON-RPC errors at the protocol
// boundary (InvalidParams); anything else thrown is a bug and is logged with its stack.

/** A request the user must be told about (the client shows the message). */
export class UserError extends Error {}

/** A parameter that breaks the rules the sidecar reader applies: refused before anything changes. */
export class InvalidParamsError extends UserError {}
