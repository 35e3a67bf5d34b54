import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { RainbondCertificatesController } from './rainbond-certificates.controller';

@Module({ imports: [ImportsModule], controllers: [RainbondCertificatesController] })
export class RainbondModule {}
