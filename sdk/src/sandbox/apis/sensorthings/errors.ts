/**
 * An answer other than 200 that the SensorThings routes send as `{ code, type: 'error', message }`
 * (FROST-Server's shape). Thrown anywhere below the routes; the API's error handler renders it.
 */
export class SensorThingsError extends Error {
  readonly status: number

  constructor(status: number, message: string) {
    super(message)
    this.name = 'SensorThingsError'
    this.status = status
  }
}

export const badRequest = (message: string) => new SensorThingsError(400, message)
export const notFound = (message: string) => new SensorThingsError(404, message)
export const notImplemented = (message: string) => new SensorThingsError(501, message)
