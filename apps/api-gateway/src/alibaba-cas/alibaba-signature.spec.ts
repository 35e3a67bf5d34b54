import { percentEncode } from '../auth/rfc3986';
import { isWellFormedSignature, sign, signatureMatches, stringToSign } from './alibaba-signature';

describe('Alibaba RPC signature v1', () => {
  it('percent-encodes as Alibaba documents: only A-Z a-z 0-9 - _ . ~ stay as they are', () => {
    expect(percentEncode('a b*c~d')).toBe('a%20b%2Ac~d');
    expect(percentEncode("+/=!'()&:")).toBe('%2B%2F%3D%21%27%28%29%26%3A');
    expect(percentEncode('证书\n')).toBe('%E8%AF%81%E4%B9%A6%0A');
    expect(percentEncode('AZaz09-_.')).toBe('AZaz09-_.');
  });

  it("reproduces the StringToSign and Signature of Alibaba's published DescribeRegions example", () => {
    // developer.aliyun.com/ask/210168 ("API 签名机制(示例)"): AccessKeySecret testsecret.
    const parameters = new Map(Object.entries({
      TimeStamp: '2016-02-23T12:46:24Z', Format: 'XML', AccessKeyId: 'testid', Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1', SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', Version: '2014-05-26',
      SignatureVersion: '1.0', Signature: 'ignored: the signature never signs itself',
    }));

    const text = stringToSign('GET', parameters);

    expect(text).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(sign(text, 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it('signs the HTTP method too, so a GET signature does not authorise the same POST', () => {
    const parameters = new Map([['Action', 'CreateUserCertificate']]);
    expect(sign(stringToSign('GET', parameters), 's')).not.toBe(sign(stringToSign('POST', parameters), 's'));
  });

  it('accepts only the shape of a base64 HMAC-SHA1 and compares exactly', () => {
    expect(isWellFormedSignature('CT9X0VtwR86fNWSnsc6v8YGOjuE=')).toBe(true);
    expect(isWellFormedSignature('CT9X0VtwR86fNWSnsc6v8YGOjuE')).toBe(false);
    expect(isWellFormedSignature('CT9X0VtwR86fNWSnsc6v8YGOjuE==')).toBe(false);
    expect(signatureMatches('CT9X0VtwR86fNWSnsc6v8YGOjuE=', 'CT9X0VtwR86fNWSnsc6v8YGOjuE=')).toBe(true);
    expect(signatureMatches('CT9X0VtwR86fNWSnsc6v8YGOjuF=', 'CT9X0VtwR86fNWSnsc6v8YGOjuE=')).toBe(false);
    expect(signatureMatches('short', 'CT9X0VtwR86fNWSnsc6v8YGOjuE=')).toBe(false);
  });
});
