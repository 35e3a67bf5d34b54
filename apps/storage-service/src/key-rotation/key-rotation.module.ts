import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Certificate, CertificateSchema } from '../certificates/schemas/certificate.schema';
import { Credential, CredentialSchema } from '../credentials/schemas/credential.schema';
import { KeyRotationController } from './key-rotation.controller';
import { KeyringCheck } from './keyring-check.service';
import { KekCheck, KekCheckSchema } from './schemas/kek-check.schema';
import { SealedStore } from './sealed-store.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Certificate.name, schema: CertificateSchema },
      { name: Credential.name, schema: CredentialSchema },
      { name: KekCheck.name, schema: KekCheckSchema },
    ]),
  ],
  controllers: [KeyRotationController],
  providers: [SealedStore, KeyringCheck],
})
export class KeyRotationModule {}
