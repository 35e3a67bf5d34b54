import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CredentialStore } from './credential-store.service';
import { CredentialsController } from './credentials.controller';
import { Credential, CredentialSchema } from './schemas/credential.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Credential.name, schema: CredentialSchema }])],
  controllers: [CredentialsController],
  providers: [CredentialStore],
})
export class CredentialsModule {}
