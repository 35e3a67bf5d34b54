import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { HuaweiScmCertificatesController } from './huawei-scm-certificates.controller';
import { HuaweiScmTokenGuard } from './huawei-scm-token.guard';

@Module({ imports: [ImportsModule], controllers: [HuaweiScmCertificatesController], providers: [HuaweiScmTokenGuard] })
export class HuaweiScmModule {}
