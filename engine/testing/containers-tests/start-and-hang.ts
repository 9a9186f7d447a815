// A stand-in for a test run that dies: start one container with its watchdog, print the
// container's id, then wait to be killed.
import { startContainerReaper } from '../container-reaper.ts';
import { startContainer } from '../containers.ts';
import { readSettings } from '../settings.ts';

const image = readSettings().images.postgres;
const container = await startContainer('postgres', image);
startContainerReaper([container.id]);
process.stdout.write(`${container.id}\n`);
setInterval(() => undefined, 1000);
