import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { HuaweiApigCertificatesController } from './huawei-apig-certificates.controller';

@Module({ imports: [ImportsModule], controllers: [HuaweiApigCertificatesController] })
export class HuaweiApigModule {}
