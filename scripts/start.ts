// `npm start`: build dist/ with the bundled sample data, then serve the demo pages.
import { build } from './build.ts';
import { startStaticServer } from './lib/static-server.ts';

const port = Number(process.env.PORT ?? 8080);
await build();
await startStaticServer({ root: '.', port, host: process.env.HOST ?? '127.0.0.1' });
const origin = `http://${process.env.HOST ?? '127.0.0.1'}:${port}`;
console.log(`
clinic-locator demo (sample data) is running:
  ${origin}/demo/               OpenStreetMap tiles (needs internet)
  ${origin}/demo/?tiles=local   generated local tiles (works offline)
Press Ctrl+C to stop.`);
