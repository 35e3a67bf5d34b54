import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { CertificateUploadsController } from './certificate-uploads.controller';
import { DryRunRpc } from './dry-run-rpc.service';

/** Import and dry run through the certhub API. */
@Module({ imports: [ImportsModule], controllers: [CertificateUploadsController], providers: [DryRunRpc] })
export class CertificateUploadsModule {}
