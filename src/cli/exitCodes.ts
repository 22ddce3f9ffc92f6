// The CLI's exit codes are part of its contract (scripts and CI branch on them).
export const EXIT_OK = 0;
/** A finding at or above the `--fail-on` severity: the CI gate, kept apart from tool failures. */
export const EXIT_FINDINGS = 1;
/** Bad usage: unknown command or option, bad option value. */
export const EXIT_USAGE = 2;
/** A root folder that does not exist or cannot be read. */
export const EXIT_UNREADABLE_ROOT = 3;
/** An unexpected failure inside the analysis or while writing the output. */
export const EXIT_FAILURE = 4;
/** Interrupted by Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;
