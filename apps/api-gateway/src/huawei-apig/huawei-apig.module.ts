import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { HuaweiApigAuthGuard } from './huawei-apig-auth.guard';
import { HuaweiApigCertificatesController } from './huawei-apig-certificates.controller';

@Module({ imports: [ImportsModule], controllers: [HuaweiApigCertificatesController], providers: [HuaweiApigAuthGuard] })
export class HuaweiApigModule {}
