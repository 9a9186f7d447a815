// Start PostgreSQL or MySQL in a container with testcontainers' own modules, so an
// official image (postgres:16, mysql:8.4) or a locally built one works the same way.
import type { StartedContainer } from './resolver.ts';
import type { ServerDialect } from './settings.ts';

export async function startContainer(dialect: ServerDialect, image: string): Promise<StartedContainer> {
  const started = Date.now();
  if (dialect === 'postgres') {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer(image).start();
    return {
      url: container.getConnectionUri(),
      id: container.getId(),
      image,
      startMs: Date.now() - started,
      stop: async () => void (await container.stop()),
    };
  }
  const { MySqlContainer } = await import('@testcontainers/mysql');
  const container = await new MySqlContainer(image).start();
  return {
    url: container.getConnectionUri(true), // as root: the run creates its own databases
    id: container.getId(),
    image,
    startMs: Date.now() - started,
    stop: async () => void (await container.stop()),
  };
}
