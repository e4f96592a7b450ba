// odoo-await ships no types; this is the part mapc uses.
declare module "odoo-await" {
  interface OdooOptions {
    baseUrl?: string;
    port?: number;
    db?: string;
    username?: string;
    password?: string;
  }
  export default class Odoo {
    constructor(options?: OdooOptions);
    connect(): Promise<number>;
    execute_kw(model: string, method: string, params: unknown[]): Promise<unknown>;
  }
}
