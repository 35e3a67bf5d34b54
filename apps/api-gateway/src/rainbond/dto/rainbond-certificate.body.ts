import { IsString, Length } from 'class-validator';

/**
 * TeamCertificatesC from rainbond-add-certificate.md / rainbond-update-certificate.md. The lengths are the
 * ones Rainbond's own serializer declares (alias 64, PEMs 8192, type 32).
 */
export class RainbondCertificateBody {
  @IsString()
  @Length(1, 64)
  alias!: string;

  @IsString()
  @Length(1, 8192)
  private_key!: string;

  @IsString()
  @Length(1, 8192)
  certificate!: string;

  @IsString()
  @Length(1, 32)
  certificate_type!: string;
}

/** TeamCertificatesR: the request echoed back with the integer id. */
export interface RainbondCertificateResponse {
  readonly alias: string;
  readonly private_key: string;
  readonly certificate: string;
  readonly certificate_type: string;
  readonly id: number;
}
