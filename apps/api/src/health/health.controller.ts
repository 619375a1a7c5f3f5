import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/public.decorator';

@Public()
@Controller('health')
export class HealthController {
  /** 200 once the api serves (the store opened at start, or the process would have exited). */
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
