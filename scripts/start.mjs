// npm start: the demo instance (a Mobilizon-speaking server with seeded data) and the demo page
// (every element and a configurator), both on 127.0.0.1. Ctrl-C stops both.
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startDemoInstance } from '../demo/instance/server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    'instance-port': { type: 'string', default: process.env.INSTANCE_PORT ?? '4000' },
  },
});

let instanceUrl = process.env.DEMO_INSTANCE_URL;
let instance;
if (!instanceUrl) {
  try {
    instance = await startDemoInstance({ port: Number(values['instance-port']) });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    instance = await startDemoInstance({ port: 0 }); // 4000 taken: any free port
  }
  instanceUrl = instance.url;
}

// index.html reads it as %VITE_DEMO_INSTANCE% and demo.ts as import.meta.env.VITE_DEMO_INSTANCE.
process.env.VITE_DEMO_INSTANCE = instanceUrl;
const server = await createServer({ configFile: 'vite.config.ts', server: { port: Number(values.port), strictPort: false } });
await server.listen();
const address = server.httpServer?.address();
const pageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : values.port}/`;

console.log(`Demo instance: ${instanceUrl}`);
console.log(`Demo page:     ${pageUrl}`);
console.log('Press Ctrl-C to stop.');

const stop = async () => {
  await server.close();
  await instance?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
