import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { listSchemas, type SchemaListing } from '../../services/schema.js'
import { renderTable } from '../../ui/table.js'

const m = msg.schema.list

export default class SchemaList extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true

  async run(): Promise<SchemaListing[]> {
    await this.parse(SchemaList)
    const schemas = listSchemas()
    if (!this.jsonEnabled()) {
      const c = m.columns
      this.log(
        renderTable(schemas, [
          { header: c.name, get: (s) => s.name },
          { header: c.resource, get: (s) => s.resource },
          { header: c.fields, get: (s) => String(s.fields) },
        ]),
      )
    }
    return schemas
  }
}
