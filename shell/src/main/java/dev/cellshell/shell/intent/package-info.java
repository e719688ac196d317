/**
 * Plain language: a request ("make the OK button bigger") becomes a {@link dev.cellshell.shell.intent.Plan} of the
 * same operations the CLI has, found by verb rules and a small grammar first, then by an in-process sentence
 * embedding for paraphrases; the plan is applied as one tissue change (one audit entry, one undo).
 */
package dev.cellshell.shell.intent;
