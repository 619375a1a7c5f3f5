import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** 200 once the api serves (the store opened at start, or the process would have exited). */
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
