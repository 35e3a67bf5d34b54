/** Every AccessKeyId storage accepts (its credential id pattern); anything else names no key and is not looked up. */
export const ACCESS_KEY_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Huawei's AK shape, 20 upper-case letters and digits, which `create-access-key --cloud huawei` issues. Alibaba
 * AccessKeyIds (`LTAI` and 20 letters and digits) never have it. The shape binds a key to its cloud: a Huawei
 * AK signs only Huawei requests and an Alibaba AccessKeyId only Alibaba ones, so a pair issued for one cloud's
 * tooling is not accepted by the other's signature check.
 */
export const HUAWEI_ACCESS_KEY_ID = /^[A-Z0-9]{20}$/;

export function isHuaweiAccessKeyId(id: string): boolean {
  return HUAWEI_ACCESS_KEY_ID.test(id);
}

export function isAlibabaAccessKeyId(id: string): boolean {
  return ACCESS_KEY_ID.test(id) && !HUAWEI_ACCESS_KEY_ID.test(id);
}
