// Names, places and texts of a Concord CRM installation: Rumo Software, Lda., a logistics software vendor in
// Lisbon (transport and warehouse management, route planning, driver app, telematics) selling to transport,
// distribution and warehousing companies in Portugal and Spain. Domains use the reserved `.example` top-level
// domain; the people and companies are invented.

export interface Country {
  id: number;
  name: string;
  iso_3166_2: "PT" | "ES";
}

export const PORTUGAL: Country = { id: 620, name: "Portugal", iso_3166_2: "PT" };
export const SPAIN: Country = { id: 724, name: "Spain", iso_3166_2: "ES" };

/** A customer company as Concord holds it; `industry` is an INDUSTRIES id or null. */
export interface CompanyEntry {
  name: string;
  /** The name without its legal form, for deal names. */
  short: string;
  domain: string;
  street: string;
  city: string;
  postalCode: string;
  country: Country;
  industry: number | null;
}

/** Concord's industries, by id. */
export const INDUSTRIES: Readonly<Record<number, string>> = {
  1: "Transportation",
  2: "Logistics",
  3: "Retail",
  4: "Wholesale",
  5: "Food & Beverage",
  6: "Manufacturing",
};

/**
 * The companies of a block, by position: company c of every block is COMPANIES[c]. Each is written
 * `country|name|short name|domain|street|city|postal code|industry id` (`null`: no industry).
 */
