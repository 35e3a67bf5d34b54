import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';

// Placeholder: the huawei-scm dialect's controllers are registered here.
@Module({ imports: [ImportsModule], controllers: [] })
export class HuaweiScmModule {}
