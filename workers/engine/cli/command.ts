/**
 * How the command-line programs end: the exit code `main` resolves to, or
 * 1 with the error's message (prefixed by the command's name) when it throws.
 */

/** Runs `main` and sets the process's exit code from it. */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