const COMPANY_LINES: readonly string[] = [
  "PT|Transportes Conceição & Filhos, Lda.|Conceição & Filhos|conceicao-transportes.example|Rua da Estação, 14|Leiria|2400-137|1",
  "PT|Logística Atlântico, S.A.|Logística Atlântico|logistica-atlantico.example|Avenida D. João II, 41|Lisboa|1990-096|2",
  "PT|Frio Norte Distribuição, Lda.|Frio Norte|frionorte.example|Zona Industrial da Maia I, Lote 22|Maia|4470-605|5",
  "PT|Armazéns Gonçalves|Armazéns Gonçalves|armazens-goncalves.example|Rua de Cedofeita, 210|Porto|4100-324|4",
  "PT|Rodoviária do Alentejo, S.A.|Rodoviária do Alentejo|rodalentejo.example|Estrada de Viana, km 2|Évora|7005-639|1",
  "PT|TransBeira Cargas, Lda.|TransBeira|transbeira.example|Rua Alexandre Herculano, 77|Viseu|3500-089|1",
  "PT|Porto Seco Logistics, Lda.|Porto Seco|portoseco.example|Rua Heróis de França, 505|Matosinhos|4450-208|2",
  "PT|Mercearias Lusitânia, S.A.|Mercearias Lusitânia|lusitania-mercearias.example|Praça da República, 9|Coimbra|3000-150|3",
  "PT|Açores Shipping, Lda.|Açores Shipping|acores-shipping.example|Avenida Infante D. Henrique, 3|Ponta Delgada|9500-150|2",
  "PT|Madeira Frete Express|Madeira Frete|madeirafrete.example|Rua da Alfândega, 45|Funchal|9000-060|null",
  "PT|Expresso Ribatejo, Lda.|Expresso Ribatejo|expressoribatejo.example|Rua Serpa Pinto, 12|Santarém|2000-079|1",
  "PT|Cadeia de Frio Algarve, Lda.|Frio Algarve|frioalgarve.example|Rua de Berlim, 8|Faro|8000-286|5",
  "PT|Distribuidora Minhota, S.A.|Distribuidora Minhota|minhota.example|Avenida da Liberdade, 600|Braga|4700-320|4",
  "PT|LogiSado Operações Portuárias, S.A.|LogiSado|logisado.example|Doca de Pesca, Armazém 4|Setúbal|2900-172|2",
  "PT|Vinhos & Paletes, Lda.|Vinhos & Paletes|vinhosepaletes.example|Cais de Gaia, 150|Vila Nova de Gaia|4400-111|5",
  "PT|Têxteis Barcelos Expedição, Lda.|Têxteis Barcelos|texteisbarcelos.example|Rua Dom António Barroso, 30|Barcelos|4750-282|6",
  "PT|Grupo Távora Transportes|Grupo Távora|tavora-transportes.example|Cais da Fonte Nova, 2|Aveiro|3800-200|1",
  "PT|Papelaria Central Distribuição, Lda.|Papelaria Central|papelariacentral.example|Rua Braamcamp, 40|Lisboa|1250-050|4",
  "PT|Farmalog Portugal, S.A.|Farmalog|farmalog.example|Rua do Proletariado, 1|Oeiras|2740-262|2",
  "PT|Cerâmicas São João Logística|Cerâmicas São João|ceramicas-sj.example|Rua Frei Estêvão Martins, 5|Alcobaça|2460-018|6",
  "PT|Linha Verde Entregas, Lda.|Linha Verde|linhaverde.example|Avenida Conde Castro Guimarães, 21|Amadora|2700-066|null",
  "PT|Horta Fresca Distribuição|Horta Fresca|hortafresca.example|Rua Cândido dos Reis, 16|Torres Vedras|2560-274|5",
  "PT|Nortecarga, Lda.|Nortecarga|nortecarga.example|Avenida de São Gonçalo, 330|Guimarães|4810-225|1",
  "PT|Ibérica de Contentores, S.A.|Ibérica de Contentores|ibericacontentores.example|ZILS, Lote 2E|Sines|7520-220|2",
  "PT|Mármores Estremoz Transportes|Mármores Estremoz|marmores-estremoz.example|Rossio Marquês de Pombal, 7|Estremoz|7100-113|6",
  "PT|Corticeira do Sul, Lda.|Corticeira do Sul|corticeirasul.example|Rua Gago Coutinho, 58|Montijo|2870-100|6",
  "PT|Rápido Lisboa Courier, Lda.|Rápido Lisboa|rapidolisboa.example|Avenida Fontes Pereira de Melo, 35|Lisboa|1050-118|1",
  "PT|Pão Quente Distribuição, Lda.|Pão Quente|paoquente.example|Rua Dr. Alfredo Costa, 11|Sintra|2710-437|5",
  "ES|Transportes Peñalara, S.L.|Peñalara|penalara-transportes.example|Calle de Méndez Álvaro, 56|Madrid|28045|1",
  "ES|Logística Ibáñez, S.A.|Logística Ibáñez|logistica-ibanez.example|Polígono PLAZA, Calle Bari, 25|Zaragoza|50197|2",
  "ES|Frigoríficos del Ebro, S.L.|Frigoríficos del Ebro|frigorificos-ebro.example|Avenida de Mendavia, 20|Logroño|26009|5",
  "ES|Cargas Galicia Atlántica, S.L.|Cargas Galicia|cargasgalicia.example|Rúa de Beiramar, 19|Vigo|36202|1",
  "ES|Distribuciones Muñoz e Hijos, S.L.|Distribuciones Muñoz|munoz-distribuciones.example|Calle Astronomía, 1|Sevilla|41015|4",
  "ES|Almacenes Castellanos, S.A.|Almacenes Castellanos|almacenescastellanos.example|Calle Metal, 12|Valladolid|47012|4",
  "ES|Mensajería Levante Exprés, S.L.|Levante Exprés|levante-expres.example|Avenida del Puerto, 300|Valencia|46024|null",
  "ES|Operadora Portuaria de Algeciras, S.A.|Operadora Portuaria|opalgeciras.example|Avenida de la Hispanidad, 2|Algeciras|11207|2",
  "ES|Transportes Navarro Ortiz, S.L.|Navarro Ortiz|navarro-ortiz.example|Calle Iturrama, 44|Pamplona|31007|1",
  "ES|Extremadura Logística, S.L.|Extremadura Logística|extremadura-log.example|Avenida de Elvas, 10|Badajoz|06006|2",
  "ES|Catalana de Paletización, S.L.|Catalana de Paletización|catalanapalet.example|Carrer de la Química, 7|Barcelona|08040|6",
  "ES|Fruterías Andaluzas Distribución, S.L.|Fruterías Andaluzas|fruteriasandaluzas.example|Calle Héroe de Sostoa, 120|Málaga|29002|5",
];

export const COMPANIES: readonly CompanyEntry[] = COMPANY_LINES.map((line) => {
  const [country, name, short, domain, street, city, postalCode, industry] = line.split("|") as [string, ...string[]];
  return {
    name: name!,
    short: short!,
    domain: domain!,
    street: street!,
    city: city!,
    postalCode: postalCode!,
    country: country === "PT" ? PORTUGAL : SPAIN,
    industry: industry === "null" ? null : Number(industry),
  };
});

/** A list written as one string, `a, b, c`: short enough to read, and one line in the source. */
const list = (items: string): string[] => items.split(", ");

