// Entry of the demo bundle (demo/run.mjs compiles this with ncc into demo/out/).
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2));
// Every server and child is closed by now; if something still holds the event loop, say so and
// stop rather than hang the terminal.
setTimeout(() => {
  process.stderr.write('demo: something was left running after the job; exiting\n');
  process.exit(process.exitCode ?? 1);
}, 3000).unref();
