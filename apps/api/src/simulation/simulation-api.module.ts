import { Module } from '@nestjs/common';
import { SimulationResolver } from './simulation.resolver';
import { HeavyWorkPerToken } from './heavy-work-per-token';

@Module({ providers: [SimulationResolver, HeavyWorkPerToken] })
export class SimulationApiModule {}
