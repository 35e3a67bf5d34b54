import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { HuaweiScmCertificatesController } from './huawei-scm-certificates.controller';

@Module({ imports: [ImportsModule], controllers: [HuaweiScmCertificatesController] })
export class HuaweiScmModule {}
