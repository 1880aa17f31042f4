import { Flags } from '@oclif/core'
import type { ServiceAttribute, SubmitRequestInput, SubmitResult } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { ask, canPrompt } from '../../prompts.js'
import { cityClient } from '../../services/city.js'
import { missingAttributes, parseAttributes } from '../../services/grievances.js'

const m = msg.grievances.submit

export default class GrievancesSubmit extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = {
    service: Flags.string({ char: 's', description: m.service }),
    lat: Flags.string({ description: m.lat, dependsOn: ['lon'], exclusive: ['address', 'address-id'] }),
    lon: Flags.string({ description: m.lon, dependsOn: ['lat'], exclusive: ['address', 'address-id'] }),
    address: Flags.string({ description: m.address, exclusive: ['lat', 'lon', 'address-id'] }),
    'address-id': Flags.string({ description: m.addressId, exclusive: ['lat', 'lon', 'address'] }),
    description: Flags.string({ char: 'd', description: m.descriptionFlag }),
    attribute: Flags.string({ char: 'a', description: m.attribute, multiple: true }),
    email: Flags.string({ description: m.email }),
    phone: Flags.string({ description: m.phone }),
    'first-name': Flags.string({ description: m.firstName }),
    'last-name': Flags.string({ description: m.lastName }),
    'media-url': Flags.string({ description: m.mediaUrl }),
    'idempotency-key': Flags.string({ description: m.idempotencyKey }),
    ...apiFlags,
  }

  async run(): Promise<SubmitResult> {
    const { flags } = await this.parse(GrievancesSubmit)
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })

    const serviceCode =
      flags.service ??
      (await ask('--service', async ({ select }) => {
        const services = await city.grievances.services()
        return select({ message: m.askService, choices: services.map((s) => ({ name: `${s.serviceName} (${s.serviceCode})`, value: s.serviceCode })) })
      }))
    const location: SubmitRequestInput['location'] =
      flags.lat !== undefined && flags.lon !== undefined
        ? { lat: Number(flags.lat), lon: Number(flags.lon) }
        : flags['address-id'] !== undefined
          ? { addressId: flags['address-id'] }
          : { addressString: flags.address ?? (await ask('--lat/--lon or --address', ({ input }) => input({ message: m.askAddress, required: true }))) }
    const description = flags.description ?? (canPrompt() ? await ask('--description', ({ input }) => input({ message: m.askDescription })) : undefined)
    const attributes = parseAttributes(flags.attribute ?? [])
    for (const attribute of await missingAttributes(city, serviceCode, attributes)) {
      attributes[attribute.code] = await askAttribute(attribute)
    }

    const result = await city.grievances.submit(
      {
        serviceCode,
        location,
        ...(description ? { description } : {}),
        ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
        ...(flags.email ? { email: flags.email } : {}),
        ...(flags.phone ? { phone: flags.phone } : {}),
        ...(flags['first-name'] ? { firstName: flags['first-name'] } : {}),
        ...(flags['last-name'] ? { lastName: flags['last-name'] } : {}),
        ...(flags['media-url'] ? { mediaUrl: flags['media-url'] } : {}),
      },
      flags['idempotency-key'] ? { idempotencyKey: flags['idempotency-key'] } : {},
    )
    if (!this.jsonEnabled()) {
      if (result.serviceRequestId) this.log(m.filed(result.serviceRequestId))
      else if (result.token) this.log(m.queued(result.token))
      if (result.serviceNotice) this.log(m.notice(result.serviceNotice))
    }
    return result
  }
}

/** A required question of the service: a menu for lists, else free input; without a terminal, the flag to pass. */
function askAttribute(attribute: ServiceAttribute): Promise<string | string[]> {
  const hint = attribute.values.length > 0 ? attribute.values.map((v) => v.key).join('|') : attribute.datatype
  return ask<string | string[]>(`--attribute ${attribute.code}=<${hint}> (${attribute.description})`, ({ select, checkbox, input }) => {
    const choices = attribute.values.map((v) => ({ name: v.name, value: v.key }))
    if (attribute.datatype === 'singlevaluelist') return select({ message: attribute.description, choices })
    if (attribute.datatype === 'multivaluelist') return checkbox({ message: attribute.description, choices, required: true })
    return input({ message: attribute.description, required: true })
  })
}
