// The word-character class, defined once for the server, the command line and the client: letters, combining
// marks and decimal digits of any script (SPEC §4: "tokens are runs of letters, marks and digits").
export const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;

/** A run of word characters and underscores: the span a cursor stands in for tag completion and Annotate
 * Selection (an underscore joins a hashtag's words: #ذي_قار). */
export const COMPLETION_WORD = /[\p{L}\p{M}\p{Nd}_]+/u;
/** One character of such a span. */
export const COMPLETION_CHAR = /[\p{L}\p{M}\p{Nd}_]/u;
