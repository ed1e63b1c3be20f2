import path from 'node:path';
import { z } from 'zod';

/** Everything Custodian reads from its environment, parsed once. */
export interface Config {
  /** A PostgreSQL server; when absent, the embedded database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  /** Interface to listen on. Demo mode forces 127.0.0.1. */
  host: string;
  logLevel: string;
  /** Secure cookies; on whenever the service sits behind TLS. */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from this many proxies (0 = none). */
  trustProxy: number;
  smtpUrl: string | undefined;
  /** The From address of outgoing mail. */
  mailFrom: string;
  /** Where attachments and other files are kept (content-addressed). */
  filesDir: string;
  /** Largest attachment accepted, in bytes. */
  maxUploadBytes: number;
  councilName: string;
  /** The council's own target for press and general enquiries, in working days. */
  enquiryTargetDays: number;
  councilNation: 'england-and-wales' | 'scotland' | 'northern-ireland';
  /** Days an approved disposal list waits, during which anyone with the right can stop it. */
  disposalCoolingOffDays: number;
  /**
   * Days a destroyed file waits in the quarantine folder (under the data folder, readable by the service alone) before
   * it is removed for good, so a mistake found at once can still be put right: by default a second cooling-off.
   */
  disposalQuarantineDays: number;
  /**
   * Sign-in with the council's identity provider (Microsoft Entra ID, or any OpenID Connect provider): on when all three
   * of issuer, client id and secret are set. `publicUrl` is where people reach Custodian, for the redirect back.
   */
  oidc:
    | {
        issuerUrl: string;
        clientId: string;
        clientSecret: string;
        publicUrl: string;
        /** The ID token claim holding HR's employee id (Entra's optional claim is "employeeid"). */
        employeeIdClaim: string;
        /** The button's words: "Sign in with your council account". */
        label: string;
      }
    | undefined;
  /** How discovery reads files: threads at once (0 = one per core), OCR engine, per-file limits. */
  discovery: {
    threads: number;
    ocr: 'auto' | 'native' | 'wasm' | 'off';
    fileTimeoutMs: number;
    maxExtractBytes: number;
  };
}

const booleanish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).optional(),
  CUSTODIAN_DATA_DIR: z.string().trim().min(1).default('data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECURE_COOKIES: booleanish.default(false),
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  SMTP_URL: z.string().trim().min(1).optional(),
  MAIL_FROM: z.string().trim().min(3).default('Information Governance <foi@council.example>'),
  CUSTODIAN_FILES_DIR: z.string().trim().min(1).optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  COUNCIL_NAME: z.string().trim().min(1).default('Kingsmere Borough Council'),
  ENQUIRY_TARGET_DAYS: z.coerce.number().int().min(1).max(100).default(10),
  COUNCIL_NATION: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales'),
  DISPOSAL_COOLING_OFF_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  DISPOSAL_QUARANTINE_DAYS: z.coerce.number().int().min(0).max(365).optional(),
  OIDC_ISSUER_URL: z.string().trim().url().optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_EMPLOYEE_ID_CLAIM: z.string().trim().min(1).default('employeeid'),
  OIDC_LABEL: z.string().trim().min(1).default('Sign in with your council Microsoft account'),
  PUBLIC_URL: z.string().trim().url().optional(),
  CUSTODIAN_THREADS: z.coerce.number().int().min(0).max(256).default(0),
  CUSTODIAN_OCR: z.enum(['auto', 'native', 'wasm', 'off']).default('auto'),
  CUSTODIAN_FILE_TIMEOUT_S: z.coerce.number().positive().max(86_400).default(120),
  CUSTODIAN_MAX_EXTRACT_MB: z.coerce.number().positive().max(4096).default(64),
});

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in an env file) means "not set".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const oidcSet = [e.OIDC_ISSUER_URL, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3)
    throw new ConfigError(
      'Invalid configuration: set all of OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none',
    );
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CUSTODIAN_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    filesDir: path.resolve(e.CUSTODIAN_FILES_DIR ?? path.join(e.CUSTODIAN_DATA_DIR, 'files')),
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    councilName: e.COUNCIL_NAME,
    enquiryTargetDays: e.ENQUIRY_TARGET_DAYS,
    councilNation: e.COUNCIL_NATION,
    disposalCoolingOffDays: e.DISPOSAL_COOLING_OFF_DAYS,
    disposalQuarantineDays: e.DISPOSAL_QUARANTINE_DAYS ?? e.DISPOSAL_COOLING_OFF_DAYS,
    oidc:
      oidcSet === 3
        ? {
            issuerUrl: e.OIDC_ISSUER_URL!,
            clientId: e.OIDC_CLIENT_ID!,
            clientSecret: e.OIDC_CLIENT_SECRET!,
            publicUrl: (e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, ''),
            employeeIdClaim: e.OIDC_EMPLOYEE_ID_CLAIM,
            label: e.OIDC_LABEL,
          }
        : undefined,
    discovery: {
      threads: e.CUSTODIAN_THREADS,
      ocr: e.CUSTODIAN_OCR,
      fileTimeoutMs: Math.round(e.CUSTODIAN_FILE_TIMEOUT_S * 1000),
      maxExtractBytes: Math.round(e.CUSTODIAN_MAX_EXTRACT_MB * 1024 * 1024),
    },
  };
}

/** A connection string safe to print: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return '(unparseable database URL)';
  }
}
