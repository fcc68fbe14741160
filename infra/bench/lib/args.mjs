// Command-line and environment settings of the bench scripts.

/** `--name value` pairs (a flag without a value is 'true') as an object. */
export function parseArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
    return acc;
  }, []));
}

/** The environment variable, or the fallback when it is not set. */
export const env = (name, fallback) => process.env[name] ?? fallback;
