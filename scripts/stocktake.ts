import { buildProgram } from '../adapters/cli/program.ts';

await buildProgram().parseAsync(process.argv);
