import { sdkPackage } from './package-root.js'

/** The SDK's package name and version, as sent in the `user-agent` header. */
export const SDK_NAME: string = sdkPackage().name
export const SDK_VERSION: string = sdkPackage().version
