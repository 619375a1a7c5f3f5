import { Module } from '@nestjs/common';
import { CampaignsResolver } from './campaigns.resolver';

@Module({ providers: [CampaignsResolver] })
export class CampaignsApiModule {}
