import { Module } from '@nestjs/common';
import { CertificateImports } from './certificate-imports.service';
import { OutcomeWaiter } from './outcome-waiter.service';
import { StorageRpc } from './storage-rpc.service';

/** The write path shared by every dialect. */
@Module({ providers: [OutcomeWaiter, StorageRpc, CertificateImports], exports: [CertificateImports, StorageRpc] })
export class ImportsModule {}
