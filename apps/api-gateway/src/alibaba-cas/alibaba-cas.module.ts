import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';

// Placeholder: the alibaba-cas dialect's controllers are registered here.
@Module({ imports: [ImportsModule], controllers: [] })
export class AlibabaCasModule {}
