/** Process entry of the CLI. */
import { main } from './program.ts';

await main(process.argv.slice(2));
