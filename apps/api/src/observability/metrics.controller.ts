import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { metricsRegistry } from './metrics';

/** Prometheus text format; public like /health, for the scraper on the internal network. */
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  @Header('cache-control', 'no-store')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
