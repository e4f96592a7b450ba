// The configuration of the Concord installation, which does not grow with the scale: users, pipelines and
// their stages, activity types, tags, the product catalogue and the workflows.
import { asciiFold } from "./person-names.js";

export interface User {
  id: number;
  name: string;
  timezone: string;
  superAdmin: boolean;
  accessApi: boolean;
  /** The country whose customers the user looks after. */
  market: "PT" | "ES";
}

export const USER_DOMAIN = "rumo-software.example";

export const USERS: readonly User[] = [
  { id: 1, name: "João Mendes", timezone: "Europe/Lisbon", superAdmin: true, accessApi: true, market: "PT" },
  { id: 2, name: "Inês Carvalho", timezone: "Europe/Lisbon", superAdmin: false, accessApi: false, market: "PT" },
  { id: 3, name: "Sofía Martínez", timezone: "Europe/Madrid", superAdmin: false, accessApi: false, market: "ES" },
  { id: 4, name: "Tiago Sousa", timezone: "Europe/Lisbon", superAdmin: false, accessApi: true, market: "PT" },
  { id: 5, name: "Álvaro Ruiz", timezone: "Europe/Madrid", superAdmin: false, accessApi: false, market: "ES" },
  { id: 6, name: "Beatriz Gonçalves", timezone: "Atlantic/Azores", superAdmin: false, accessApi: false, market: "PT" },
];

/** A user's e-mail: the ASCII-folded name, lower case, `joao.mendes@rumo-software.example`. */
export function userEmail(user: Pick<User, "name">): string {
  return `${asciiFold(user.name).replace(/ /g, ".")}@${USER_DOMAIN}`;
}

export const usersOf = (market: User["market"]): User[] => USERS.filter((u) => u.market === market);

export interface Stage {
  id: number;
  name: string;
  winProbability: number;
  displayOrder: number;
}

export interface Pipeline {
  id: number;
  name: string;
  /** `default` for the pipeline Concord opens first, null for the others. */
  flag: string | null;
  stages: readonly Stage[];
}

const stages = (first: number, named: readonly (readonly [string, number])[]): Stage[] =>
  named.map(([name, winProbability], k) => ({ id: first + k, name, winProbability, displayOrder: k + 1 }));

/** Stage names repeat across the pipelines; stage ids do not. */
export const PIPELINES: readonly Pipeline[] = [
  {
    id: 1,
    name: "Direct Sales",
    flag: "default",
    stages: stages(1, [
      ["Qualified", 20],
      ["Demo", 40],
      ["Proposal", 60],
      ["Negotiation", 80],
      ["Won", 100],
      ["Lost", 0],
    ]),
  },
  {
    id: 2,
    name: "Partners Iberia",
    flag: null,
    stages: stages(7, [
      ["Qualified", 25],
      ["Proposal", 50],
      ["Negotiation", 75],
      ["Won", 100],
      ["Lost", 0],
    ]),
  },
];

/** The stage of a pipeline with this name. */
export function stageNamed(pipeline: Pipeline, name: string): Stage {
  const stage = pipeline.stages.find((s) => s.name === name);
  if (!stage) throw new RangeError(`no stage ${name} in ${pipeline.name}`);
  return stage;
}

/** The stages an open deal can be at: neither Won nor Lost. */
export const openStages = (pipeline: Pipeline): Stage[] =>
  pipeline.stages.filter((s) => s.winProbability > 0 && s.winProbability < 100);

export const ACTIVITY_FLAGS = ["call", "meeting", "task", "email", "deadline", "lunch"] as const;
export type ActivityFlag = (typeof ACTIVITY_FLAGS)[number];

/** Concord's activity types: id k + 1 has flag ACTIVITY_FLAGS[k]. */
export const ACTIVITY_TYPES: readonly { id: number; name: string; icon: string; flag: ActivityFlag }[] = [
  { id: 1, name: "Call", icon: "Phone", flag: "call" },
  { id: 2, name: "Meeting", icon: "Users", flag: "meeting" },
  { id: 3, name: "Task", icon: "CheckCircle", flag: "task" },
  { id: 4, name: "Email", icon: "Mail", flag: "email" },
  { id: 5, name: "Deadline", icon: "Clock", flag: "deadline" },
  { id: 6, name: "Lunch", icon: "Cake", flag: "lunch" },
];

export const activityTypeId = (flag: ActivityFlag): number => ACTIVITY_FLAGS.indexOf(flag) + 1;

export interface Tag {
  id: number;
  name: string;
  type: "contacts" | "deals" | "companies";
}

/** "VIP" is a tag of contacts and, another tag, of deals. */
export const TAGS: readonly Tag[] = [
  { id: 1, name: "VIP", type: "contacts" },
  { id: 2, name: "Decisor", type: "contacts" },
  { id: 3, name: "Newsletter", type: "contacts" },
  { id: 4, name: "Evento Lisboa 2024", type: "contacts" },
  { id: 5, name: "VIP", type: "deals" },
  { id: 6, name: "Renovação", type: "deals" },
  { id: 7, name: "Urgente", type: "deals" },
  { id: 8, name: "Concurso público", type: "deals" },
  { id: 9, name: "Cliente", type: "companies" },
  { id: 10, name: "Parceiro", type: "companies" },
];

export const tagsOfType = (type: Tag["type"]): Tag[] => TAGS.filter((t) => t.type === type);

export interface Product {
  id: number;
  name: string;
  /** null: the product has no SKU. */
  sku: string | null;
  /** In cents. */
  unitPrice: number;
  directCost: number;
  description: string;
  taxRate: number;
  isActive: boolean;
}

