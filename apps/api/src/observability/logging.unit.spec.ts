import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger } from './logging';

/** A PinoNestLogger at info level writing JSON lines into an array. */
function loggerAtInfo(): { logger: PinoNestLogger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: new PinoNestLogger(pino({ level: 'info' }, destination)), lines };
}

describe('PinoNestLogger', () => {
  it("should keep Nest's start-up lines (modules, routes) below info, so the admin token stays visible", () => {
    const { logger, lines } = loggerAtInfo();
    logger.log('Starting Nest application...', 'NestFactory');
    logger.log('ApiModule dependencies initialized', 'InstanceLoader');
    logger.log('HealthController {/health}:', 'RoutesResolver');
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.log('Mapped {/graphql, POST} route', 'GraphQLModule');
    logger.log('Nest application successfully started', 'NestApplication');
    expect(lines).toEqual([]);
  });

  it('should log the application and the framework warnings and errors at their level, with their context', () => {
    const { logger, lines } = loggerAtInfo();
    logger.log('serving http://127.0.0.1:3000', 'api');
    logger.warn('schema changed', 'GraphQLModule');
    logger.error('could not listen', 'NestApplication');
    expect(lines.map(({ level, context, msg }) => ({ level, context, msg }))).toEqual([
      { level: 30, context: 'api', msg: 'serving http://127.0.0.1:3000' },
      { level: 40, context: 'GraphQLModule', msg: 'schema changed' },
      { level: 50, context: 'NestApplication', msg: 'could not listen' },
    ]);
  });
});
