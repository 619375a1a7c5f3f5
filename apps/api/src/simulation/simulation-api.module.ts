import { Module } from '@nestjs/common';
import { SimulationResolver } from './simulation.resolver';

@Module({ providers: [SimulationResolver] })
export class SimulationApiModule {}
