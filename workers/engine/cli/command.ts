/**
 * How the command-line programs read their arguments and end: bad
 * arguments print their message and the usage line (exit code 2); otherwise
 * the exit code `main` resolves to, or 1 with the error's message (prefixed
 * by the command's name) when it throws.
 */

/** `parse(args)`, or null after printing why it refused them and `usage` (the caller then returns exit code 2). */
export function parsedOrUsage<T>(parse: (args: string[]) => T, args: string[], usage: string): T | null {
  try {
    return parse(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return null;
  }
}

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