export const PT_NAMES = {
  first: list("João, Maria, Inês, Tiago, Ana, Rui, Catarina, Pedro, Sofia, Miguel, Beatriz, Gonçalo, Mariana, Luís"),
  last: list(
    "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes, Gonçalves, Gomes",
  ).concat(list("Lopes, Marques, Alves, Ribeiro, Pinto, Carvalho, Magalhães, Simões, Araújo, Brandão")),
};

export const ES_NAMES = {
  first: list("Álvaro, Lucía, Javier, Carmen, Sergio, María José, Begoña, Raúl, Nuria, Andrés, Pilar, Jesús, Rocío"),
  last: list(
    "García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz",
  ).concat(list("Hernández, Díaz, Núñez, Muñoz, Peña")),
};

export const PT_JOB_TITLES = [
  "Diretor de Operações",
  "Gestora de Frota",
  "Responsável de Armazém",
  "Diretor Financeiro",
  "Administrador",
  "Técnico de Sistemas",
  "Coordenadora Logística",
  "Responsável de Compras",
];

export const ES_JOB_TITLES = [
  "Director de Operaciones",
  "Jefa de Almacén",
  "Responsable de Tráfico",
  "Director Financiero",
  "Gerente",
  "Responsable de Sistemas",
];

/** Where people without a company keep their e-mail. */
export const PRIVATE_MAIL_DOMAINS = { PT: ["gmail.com", "sapo.pt"], ES: ["gmail.com", "hotmail.es"] } as const;

export const PT_DEAL_TOPICS = [
  "Rumo TMS para a frota",
  "WMS armazém central",
  "Planeador de rotas",
  "App do motorista",
  "Renovação anual",
  "Telemática frota",
  "Migração de dados",
  "Conector EDI",
];

export const ES_DEAL_TOPICS = [
  "TMS para la flota",
  "WMS almacén regional",
  "Planificador de rutas",
  "App de conductores",
  "Renovación anual",
  "Telemática",
];

export const LOST_REASONS = [
  "Escolheram um concorrente mais barato (Transporeon).",
  "Sem orçamento este ano; voltar a contactar em 2025.",
  "Projeto adiado pela administração.",
  "Decidieron mantener su ERP actual.",
];

export const ACTIVITY_TITLES: Readonly<Record<string, readonly string[]>> = {
  call: ["Chamada de acompanhamento", "Ligar sobre a proposta", "Llamada de seguimiento", "Chamada de qualificação"],
  meeting: ["Demonstração Rumo TMS", "Reunião de levantamento", "Reunión de arranque", "Visita ao armazém"],
  task: ["Enviar proposta revista", "Preparar demo com dados do cliente", "Atualizar contrato", "Pedir NIF e morada"],
  email: ["Enviar caso de estudo", "Responder a dúvidas técnicas", "Enviar credenciais de teste"],
  deadline: ["Prazo do concurso", "Fim do período de teste", "Entrega da proposta"],
  lunch: ["Almoço com a direção", "Almuerzo con el cliente"],
};

export const ACTIVITY_DESCRIPTIONS = [
  "<p>Confirmar número de veículos e motoristas.</p>",
  "<p>Levar portátil com a demo e os dados de rotas de exemplo.</p>",
  "Rever requisitos de integração com o ERP.",
  "<p>Cliente pediu preço para <strong>30 utilizadores</strong>.</p>",
  "",
];

export const ACTIVITY_NOTES = [
  "Cliente satisfeito com a demo.",
  "Pediram referência de outro cliente do setor.",
  "Falta aprovação do diretor financeiro.",
];

export const NOTE_BODIES = [
  "<p>Falei com {first}: o armazém novo abre em setembro.</p>",
  "<p>Requisitos:</p><ul><li>integração SAP</li><li>etiquetas GS1</li></ul>",
  "<p>{first} prefere reuniões de manhã.</p>",
  "<p>Enviei a proposta v2 por e-mail.<br>Aguardar resposta até sexta.</p>",
  "<p><b>Importante:</b> contrato atual termina em dezembro.</p>",
  "Cliente quer pagar a 60 dias.",
];

export const EMAIL_SUBJECTS = [
  "Proposta Rumo TMS",
  "Dúvidas sobre a integração",
  "Re: Demonstração",
  "Presupuesto planificador de rutas",
  "Credenciais do ambiente de testes",
  "Re: Renovação do contrato",
];