/** The product Rumo no longer sells: still in the catalogue, `is_active: false`. */
const DISCONTINUED_SKU = "RUMO-TMS-LEG";

/**
 * The catalogue: product k + 1 on line k, `sku|name|unit price|direct cost|tax rate|description`, prices in euros;
 * `-` for a product without a SKU.
 */
const PRODUCT_LINES: readonly string[] = [
  "RUMO-TMS-USR|Rumo TMS – licença por utilizador (anual)|480|60|23|Gestão de transportes.",
  "RUMO-WMS-USR|Rumo WMS – licença por utilizador (anual)|540|70|23|Gestão de armazém.",
  "RUMO-RP-VEH|Planeador de rotas – por veículo (anual)|96|12|23|Otimização de rotas diária.",
  "RUMO-APP-DRV|App do motorista – por motorista (anual)|60|8|23|Android e iOS; prova de entrega.",
  "RUMO-TEL-BOX|Caixa telemática GPS|149|88|23|Hardware; instalação não incluída.",
  "RUMO-TEL-SUB|Subscrição telemática (mensal)|12.5|3|23|Por veículo; dados móveis incluídos.",
  "RUMO-EDI|Conector EDI (EDIFACT / X12)|2400|400|23|Mensagens DESADV, IFTMIN, INVOIC.",
  "RUMO-API|Acesso API (anual)|1200|0|23|REST, 100 000 pedidos por dia.",
  "SVC-IMPL|Implementação – dia de consultoria|650|300|23|Remoto ou no local.",
  "SVC-MIG|Migração de dados (hora)|95|40|23|A partir de Excel, PHC ou Primavera.",
  "SVC-TRN|Formação certificada (dia)|550|200|0|Formação profissional, isenta de IVA.",
  "SVC-SUP-PREM|Suporte Premium 24/7 (anual)|3600|900|23|Tempo de resposta de 2 horas.",
  "SVC-HC|Health check anual|900|350|23|Revisão de configuração e desempenho.",
  "-|Desenvolvimento à medida (hora)|75|35|23|Relatórios e integrações por medida.",
  "RUMO-TMS-LEG|Rumo TMS Classic – licença perpétua|3900|0|23|Descontinuado em 2023.",
];

export const PRODUCTS: readonly Product[] = PRODUCT_LINES.map((line, k) => {
  const [sku, name, price, cost, taxRate, description] = line.split("|") as [string, ...string[]];
  return {
    id: k + 1,
    name: name!,
    sku: sku === "-" ? null : sku,
    unitPrice: Math.round(Number(price) * 100),
    directCost: Math.round(Number(cost) * 100),
    description: description!,
    taxRate: Number(taxRate),
    isActive: sku !== DISCONTINUED_SKU,
  };
});

export const INACTIVE_PRODUCT = PRODUCTS.find((p) => !p.isActive)!;
export const PRODUCT_WITHOUT_SKU = PRODUCTS.find((p) => p.sku === null)!;
export const ACTIVE_PRODUCTS = PRODUCTS.filter((p) => p.isActive);

export interface Workflow {
  id: number;
  title: string;
  description: string;
  triggerType: string;
  actionType: string;
  data: { readonly [key: string]: string | number | boolean };
  isActive: boolean;
}

export const WORKFLOWS: readonly Workflow[] = [
  {
    id: 1,
    title: "Boas-vindas a novos contactos",
    description: "Envia o e-mail de boas-vindas quando um contacto é criado.",
    triggerType: "contact-created",
    actionType: "send-email",
    data: { to: "contact", subject: "Bem-vindo à Rumo Software", message: "<p>Olá {{ contact.first_name }},</p>" },
    isActive: true,
  },
  {
    id: 2,
    title: "Primeira chamada",
    description: "Cria uma chamada para o responsável de cada empresa nova.",
    triggerType: "company-created",
    actionType: "create-activity",
    data: { activity_type_id: 1, activity_title: "Chamada de qualificação", due_date: "+1 day", user_id: "owner" },
    isActive: true,
  },
  {
    id: 3,
    title: "Demo após qualificação",
    description: "Quando um negócio passa a Qualified, agenda a demonstração.",
    triggerType: "deal-stage-changed",
    actionType: "create-activity",
    data: { stage_id: 1, activity_type_id: 2, activity_title: "Demonstração Rumo TMS", due_date: "+3 days" },
    isActive: true,
  },
  {
    id: 4,
    title: "Avisar o ERP de negócios ganhos",
    description: "Chama o webhook da faturação quando um negócio é ganho.",
    triggerType: "deal-status-changed",
    actionType: "webhook",
    data: { deal_status: "won", request_method: "POST", webhook_url: "https://erp.rumo-software.example/hooks/deal" },
    isActive: true,
  },
  {
    id: 5,
    title: "Alerta de negócio perdido",
    description: "Avisa a direção por e-mail.",
    triggerType: "deal-status-changed",
    actionType: "send-email",
    data: { deal_status: "lost", to: "user", user_id: 1, subject: "Negócio perdido" },
    isActive: false,
  },
  {
    id: 6,
    title: "Novo negócio no Slack",
    description: "Publica cada negócio novo no canal #vendas.",
    triggerType: "deal-created",
    actionType: "webhook",
    data: { request_method: "POST", webhook_url: "https://hooks.slack.example/services/T000/B000/XXXX" },
    isActive: true,
  },
];
