// The form of a ref (`namespace:id`, both parts non-empty, no spaces), defined once: the sidecar reader, the
// importers and the server's parameter checks apply it, and the client checks a ref as it is typed.
export const REF_PATTERN = /^[^\s:]+:\S+$/;
