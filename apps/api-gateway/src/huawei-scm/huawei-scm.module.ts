import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { HuaweiScmCertificatesController } from './huawei-scm-certificates.controller';
import { HuaweiScmAuthGuard } from './huawei-scm-auth.guard';

@Module({ imports: [ImportsModule], controllers: [HuaweiScmCertificatesController], providers: [HuaweiScmAuthGuard] })
export class HuaweiScmModule {}
