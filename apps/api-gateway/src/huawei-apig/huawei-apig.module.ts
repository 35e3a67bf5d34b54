import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';

// Placeholder: the huawei-apig dialect's controllers are registered here.
@Module({ imports: [ImportsModule], controllers: [] })
export class HuaweiApigModule {}
