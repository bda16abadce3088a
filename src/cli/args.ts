import { CliError } from './context.ts';

/** The value after `--name`, or undefined when the flag is absent. */
export function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`${name} needs a value`);
  return value;
}

/** Arguments that are neither flags nor flag values. */
export function positionals(args: string[], valueFlags: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (valueFlags.includes(a)) i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}
