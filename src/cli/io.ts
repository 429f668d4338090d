/** What a CLI command may touch: its output streams. Commands return an exit code. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
